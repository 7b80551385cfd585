import { describe, expect, it } from 'vitest';
import { tagBaseImage as rule } from '../../../../src/engine/rules/catalog/instructions/tag-base-image.ts';
import { findings, flaggedLines } from '../support.ts';
import { onBuildRuleCatches, onBuildRuleCatchesNot } from '../packages/hadolint.ts';

describe('tag-base-image (DL3006)', () => {
  it('flags untagged images (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM debian AS builder\n')).toEqual([1]);
    expect(findings(rule, 'FROM debian\n')[0]!.message).toBe('Always tag the version of an image explicitly');
  });

  it('accepts digests, tags, variables and scratch (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM ruby@sha256:f1dbca0f5dbc9\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM ruby:2\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM ${VALUE}\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n')).toEqual([]);
  });

  it('accepts earlier stage aliases, but not other untagged images (hadolint spec)', () => {
    const ok = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM build as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n';
    expect(flaggedLines(rule, ok)).toEqual([]);
    onBuildRuleCatchesNot(rule, ok);
    const bad = 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM node as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n';
    expect(flaggedLines(rule, bad)).toEqual([3]);
    onBuildRuleCatches(rule, bad);
  });

  it('reads registries with a port, and compares stage names without case', () => {
    expect(flaggedLines(rule, 'FROM localhost:5000/app\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM localhost:5000/app:1.2\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM golang:1.23 AS Build\nFROM build\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM registry.example.com/team/app\n')).toEqual([1]);
  });

  it('does not treat a later stage as an alias', () => {
    expect(flaggedLines(rule, 'FROM build\nFROM golang:1.23 AS build\n')).toEqual([1]);
  });

  it('underlines the image', () => {
    expect(findings(rule, 'FROM --platform=$BUILDPLATFORM debian AS x\n')[0]!.range).toEqual({
      start: { line: 1, column: 32 },
      end: { line: 1, column: 38 },
    });
  });
});
