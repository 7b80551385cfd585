import { describe, expect, it } from 'vitest';
import { compareRun, phaseOf } from '../../src/client/run/verdict.ts';
import type { RuntimeCheck } from '../../src/engine/simulate/runtime.ts';
import type { RunOutcome } from '../../src/runtime/outcome.ts';

const outcome = (failure: RunOutcome['failure'], message = ''): RunOutcome => ({
  steps: [],
  started: failure === null,
  exitCode: null,
  port: { declared: 3000, listened: failure === null ? 3000 : null },
  probe: failure === null ? { url: 'http://localhost:3000/health', status: 200, body: 'ok' } : null,
  failure,
  message,
  subject: null,
  durationMs: 1000,
});
const check = (ok: boolean): RuntimeCheck => ({ command: ['node', 'dist/server.js'], form: 'exec', user: 'root', workdir: '/app', ok, problems: [] });

describe('phaseOf', () => {
  it('puts installs, builds, start and probe in their phases', () => {
    expect(phaseOf({ kind: 'boot', text: 'boot the WebContainer' })).toBe('booting');
    expect(phaseOf({ kind: 'run', text: 'RUN npm ci --omit=dev && npm cache clean --force' })).toBe('installing');
    expect(phaseOf({ kind: 'run', text: 'RUN --mount=type=cache,target=/root/.npm npm install' })).toBe('installing');
    expect(phaseOf({ kind: 'run', text: 'RUN pnpm install --frozen-lockfile' })).toBe('installing');
    expect(phaseOf({ kind: 'run', text: 'RUN npm run build' })).toBe('building');
    expect(phaseOf({ kind: 'run', text: 'RUN npx prisma generate' })).toBe('building');
    expect(phaseOf({ kind: 'copy', text: 'COPY --from=build /app/dist ./dist' })).toBe('building');
    expect(phaseOf({ kind: 'start', text: 'node dist/server.js' })).toBe('starting');
    expect(phaseOf({ kind: 'probe', text: 'GET /health' })).toBe('probing');
  });
});

describe('compareRun', () => {
  it('says so when both agree, either way', () => {
    expect(compareRun(outcome(null), check(true))).toMatchObject({ kind: 'agree', text: expect.stringContaining('agrees') });
    expect(compareRun(outcome('cannot-find-module', "Cannot find module 'express'"), check(false)).kind).toBe('agree');
  });

  it('says plainly which one is wrong when they disagree', () => {
    const a = compareRun(outcome('cannot-find-module', "Cannot find module 'express'"), check(true));
    expect(a.kind).toBe('disagree');
    expect(a.text).toContain('the static check says the container starts, but the real run failed');
    expect(a.text).toContain("Cannot find module 'express'");
    const b = compareRun(outcome(null), check(false));
    expect(b).toMatchObject({ kind: 'disagree', text: expect.stringContaining('The static check is wrong here') });
  });

  it('compares nothing when the runtime never booted', () => {
    expect(compareRun(outcome('boot-failed', 'the WebContainer did not boot within 20 s'), check(true))).toMatchObject({ kind: 'no-real-run', text: expect.stringContaining('did not boot within 20 s') });
  });
});
