import { describe, expect, it } from 'vitest';
import { gradeExercise, targetSizeBytes } from '../../../src/engine/grade/index.ts';
import type { ObjectiveCheck } from '../../../src/engine/grade/types.ts';
import { exercise, objective } from './support.ts';

/** Grades one objective against a Dockerfile (and .dockerignore). */
function grade(check: ObjectiveCheck, dockerfile: string, dockerignore?: string) {
  const ex = exercise([objective('o', check)], dockerignore !== undefined ? { dockerignore } : {});
  const result = gradeExercise(ex, { dockerfile, ...(dockerignore !== undefined ? { dockerignore } : {}) });
  return result.objectives[0]!;
}

const SINGLE = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/server.js"]\n';
const MULTI = [
  'FROM node:22-slim AS build',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  'COPY src ./src',
  'RUN npm run build',
  '',
  'FROM node:22-slim',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci --omit=dev',
  'COPY --from=build /app/dist ./dist',
  'USER node',
  'CMD ["node", "dist/server.js"]',
  '',
].join('\n');

describe('max-size', () => {
  it('passes under the target and says the size and the target', () => {
    const r = grade({ kind: 'max-size', megabytes: 300 }, MULTI);
    expect(r.passed).toBe(true);
    expect(r.message).toMatch(/^Final image \d+\.\d MB, target at most 300 MB$/);
  });
  it('fails over the target, pointing at the largest layer', () => {
    const r = grade({ kind: 'max-size', megabytes: 300 }, SINGLE);
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(/too many; base image \d+\.\d MB; largest layer \d+\.\d MB from `RUN npm ci` \(line 4\)/);
    expect(r.line).toBe(4);
  });
  it('gives the pages the target in bytes, or null without a max-size objective', () => {
    expect(targetSizeBytes(exercise([objective('a', { kind: 'stages', min: 2 }), objective('b', { kind: 'max-size', megabytes: 180 })]))).toBe(180e6);
    expect(targetSizeBytes(exercise([objective('a', { kind: 'stages', min: 2 })]))).toBeNull();
  });
});

describe('rule', () => {
  it('absent: fails with the finding and its line, passes once fixed', () => {
    const bad = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n';
    const r = grade({ kind: 'rule', rule: 'copy-all-before-install', present: false }, bad);
    expect(r).toMatchObject({ passed: false, line: 3 });
    expect(r.message).toMatch(/^Line 3: /);
    const good = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "src/server.js"]\n';
    expect(grade({ kind: 'rule', rule: 'copy-all-before-install', present: false }, good).passed).toBe(true);
  });
  it('accepts a hadolint code as the rule name', () => {
    const r = grade({ kind: 'rule', rule: 'DL3002', present: false }, 'FROM node:22-slim\nUSER root\nCMD ["node", "x.js"]\n');
    expect(r.passed).toBe(false);
  });
  it('present: passes when the rule reports', () => {
    expect(grade({ kind: 'rule', rule: 'final-stage-runs-as-root', present: true }, 'FROM node:22-slim\nCOPY . .\nCMD ["node", "src/server.js"]\n').passed).toBe(true);
    expect(grade({ kind: 'rule', rule: 'final-stage-runs-as-root', present: true }, MULTI).passed).toBe(false);
  });
  it('an unknown rule fails and says so', () => {
    expect(grade({ kind: 'rule', rule: 'no-such-rule', present: false }, MULTI)).toMatchObject({ passed: false, message: expect.stringContaining('Unknown rule') });
  });
});

describe('stages', () => {
  it('counts FROM instructions against min and max', () => {
    expect(grade({ kind: 'stages', min: 2 }, MULTI)).toMatchObject({ passed: true, message: '2 stages (build, unnamed #1), at least 2' });
    expect(grade({ kind: 'stages', min: 2 }, SINGLE)).toMatchObject({ passed: false, line: 1 });
    expect(grade({ kind: 'stages', max: 1 }, MULTI)).toMatchObject({ passed: false, line: 8 });
  });
});

describe('non-root', () => {
  it('passes with USER node and names the line', () => {
    expect(grade({ kind: 'non-root' }, MULTI)).toMatchObject({ passed: true, message: 'The container runs as node (USER on line 13)' });
  });
  it('fails without USER, pointing at the final FROM', () => {
    expect(grade({ kind: 'non-root' }, SINGLE)).toMatchObject({ passed: false, line: 1 });
  });
  it('fails with USER 0 or root:root', () => {
    expect(grade({ kind: 'non-root' }, 'FROM node:22-slim\nUSER node\nUSER 0\nCMD ["node", "x.js"]\n')).toMatchObject({ passed: false, line: 3 });
    expect(grade({ kind: 'non-root' }, 'FROM node:22-slim\nUSER root:root\n').passed).toBe(false);
  });
  it('follows a final stage built FROM another stage', () => {
    expect(grade({ kind: 'non-root' }, 'FROM node:22-slim AS base\nUSER node\nFROM base\nCMD ["node", "x.js"]\n')).toMatchObject({ passed: true, message: 'The container runs as node (USER on line 2)' });
  });
});

