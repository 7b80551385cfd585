import { describe, expect, it } from 'vitest';
import { noLatestTag as rule } from '../../../../src/engine/rules/catalog/instructions/no-latest-tag.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-latest-tag (DL3007)', () => {
  it('flags :latest (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian:latest\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM debian:latest AS builder\n')).toEqual([1]);
    expect(findings(rule, 'FROM debian:latest\n')[0]!.message).toBe(
      'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
    );
  });

  it('accepts other tags and digests (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM debian:jessie\n')).toEqual([]);
    expect(
      flaggedLines(rule, 'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n'),
    ).toEqual([]);
    expect(
      flaggedLines(rule, 'FROM hub.docker.io/debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n'),
    ).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:jessie AS builder\n')).toEqual([]);
  });

  it('reads the tag of a registry with a port, and a tag given by an ARG', () => {
    expect(flaggedLines(rule, 'FROM localhost:5000/app:latest\n')).toEqual([1]);
    expect(flaggedLines(rule, 'FROM localhost:5000/app\n')).toEqual([]);
    expect(flaggedLines(rule, 'ARG TAG=latest\nFROM node:${TAG}\n')).toEqual([2]);
    expect(flaggedLines(rule, 'ARG TAG=22\nFROM node:${TAG}\n')).toEqual([]);
    expect(flaggedLines(rule, 'ARG TAG\nFROM node:${TAG}\n')).toEqual([]);
  });

  it('honours hadolint ignore pragmas', () => {
    expect(flaggedLines(rule, '# hadolint ignore=DL3007\nFROM debian:latest\n')).toEqual([]);
  });
});
