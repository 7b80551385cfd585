import { describe, expect, it } from 'vitest';
import {
  createInvalidBaseImagePlatform,
  invalidBaseImagePlatform,
} from '../../../../src/engine/rules/catalog/buildkit/invalid-base-image-platform.ts';
import { findings, flaggedLines } from '../support.ts';

const rule = createInvalidBaseImagePlatform({
  'corp/arm-only:1.0': 'linux/arm64',
  'docker.io/library/alpine:latest': 'linux/amd64',
  'corp/pi:2': 'linux/arm/v7',
});

describe('invalid-base-image-platform (InvalidBaseImagePlatform)', () => {
  it('says nothing without image platforms (the default rule)', () => {
    expect(flaggedLines(invalidBaseImagePlatform, 'FROM corp/arm-only:1.0\n')).toEqual([]);
  });

  it('flags a base image published for another platform than the target, with BuildKit’s message', () => {
    expect(findings(rule, '\nFROM corp/arm-only:1.0\nENV foo=bar\n').map((f) => [f.range.start.line, f.message])).toEqual([
      [2, 'Base image corp/arm-only:1.0 was pulled with platform "linux/arm64", expected "linux/amd64" for current build'],
    ]);
    expect(findings(rule, 'FROM corp/pi:2\n')[0]!.message).toContain('"linux/arm/v7"');
  });

  it('compares with the stage’s --platform, or the target platform of the build', () => {
    expect(flaggedLines(rule, 'FROM --platform=linux/arm64 corp/arm-only:1.0\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM corp/arm-only:1.0\n', { resolve: { targetPlatform: { os: 'linux', architecture: 'arm64' } } })).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\n', { resolve: { targetPlatform: { os: 'linux', architecture: 'arm64' } } })).toEqual([1]);
  });

  it('compares with the real target platform, which a global ARG TARGETPLATFORM does not change', () => {
    // convert.go: `platform = &platformOpt.targetPlatform` for a stage without --platform; the
    // ARG only changes what $TARGETPLATFORM expands to.
    expect(findings(rule, 'ARG TARGETPLATFORM=linux/arm64\nFROM corp/arm-only:1.0\n').map((f) => f.message)).toEqual([
      'Base image corp/arm-only:1.0 was pulled with platform "linux/arm64", expected "linux/amd64" for current build',
    ]);
    expect(flaggedLines(rule, 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM corp/arm-only:1.0\n')).toEqual([]);
  });

  it('matches image names in any of their spellings, after ARG expansion', () => {
    expect(flaggedLines(rule, 'FROM docker.io/corp/arm-only:1.0\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ARG TAG=1.0\nFROM corp/arm-only:$TAG\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM alpine:latest\nFROM alpine:3.20\n', { resolve: { targetPlatform: { os: 'linux', architecture: 'arm64' } } })).toEqual([1]);
  });

  it('ignores scratch, earlier stages and unknown images', () => {
    expect(flaggedLines(rule, 'FROM scratch\nFROM corp/unknown:1\nFROM corp/arm-only:1.0 AS a\nFROM a\n')).toEqual([3]);
  });
});
