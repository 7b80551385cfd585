import { describe, expect, it } from 'vitest';
import { allRules, lintDockerfile, parseCheckOptions } from '../../../src/engine/rules/index.ts';

const lint = (source: string, buildArgs?: Record<string, string>) => lintDockerfile(source, { rules: allRules, ...(buildArgs ? { buildArgs } : {}) });
const has = (source: string, name: string, buildArgs?: Record<string, string>) =>
  lint(source, buildArgs).findings.filter((f) => f.aliases.includes(name) || f.rule === name);

const SHELL_CMD = 'FROM alpine:3.20\nCMD echo hi\n';

describe('parseCheckOptions (BuildKit ParseLintOptions)', () => {
  it('reads skip, error and experimental', () => {
    expect(parseCheckOptions('skip=JSONArgsRecommended, StageNameCasing;error=true')).toEqual({
      ok: true,
      options: { skipAll: false, skip: ['JSONArgsRecommended', 'StageNameCasing'], error: true, experimentalAll: false, experimental: [] },
    });
    expect(parseCheckOptions('skip=all;experimental=all')).toMatchObject({ ok: true, options: { skipAll: true, experimentalAll: true } });
    expect(parseCheckOptions('  ')).toMatchObject({ ok: true, options: { skipAll: false, skip: [] } });
  });

  it('rejects unknown keys, parts without = and bad booleans, as BuildKit does', () => {
    expect(parseCheckOptions('skip')).toEqual({ ok: false, message: 'invalid check option "skip"' });
    expect(parseCheckOptions('ignore=all')).toEqual({ ok: false, message: 'invalid check option "ignore"' });
    expect(parseCheckOptions('error=maybe')).toMatchObject({ ok: false });
  });
});

describe('BUILDKIT_DOCKERFILE_CHECK build arg', () => {
  it('skips checks like the directive does', () => {
    expect(has(SHELL_CMD, 'JSONArgsRecommended')).toHaveLength(1);
    expect(has(SHELL_CMD, 'JSONArgsRecommended', { BUILDKIT_DOCKERFILE_CHECK: 'skip=JSONArgsRecommended' })).toEqual([]);
    expect(has(SHELL_CMD, 'JSONArgsRecommended', { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' })).toEqual([]);
  });

  it('replaces the # check= directive entirely, even when empty', () => {
    const source = `# check=skip=JSONArgsRecommended\n${SHELL_CMD}`;
    expect(has(source, 'JSONArgsRecommended')).toEqual([]);
    expect(has(source, 'JSONArgsRecommended', { BUILDKIT_DOCKERFILE_CHECK: '' })).toHaveLength(1);
    expect(has(source, 'JSONArgsRecommended', { BUILDKIT_DOCKERFILE_CHECK: 'skip=StageNameCasing' })).toHaveLength(1);
  });

  it('error=true makes build-check findings errors, and only those', () => {
    const source = 'FROM alpine:3.20 as base\nRUN apk add curl\nCMD echo hi\n';
    const result = lint(source, { BUILDKIT_DOCKERFILE_CHECK: 'skip=FromAsCasing;error=true' });
    expect(result.findings.find((f) => f.aliases.includes('JSONArgsRecommended'))?.severity).toBe('error');
    expect(result.findings.some((f) => f.aliases.includes('FromAsCasing'))).toBe(false);
    expect(result.findings.find((f) => f.aliases.includes('DL3018'))?.severity).toBe('warning');
  });

  it('never silences hadolint or Layerwise rules', () => {
    const source = 'FROM alpine:3.20\nRUN apk add curl\nCMD echo hi\n';
    expect(has(source, 'DL3018', { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' })).toHaveLength(1);
  });

  it('reports an override that does not parse, and then runs the checks unconfigured', () => {
    const result = lint(`# check=skip=JSONArgsRecommended\n${SHELL_CMD}`, { BUILDKIT_DOCKERFILE_CHECK: 'skip' });
    expect(result.checkOptionsError).toBe('failed to parse BUILDKIT_DOCKERFILE_CHECK: invalid check option "skip"');
    expect(result.findings.some((f) => f.aliases.includes('JSONArgsRecommended'))).toBe(true);
    expect(lint(`# check=nope=1\n${SHELL_CMD}`).checkOptionsError).toBe('failed to parse check options: invalid check option "nope"');
  });
});

describe('build args in lint', () => {
  it('set the values of declared ARGs for the stage resolver', () => {
    const result = lint('ARG NODE=20\nFROM node:${NODE}-slim\n', { NODE: '22' });
    expect(result.resolved.stages[0]!.base.value).toBe('node:22-slim');
  });

  it('do not declare ARGs: an undeclared variable stays undefined, as in BuildKit', () => {
    expect(has('FROM alpine:${TAG}\n', 'UndefinedArgInFrom', { TAG: '3.20' })).toHaveLength(1);
    expect(has('FROM alpine:3.20\nCOPY $SRC /app\n', 'UndefinedVar', { SRC: 'dist' })).toHaveLength(1);
  });
});
