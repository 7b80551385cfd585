import { describe, expect, it } from 'vitest';
import { baseImageNotPinned as rule } from '../../../../src/engine/rules/catalog/layerwise/base-image-not-pinned.ts';
import { findings, flaggedLines } from '../support.ts';

describe('base-image-not-pinned', () => {
  it('flags images referenced by tag only', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nCMD ["node", "a.js"]\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM ubuntu\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/static-debian12:nonroot\n')).toEqual([1]);
  });

  it('underlines the image reference and says what to write', () => {
    const [f] = findings(rule, 'FROM --platform=linux/amd64 node:22 AS build\n');
    expect(f!.range).toEqual({ start: { line: 1, column: 29 }, end: { line: 1, column: 36 } });
    expect(f!.message).toContain('`node:22@sha256:<digest>`');
    expect(f!.severity).toBe('info');
  });

  it('accepts digests, with or without a tag', () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(flaggedLines(rule, `FROM node:22-slim@${digest}\n`)).toEqual([]);
    expect(flaggedLines(rule, `FROM docker.io/library/node@${digest}\n`)).toEqual([]);
  });

  it('skips scratch, earlier stages and references chosen by a build argument', () => {
    expect(flaggedLines(rule, 'FROM scratch\n')).toEqual([]);
    const digest = 'sha256:' + 'b'.repeat(64);
    expect(flaggedLines(rule, `FROM node:22@${digest} AS build\nFROM build\nFROM BUILD AS again\n`)).toEqual([]);
    expect(flaggedLines(rule, 'ARG BASE\nFROM $BASE\nFROM ${BASE}\n')).toEqual([]);
    // A variable without a value leaves the reference unknown.
    expect(flaggedLines(rule, 'ARG V\nFROM node:${V}\n')).toEqual([]);
  });

  it('expands build arguments with defaults', () => {
    expect(findings(rule, 'ARG V=22\nFROM node:${V}-slim\n')[0]!.message).toContain('`node:22-slim`');
    expect(flaggedLines(rule, `ARG D=sha256:${'c'.repeat(64)}\nFROM node:22@\${D}\n`)).toEqual([]);
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, '# hadolint ignore=base-image-not-pinned\nFROM node:22\n')).toEqual([]);
  });
});
