import { describe, expect, it } from 'vitest';
import { yarnCacheClean as rule } from '../../../../src/engine/rules/catalog/packages/yarn-cache-clean.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('yarn-cache-clean (DL3060)', () => {
  it('hadolint spec', () => {
    catchesNeither(rule, 'RUN foo');
    catchesBoth(rule, 'RUN yarn install foo');
    catchesNeither(rule, 'RUN yarn install bar && yarn cache clean');
    ruleCatches(rule, 'RUN yarn cache clean && yarn install foo');
    catchesNeither(rule, 'RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar');
    catchesNeither(rule, 'RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar');
    catchesBoth(rule, 'RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar');
    catchesBoth(rule, 'RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar');
    catchesBoth(rule, ['FROM node:lts-alpine as foo', 'RUN hey!', 'FROM scratch', 'RUN yarn install']);
    catchesBoth(rule, ['FROM node:lts-alpine as foo', 'RUN yarn install', 'FROM foo', 'RUN hey!']);
    catchesNeither(rule, ['FROM node:lts-alpine as foo', 'RUN yarn install && yarn cache clean', 'FROM foo', 'RUN hey!']);
    const unused = ['FROM node:lts-alpine as foo', 'RUN yarn install foo', 'FROM scratch', 'RUN hey!'];
    ruleCatchesNot(rule, unused);
    onBuildRuleCatches(rule, unused);
  });

  it('underlines the install with hadolint\'s message', () => {
    const f = findings(rule, 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn build\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 35 } });
    expect(f[0]!.message).toBe('`yarn cache clean` missing after `yarn install` was run.');
    expect(f[0]!.severity).toBe('info');
  });
});
