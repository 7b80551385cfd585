import { describe, expect, it } from 'vitest';
import { apkNoCache as rule } from '../../../../src/engine/rules/catalog/packages/apk-no-cache.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('apk-no-cache (DL3019)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN apk add flex=2.6.4-r1');
    catchesNeither(rule, 'RUN apk add --no-cache flex=2.6.4-r1');
    catchesNeither(rule, 'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0');
    catchesNeither(rule, 'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0');
    catchesNeither(rule, 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0');
    catchesBoth(rule, 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0');
    catchesBoth(rule, 'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0');
  });

  it('only looks at apk add', () => {
    ruleCatchesNot(rule, 'FROM alpine:3.21\nRUN apk update && apk del curl');
  });

  it('is info, on the command, with hadolint\'s message', () => {
    const f = findings(rule, 'FROM alpine:3.21\nRUN apk update && apk add curl\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 19 }, end: { line: 2, column: 31 } });
    expect(f[0]!.message).toBe(
      'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
    );
  });

  it('adds --no-cache after add', () => {
    expectFixed(rule, 'FROM alpine:3.21\nRUN apk add curl git\n', 'FROM alpine:3.21\nRUN apk add --no-cache curl git\n');
    expectFixed(rule, 'FROM alpine:3.21\nRUN apk -U add curl && apk add git\n', 'FROM alpine:3.21\nRUN apk -U add --no-cache curl && apk add --no-cache git\n');
    expect(flaggedLines(rule, 'FROM alpine:3.21\n# hadolint ignore=DL3019\nRUN apk add curl\n')).toEqual([]);
  });
});

describe('apk-no-cache fix guard', () => {
  it('offers no fix for apk add --no-network', () => {
    const f = findings(rule, 'FROM alpine:3.21\nRUN apk add --no-network --virtual .rundeps $runDeps\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toBeUndefined();
  });
});
