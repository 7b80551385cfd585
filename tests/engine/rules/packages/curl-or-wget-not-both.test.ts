import { describe, expect, it } from 'vitest';
import { curlOrWgetNotBoth as rule } from '../../../../src/engine/rules/catalog/packages/curl-or-wget-not-both.ts';
import { findings, flaggedLines } from '../support.ts';
import { ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('curl-or-wget-not-both (DL4001)', () => {
  it('hadolint spec', () => {
    ruleCatches(rule, ['FROM node as foo', 'RUN wget my.xyz', 'RUN curl localhost']);
    ruleCatches(rule, ['FROM node as foo', 'RUN wget my.xyz && curl localhost']);
    ruleCatchesNot(rule, ['FROM node as foo', 'RUN wget my.xyz']);
    ruleCatchesNot(rule, ['FROM node as foo', 'RUN wget my.xyz', 'FROM scratch', 'RUN curl localhost']);
    ruleCatches(rule, ['FROM node as foo', 'RUN wget my.xyz', 'RUN curl localhost', 'FROM scratch', 'RUN curl localhost']);
    expect(flaggedLines(rule, 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n')).toEqual([3, 5]);
  });

  it('checks ONBUILD triggers on their own', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN wget a\nONBUILD RUN curl b\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nONBUILD RUN wget a\nFROM debian:12\nONBUILD RUN curl b\n')).toEqual([4]);
  });

  it('has hadolint\'s message', () => {
    expect(findings(rule, 'FROM debian:12\nRUN wget a && curl b\n')[0]!.message).toBe('Either use Wget or Curl but not both');
  });
});
