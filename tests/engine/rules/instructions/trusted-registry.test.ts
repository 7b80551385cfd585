import { describe, expect, it } from 'vitest';
import { trustedRegistry as rule } from '../../../../src/engine/rules/catalog/instructions/trusted-registry.ts';
import { findings, flaggedLines } from '../support.ts';

const trusting = (...trustedRegistries: string[]) => ({ config: { options: { trustedRegistries } } });

describe('trusted-registry (DL3026)', () => {
  it('is quiet without a list (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM random.com/debian\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM random.com/debian\n', trusting())).toEqual([]);
  });

  it('checks FROM against the list (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM random.com/debian\n', trusting('docker.io'))).toEqual([1]);
    expect(flaggedLines(rule, 'FROM random.com/debian\n', trusting('x.com', 'random.com'))).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n', trusting('x.com', 'random.com'))).toEqual([]);
    expect(findings(rule, 'FROM random.com/debian\n', trusting('docker.io'))[0]!.message).toBe(
      'Use only an allowed registry in the FROM image',
    );
  });

  it('treats images without a registry as Docker Hub (hadolint spec)', () => {
    const hub = 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n';
    expect(flaggedLines(rule, hub, trusting('docker.io'))).toEqual([]);
    expect(flaggedLines(rule, hub, trusting('*'))).toEqual([]);
    expect(flaggedLines(rule, hub, trusting('trusted.com'))).toEqual([1, 2, 3]);
  });

  it('accepts earlier stages and wildcards (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', trusting('random.com'))).toEqual([]);
    expect(flaggedLines(rule, 'FROM x.com/debian\n', trusting('*.random.com'))).toEqual([1]);
    expect(flaggedLines(rule, 'FROM foo.random.com/debian\n', trusting('x.com', '*.random.com'))).toEqual([]);
    expect(flaggedLines(rule, 'FROM registry.corp.example/debian\n', trusting('registry.*'))).toEqual([]);
  });

  it('checks COPY --from and RUN --mount from= images (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n', trusting('trusted.com'))).toEqual([1]);
    expect(flaggedLines(rule, 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', trusting('trusted.com'))).toEqual([]);
    expect(
      flaggedLines(rule, 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', trusting('trusted.com')),
    ).toEqual([1]);
    expect(
      flaggedLines(rule, 'RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n', trusting('trusted.com')),
    ).toEqual([1]);
    expect(
      flaggedLines(rule, 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', trusting('trusted.com')),
    ).toEqual([]);
    expect(
      flaggedLines(rule, 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n', trusting('trusted.com')),
    ).toEqual([]);
  });

  it('accepts stages and stage indexes as --from, and registries with a port', () => {
    const src = 'FROM trusted.com/go:1 AS build\nFROM trusted.com/base:1\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nRUN --mount=from=build,target=/x true\n';
    expect(flaggedLines(rule, src, trusting('trusted.com'))).toEqual([]);
    expect(flaggedLines(rule, 'FROM localhost:5000/app:1\n', trusting('localhost:5000'))).toEqual([]);
    expect(flaggedLines(rule, 'FROM localhost:5000/app:1\n', trusting('docker.io'))).toEqual([1]);
  });

  it('expands ARGs in FROM, and skips images it cannot know', () => {
    expect(flaggedLines(rule, 'ARG REG=evil.com\nFROM ${REG}/app:1\n', trusting('trusted.com'))).toEqual([2]);
    expect(flaggedLines(rule, 'ARG REG=trusted.com\nFROM ${REG}/app:1\n', trusting('trusted.com'))).toEqual([]);
    expect(flaggedLines(rule, 'ARG IMAGE\nFROM ${IMAGE}\n', trusting('trusted.com'))).toEqual([]);
  });
});
