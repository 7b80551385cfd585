import { describe, expect, it } from 'vitest';
import { wgetProgressBar as rule } from '../../../../src/engine/rules/catalog/packages/wget-progress-bar.ts';
import { expectFixed, findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches } from './hadolint.ts';

describe('wget-progress-bar (DL3047)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, ['FROM node as foo', 'RUN wget my.xyz']);
    for (const flags of [
      '--progress=dot:giga',
      '-q',
      '--quiet',
      '-nv',
      '--no-verbose',
      '--output-file=/tmp/wget.log',
      '-o /tmp/wget.log',
      '--append-output=/tmp/wget.log',
      '-a /tmp/wget.log',
    ]) {
      catchesNeither(rule, ['FROM node as foo', `RUN wget ${flags} my.xyz`]);
    }
  });

  it('still flags -O and -qO- style flags it does not know', () => {
    ruleCatches(rule, 'FROM debian:12\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz');
    catchesNeither(rule, 'RUN wget -qO- https://example.com/install.sh | sh');
  });

  it('is info, on the command, and adds --progress=dot:giga', () => {
    const f = findings(rule, 'FROM debian:12\nRUN wget https://example.com/x.tgz\n');
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toBe(
      'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
    );
    expectFixed(
      rule,
      'FROM debian:12\nRUN wget https://example.com/a && wget -O b https://example.com/b\n',
      'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a && wget --progress=dot:giga -O b https://example.com/b\n',
    );
    expect(findings(rule, 'FROM alpine:3.21\nRUN busybox wget https://example.com/a\n')[0]!.fix).toBeUndefined();
    expectFixed(rule, 'FROM debian:12 AS base\nFROM base\nONBUILD RUN wget https://example.com/a\n');
  });

  it('offers no fix where wget may be BusyBox\'s', () => {
    const noFix = (src: string) => expect(findings(rule, src)[0]!.fix).toBeUndefined();
    noFix('FROM alpine:3.21\nRUN wget https://example.com/a\n');
    noFix('FROM alpine:3.21 AS base\nFROM base\nRUN wget https://example.com/a\n');
    noFix('FROM python:3.12-alpine\nRUN wget https://example.com/a\n');
    noFix('FROM busybox:1.37\nRUN wget https://example.com/a\n');
    noFix('FROM corp/base:1\nRUN apk add --no-cache curl\nRUN wget https://example.com/a\n');
    noFix('ARG BASE=alpine:3.21\nFROM ${BASE}\nRUN wget https://example.com/a\n');
  });
});
