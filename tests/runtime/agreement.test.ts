/**
 * The real run and the static runtime check, case by case: every fixture Dockerfile (the broken
 * variants the course teaches, tests/fixtures/run) and every Node exercise's starter and reference
 * solutions (content/exercises) is planned (planRun), built and started with the Node runtime, and
 * checked statically. Each must give the expected outcome, and the two must agree on whether the
 * app runs. The agreement table is printed at the end (`npx vitest run tests/runtime/agreement.test.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectContext } from '../../src/engine/context/index.ts';
import { planRun } from '../../src/engine/plan/index.ts';
import { runtimeCheck, simulateImage, type ContextFile, type RuntimeCheck } from '../../src/engine/simulate/index.ts';
import { executePlan } from '../../src/runtime/execute.ts';
import { NodeRuntime } from '../../src/runtime/node.ts';
import type { FailureKind, RunOutcome } from '../../src/runtime/outcome.ts';
import { loadExerciseCases } from './exercise-cases.ts';
import { loadCases, npmAvailability, NPM_CACHE, prismaOfflineEnv, type LoadedCase } from './run-cases.ts';

/** One Dockerfile against one build context, with what the real run and the static check must say. */
interface AgreementCase {
  name: string;
  about: string;
  dockerfile: string;
  context: ReadonlyMap<string, string>;
  route: string;
  /** The port the app's code listens on when the Dockerfile declares none. */
  port?: number;
  real: { failure: FailureKind | null; subject?: string };
  static: { ok: boolean; kinds: string[] };
  check(): RuntimeCheck;
}

/** The context the simulator sees: the files a build would send, after .dockerignore. */
function simulatorContext(files: ReadonlyMap<string, string>): ContextFile[] {
  const ignore = files.get('.dockerignore');
  const selection = selectContext(
    [...files].map(([path, text]) => ({ path, bytes: text.length })),
    { ignoreFile: ignore === undefined ? null : { path: '.dockerignore', text: ignore } },
  );
  const hidden = new Set(selection.addedBack);
  return selection.files.filter((f) => !hidden.has(f.path)).map((f) => ({ path: f.path, bytes: f.bytes, text: files.get(f.path)! }));
}

function fixtureCase(c: LoadedCase): AgreementCase {
  return {
    name: c.name,
    about: c.about,
    dockerfile: c.dockerfile,
    context: c.files,
    route: c.route,
    real: c.real,
    static: c.static,
    check: () => runtimeCheck(simulateImage(c.dockerfile, { context: simulatorContext(c.files) })),
  };
}

const cases: AgreementCase[] = [
  ...loadCases().map(fixtureCase),
  ...loadExerciseCases().map((c) => ({
    name: c.name,
    about: `exercise ${c.exercise.id}`,
    dockerfile: c.dockerfile,
    context: c.context,
    route: c.route,
    port: c.port,
    real: c.real,
    static: c.static,
    // What the exercise page shows: the grader's runtime check on the exercise's project.
    check: () => c.staticCheck(),
  })),
];

const npm = await npmAvailability();
if (!npm.ok) console.warn(`[runtime/agreement] skipped: ${npm.reason}`);

interface Result {
  real: RunOutcome;
  check: RuntimeCheck;
  seconds: number;
}

const results = new Map<string, Result>();

/** Runs `tasks` with at most `limit` at a time (each real run starts npm and node processes). */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(workers);
}

/** The agreement table, as Markdown. */
function table(): string {
  const rows = cases.map((c) => {
    const r = results.get(c.name);
    if (!r) return `| ${c.name} | (not run) | | | |`;
    const real = r.real.failure ? `${r.real.failure}${r.real.subject ? ` (${r.real.subject})` : ''}` : `runs, GET ${c.route} ${r.real.probe?.status}`;
    const kinds = [...new Set(r.check.problems.filter((p) => p.severity === 'error').map((p) => p.kind))].join(', ');
    const agree = (r.real.failure === null) === r.check.ok ? 'yes' : 'NO';
    return `| ${c.name} | ${real} | ${r.check.ok ? 'ok' : kinds} | ${agree} | ${r.seconds.toFixed(1)} |`;
  });
  return ['| case | real run (Node runtime) | static check | agree | s |', '| --- | --- | --- | --- | ---: |', ...rows].join('\n');
}

describe.skipIf(!npm.ok)('real run (Node runtime) and static runtime check agree', () => {
  beforeAll(async () => {
    // The Prisma app installs ten times more than the others: start it first.
    const order = [...cases].sort((a, b) => Number(b.name.includes('prisma')) - Number(a.name.includes('prisma')));
    await pool(order, 6, async (c) => {
      const t0 = Date.now();
      const plan = planRun(c.dockerfile, { context: [...c.context].map(([path, text]) => ({ path, text })), route: c.route, ...(c.port ? { port: c.port } : {}) });
      const runtime = new NodeRuntime({ npmCache: NPM_CACHE, env: { ...(npm.ok ? npm.env : {}), ...prismaOfflineEnv() } });
      const real = await executePlan(plan, runtime, { files: c.context, stepTimeoutMs: 120_000, startTimeoutMs: 15_000 });
      results.set(c.name, { real, check: c.check(), seconds: (Date.now() - t0) / 1000 });
    });
  }, 600_000);

  afterAll(() => {
    console.log(table());
  });

  for (const c of cases) {
    it(`${c.name}: the real run ${c.real.failure ? `fails with ${c.real.failure}` : 'starts and answers'}`, () => {
      const r = results.get(c.name)!;
      expect(r, 'the case ran').toBeDefined();
      expect({ failure: r.real.failure, message: r.real.message }).toMatchObject({ failure: c.real.failure });
      if (c.real.subject) expect(r.real.subject).toBe(c.real.subject);
      if (c.real.failure === null) {
        expect(r.real.started).toBe(true);
        expect(r.real.probe?.status).toBe(200);
      }
    });

    it(`${c.name}: the static check ${c.static.ok ? 'passes' : `reports ${c.static.kinds.join(', ')}`} and agrees with the real run`, () => {
      const r = results.get(c.name)!;
      const errors = r.check.problems.filter((p) => p.severity === 'error');
      expect({ ok: r.check.ok, problems: errors }).toMatchObject({ ok: c.static.ok });
      for (const kind of c.static.kinds) expect(errors.map((p) => p.kind)).toContain(kind);
      expect(r.check.ok).toBe(r.real.failure === null);
    });
  }
});