describe('install-cache-hit', () => {
  const check: ObjectiveCheck = { kind: 'install-cache-hit', path: 'src/server.js' };
  it('fails when COPY . . comes before npm ci, pointing at the COPY', () => {
    const r = grade(check, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n');
    expect(r.passed).toBe(false);
    expect(r.line).toBe(3);
    expect(r.message).toMatch(/^Editing src\/server\.js reruns `npm ci --omit=dev` \(line 4\): `COPY \. \.` \(line 3\) copies src\/server\.js/);
  });
  it('passes with the manifests first', () => {
    const r = grade(check, 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "src/server.js"]\n');
    expect(r.passed).toBe(true);
    expect(r.message).toMatch(/keeps `npm ci --omit=dev` \(line 4\) cached \(\d+ steps? rerun, [\d.]+ s of a [\d.]+ s build\)/);
  });
  it('checks every install the image needs (both stages of a multi-stage build)', () => {
    expect(grade(check, MULTI).passed).toBe(true);
    const late = MULTI.replace('COPY package.json package-lock.json ./\nRUN npm ci --omit=dev', 'COPY . .\nRUN npm ci --omit=dev');
    expect(grade(check, late)).toMatchObject({ passed: false, line: 10 });
  });
  it('fails when there is no install step', () => {
    expect(grade(check, 'FROM node:22-slim\nCOPY . .\n').message).toMatch(/^No dependency install step/);
  });
  it('a file the .dockerignore excludes never breaks the cache', () => {
    const r = grade(check, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', 'src\n');
    expect(r.passed).toBe(true);
  });
});

describe('runtime-ok', () => {
  it('passes when CMD has what it needs', () => {
    expect(grade({ kind: 'runtime-ok' }, MULTI)).toMatchObject({ passed: true, message: expect.stringContaining('`node dist/server.js` starts as node') });
  });
  it('fails when the file CMD runs is not in the final stage', () => {
    const r = grade({ kind: 'runtime-ok' }, MULTI.replace('COPY --from=build /app/dist ./dist\n', ''));
    expect(r).toMatchObject({ passed: false, line: 13 });
    expect(r.message).toContain('/app/dist/server.js');
  });
  it('fails without CMD', () => {
    expect(grade({ kind: 'runtime-ok' }, 'FROM node:22-slim\n').passed).toBe(false);
  });
});

describe('file', () => {
  it('absent: fails when COPY . . takes .env, pointing at the COPY', () => {
    const r = grade({ kind: 'file', path: '/app/.env', present: false }, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n');
    expect(r).toMatchObject({ passed: false, line: 3, message: '/app/.env is in the final image, added by `COPY . .` (line 3)' });
  });
  it('absent: passes when .dockerignore excludes it', () => {
    expect(grade({ kind: 'file', path: '/app/.env', present: false }, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n', '.env\n').passed).toBe(true);
  });
  it('present: a directory counts when files are under it', () => {
    expect(grade({ kind: 'file', path: '/app/src', present: true }, 'FROM node:22-slim\nWORKDIR /app\nCOPY src ./src\n').passed).toBe(true);
    expect(grade({ kind: 'file', path: '/app/src/server.js', present: true }, 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\n').passed).toBe(false);
  });
  it('present: a file inside a modelled tree (the build output) counts', () => {
    expect(grade({ kind: 'file', path: '/app/dist/server.js', present: true }, MULTI).passed).toBe(true);
  });
  it('absent: a later RUN rm removes it', () => {
    expect(grade({ kind: 'file', path: '/app/.env', present: false }, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN rm .env\n').passed).toBe(true);
  });
});

// A layer that adds the apt lists and a later one that deletes them: dive counts the lists as wasted.
const LATER_CLEANUP = [
  'FROM node:22-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends tini',
  'RUN rm -rf /var/lib/apt/lists/*',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci --omit=dev && npm cache clean --force',
  'COPY src ./src',
  'CMD ["node", "src/server.js"]',
  '',
].join('\n');
const SAME_LAYER_CLEANUP = LATER_CLEANUP.replace(
  'tini\nRUN rm -rf /var/lib/apt/lists/*',
  'tini && rm -rf /var/lib/apt/lists/*',
);

describe('max-wasted', () => {
  it('fails when a later layer deletes what an earlier one added, pointing at that earlier layer', () => {
    const r = grade({ kind: 'max-wasted', megabytes: 1 }, LATER_CLEANUP);
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(/^Wasted space (\d+\.\d) MB \(paths stored in more than one layer\), target at most 1 MB; \d+\.\d MB of `RUN apt-get update/);
    expect(r.line).toBe(2);
    // The apt lists (19.9 MB measured) are the waste.
    expect(Number(/^Wasted space (\d+\.\d)/.exec(r.message)![1])).toBeGreaterThan(19);
  });
  it('passes once the clean-up runs in the same layer', () => {
    const r = grade({ kind: 'max-wasted', megabytes: 1 }, SAME_LAYER_CLEANUP);
    expect(r).toMatchObject({ passed: true, line: null });
    expect(r.message).toBe('Wasted space 0.0 MB (paths stored in more than one layer), target at most 1 MB');
  });
});

describe('min-efficiency', () => {
  it('fails below the ratio, with the score as a percentage and the layer to fix', () => {
    const r = grade({ kind: 'min-efficiency', ratio: 0.99 }, LATER_CLEANUP);
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(/^Image efficiency \d+\.\d%, target at least 99\.0%; the layer of `RUN apt-get update.*` \(line 2\)/);
    expect(r.line).toBe(2);
  });
  it('passes at 100% when no path is stored twice', () => {
    const r = grade({ kind: 'min-efficiency', ratio: 0.99 }, SAME_LAYER_CLEANUP);
    expect(r).toMatchObject({ passed: true, message: 'Image efficiency 100.0%, target at least 99.0%', line: null });
  });
});

describe('rule messages', () => {
  it('keep a rule title that starts with an instruction name in capitals', () => {
    const r = grade({ kind: 'rule', rule: 'healthcheck-tool-not-in-image', present: false }, 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "h.js"]\nCMD ["node", "s.js"]\n');
    expect(r.message).toBe('No healthcheck-tool-not-in-image finding: HEALTHCHECK must only call programs the final image has');
  });
});

describe('secret-mount', () => {
  const install = (flags: string) => `FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN ${flags}npm ci --omit=dev\nCOPY src ./src\nCMD ["node", "src/server.js"]\n`;
  it('fails when the install has no secret mount, pointing at it', () => {
    const r = grade({ kind: 'secret-mount' }, install(''));
    expect(r).toMatchObject({ passed: false, line: 4 });
    expect(r.message).toBe('`npm ci --omit=dev` (line 4) does not mount a build secret: it has no --mount=type=secret');
  });
  it('a cache mount is not a secret', () => {
    expect(grade({ kind: 'secret-mount' }, install('--mount=type=cache,target=/root/.npm ')).passed).toBe(false);
  });
  it('passes with a secret mount, and names the install', () => {
    const r = grade({ kind: 'secret-mount' }, install('--mount=type=secret,id=npmrc,target=/root/.npmrc '));
    expect(r).toMatchObject({ passed: true, message: '`npm ci --omit=dev` (line 4) mounts a build secret' });
  });
  it('with an id, takes the id or, as BuildKit does, the base name of the target', () => {
    expect(grade({ kind: 'secret-mount', id: 'npmrc' }, install('--mount=type=secret,id=npmrc,target=/root/.npmrc ')).passed).toBe(true);
    expect(grade({ kind: 'secret-mount', id: '.npmrc' }, install('--mount=type=secret,target=/root/.npmrc ')).passed).toBe(true);
    const wrong = grade({ kind: 'secret-mount', id: 'npmrc' }, install('--mount=type=secret,id=token,env=NPM_TOKEN '));
    expect(wrong.passed).toBe(false);
    expect(wrong.message).toContain('does not mount the secret `npmrc`: it mounts `token`');
  });
  it('checks the install of every stage the image needs', () => {
    const two = `FROM node:22-slim AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nFROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --from=deps /app/node_modules /tmp/x\nCMD ["node", "src/server.js"]\n`;
    expect(grade({ kind: 'secret-mount' }, two)).toMatchObject({ passed: false, line: 8 });
  });
  it('fails without an install step', () => {
    expect(grade({ kind: 'secret-mount' }, 'FROM node:22-slim\nCOPY . .\n').message).toMatch(/^No dependency install step/);
  });
});
