import { describe, expect, it } from 'vitest';
import { pipNoCacheDir as rule } from '../../../../src/engine/rules/catalog/packages/pip-no-cache-dir.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatchesNot, ruleCatches, ruleCatchesNot } from './hadolint.ts';

// hadolint's commit cbdec65 (which also adds DL3068 and later, past the DL3000-DL3067 this project follows)
// turns the rule into "use a BuildKit cache mount for pip": `--no-cache-dir` and PIP_NO_CACHE_DIR no longer
// suppress it. That contradicts this rule's fix and lesson, so the spec below is 5268d28's.

describe('pip-no-cache-dir (DL3042)', () => {
  it('hadolint spec: commands', () => {
    catchesBoth(rule, 'RUN pip2 install MySQL_python');
    catchesBoth(rule, 'RUN pip3 install MySQL_python');
    catchesBoth(rule, 'RUN pip install MySQL_python');
    catchesNeither(rule, 'RUN pip2 install MySQL_python --no-cache-dir');
    catchesNeither(rule, 'RUN pip3 install --no-cache-dir MySQL_python');
    catchesNeither(rule, 'RUN pip install MySQL_python --no-cache-dir');
    catchesNeither(rule, 'RUN pipx install software');
    onBuildRuleCatchesNot(rule, 'Run pipx install software');
    catchesNeither(rule, 'RUN pipenv install library');
  });

  it('hadolint spec: PIP_NO_CACHE_DIR', () => {
    for (const v of ['1', 'on', 'yes', 'true']) {
      ruleCatchesNot(rule, `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`);
      ruleCatchesNot(rule, `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`);
      ruleCatchesNot(rule, `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`);
    }
    for (const v of ['0', 'off', 'no', 'false']) {
      ruleCatches(rule, `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`);
      ruleCatches(rule, `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`);
      ruleCatches(rule, `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`);
    }
    ruleCatchesNot(rule, ['FROM debian:buster as base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM base', 'RUN pip install six']);
    ruleCatches(rule, ['FROM debian:buster as base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM debian:buster', 'RUN pip install six']);
  });

  it('accepts a cache or tmpfs mount on .cache/pip (hadolint spec, cbdec65)', () => {
    catchesNeither(rule, 'RUN --mount=type=cache,target=/root/.cache/pip pip install foobar');
    catchesNeither(rule, 'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar');
    catchesNeither(rule, 'RUN --mount=type=cache,target=/home/app/.cache/pip pip install foobar');
    catchesBoth(rule, 'RUN --mount=type=cache,target=/root/.npm pip install foobar');
  });

  it('reads quoted ENV values and python -m pip', () => {
    ruleCatchesNot(rule, 'FROM python:3.12\nENV PIP_NO_CACHE_DIR="1"\nRUN pip install flask==3.0.0');
    ruleCatches(rule, 'FROM python:3.12\nRUN python3 -m pip install flask==3.0.0');
    ruleCatchesNot(rule, 'FROM python:3.12\nRUN python3 -m pipx install black');
  });

  it('underlines the command with hadolint\'s message', () => {
    const f = findings(rule, 'FROM python:3.12\nRUN pip install -U pip && pip install -r requirements.txt\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 23 } });
    expect(f[0]!.message).toBe('Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`');
  });

  it('adds --no-cache-dir after install', () => {
    expectFixed(
      rule,
      'FROM python:3.12\nRUN pip install -U pip && python -m pip install -r requirements.txt\n',
      'FROM python:3.12\nRUN pip install --no-cache-dir -U pip && python -m pip install --no-cache-dir -r requirements.txt\n',
    );
    expect(flaggedLines(rule, 'FROM python:3.12\n# hadolint ignore=DL3042\nRUN pip install flask\n')).toEqual([]);
  });
});
