import { describe, expect, it } from 'vitest';
import { invalidDefaultArgInFrom as rule } from '../../../../src/engine/rules/catalog/buildkit/invalid-default-arg-in-from.ts';
import { findings, flaggedLines } from '../support.ts';

const messages = (src: string, buildArgs: Record<string, string> = {}) =>
  findings(rule, src, { resolve: { buildArgs } }).map((f) => [f.range.start.line, f.message]);

describe('invalid-default-arg-in-from (InvalidDefaultArgInFrom)', () => {
  it('BuildKit: flags FROMs that the defaults alone make invalid, whatever the build args', () => {
    expect(messages('\nARG VERSION\nFROM busybox:$VERSION\n', { VERSION: 'latest' })).toEqual([
      [3, 'Default value for ARG busybox:$VERSION results in empty or invalid base image name'],
    ]);
    expect(messages('\nARG IMAGE\nFROM $IMAGE\n', { IMAGE: 'busybox:latest' })).toEqual([
      [3, 'Default value for ARG $IMAGE results in empty or invalid base image name'],
    ]);
    expect(messages('\nARG SFX="box:"\nFROM busy${SFX}\n', { SFX: 'box:latest' })).toEqual([
      [3, 'Default value for ARG busy${SFX} results in empty or invalid base image name'],
    ]);
  });

  it('BuildKit: accepts defaults that give a valid reference', () => {
    expect(flaggedLines(rule, '\nARG VERSION="latest"\nFROM busybox:${VERSION}\n')).toEqual([]);
    expect(flaggedLines(rule, '\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n')).toEqual([]);
    expect(flaggedLines(rule, '\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t')).toEqual([]);
  });

  it('accepts plain references, stages, digests and registries with ports', () => {
    const src = 'FROM alpine AS a\nFROM a\nFROM scratch\nFROM localhost:5000/team/app:1.2\nFROM busybox@sha256:' + 'a'.repeat(64) + '\nFROM --platform=$BUILDPLATFORM golang:${GO:-1.23}\n';
    expect(flaggedLines(rule, src)).toEqual([]);
  });

  it('flags invalid references even without variables, as BuildKit does', () => {
    expect(flaggedLines(rule, 'FROM Alpine:3\nFROM alpine::3\nFROM alpine@sha256:abc\n')).toEqual([1, 2, 3]);
  });

  it('uses the predefined platform ARGs', () => {
    expect(flaggedLines(rule, 'FROM corp/tool-$TARGETARCH:1\n')).toEqual([]);
    // A default that requires a variable: the predefined ones are set, so the check goes on...
    expect(flaggedLines(rule, 'ARG X=${TARGETOS:?unset}\nFROM Alpine\n')).toEqual([2]);
    // ...while an unset one stops it, as BuildKit gives up when a default does not expand.
    expect(flaggedLines(rule, 'ARG X=${NOPE:?unset}\nFROM Alpine\n')).toEqual([]);
  });

  it('honours # check=skip', () => {
    expect(flaggedLines(rule, '# check=skip=InvalidDefaultArgInFrom\nARG V\nFROM node:$V\n')).toEqual([]);
  });
});
