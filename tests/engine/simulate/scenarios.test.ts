/**
 * The seed scenarios of issue 4 (tests/fixtures/scenarios/<name>/): a before and an after
 * Dockerfile, the project's measured data (scenario.json, with sources) and a README with the
 * analysis. The simulator must reproduce each claim's direction and, within 25%, its size; where
 * the real data contradicts a claim, the README says so and the test asserts what the data supports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeCheck, simulateImage, type SimulateOptions } from '../../../src/engine/simulate/index.ts';
import type { ContextFile, NodeProjectData } from '../../../src/engine/simulate/input.ts';

const root = resolve(__dirname, '../../fixtures/scenarios');
const shared = resolve(__dirname, '../../../../shared/data');
const MB = 1e6;

interface Scenario {
  claim: string;
  claimBeforeBytes: number | null;
  claimAfterBytes: number;
  claimAfterIsUpperBound: boolean;
  context: (ContextFile & { count?: number })[];
  nodeProjects: NodeProjectData[];
}

function load(name: string): { scenario: Scenario; input: SimulateOptions; dockerfile: (file: string) => string } {
  const scenario = JSON.parse(readFileSync(join(root, name, 'scenario.json'), 'utf8')) as Scenario;
  // `count` expands `{i}` into that many files of the same size (source trees).
  const context = scenario.context.flatMap(({ count, ...f }) =>
    count === undefined ? [f] : Array.from({ length: count }, (_, i) => ({ path: f.path.replace('{i}', String(i + 1)), bytes: f.bytes })),
  );
  return { scenario, input: { context, nodeProjects: scenario.nodeProjects }, dockerfile: (file) => readFileSync(join(root, name, file), 'utf8') };
}

function simulate(name: string, file: string) {
  const { input, dockerfile } = load(name);
  return simulateImage(dockerfile(file), input);
}

const within = (value: number, target: number, tolerance: number) => Math.abs(value / target - 1) <= tolerance;

describe('seed scenarios', () => {
  it('every scenario folder has its Dockerfiles, data and README', () => {
    const names = readdirSync(root).sort();
    expect(names).toEqual(['express-api', 'pnpm-workspace', 'rust-backend', 'vite-frontend']);
    for (const name of names) {
      for (const file of ['before.Dockerfile', 'after.Dockerfile', 'scenario.json', 'README.md']) expect(existsSync(join(root, name, file)), `${name}/${file}`).toBe(true);
    }
  });

  describe('Express + Prisma API: 622 MB -> "under 200 MB"', () => {
    const before = simulate('express-api', 'before.Dockerfile');
    const after = simulate('express-api', 'after.Dockerfile');
    const omitDevOnly = simulate('express-api', 'after-omit-dev-only.Dockerfile');

    it('reproduces the 622 MB before within 25%, and the direction', () => {
      expect(within(before.totals.sizeBytes, 622 * MB, 0.25)).toBe(true);
      expect(after.totals.sizeBytes).toBeLessThan(before.totals.sizeBytes / 2);
    });

    it('cannot reach "under 200 MB" with the measured dependencies (see README)', () => {
      // node:22-alpine (155 MB) + production dependencies without optional peers (90.4 MB,
      // measured) + the generated Prisma client (estimated): about 266 MB.
      expect(after.totals.sizeBytes).toBeGreaterThan(200 * MB);
      expect(within(after.totals.sizeBytes, 266 * MB, 0.05)).toBe(true);
      // The usual fix, --omit=dev alone, keeps Prisma's CLI and TypeScript: barely smaller.
      expect(omitDevOnly.totals.sizeBytes).toBeGreaterThan(before.totals.sizeBytes * 0.8);
    });

    it('still runs', () => {
      expect(runtimeCheck(after).ok).toBe(true);
      expect(runtimeCheck(after).problems).toEqual([]);
    });
  });

  describe('pnpm workspace: 450 MB -> about 135 MB', () => {
    const before = simulate('pnpm-workspace', 'before.Dockerfile');
    const after = simulate('pnpm-workspace', 'after.Dockerfile');

    it('reproduces both sizes within 25% and the direction', () => {
      expect(within(before.totals.sizeBytes, 450 * MB, 0.25)).toBe(true);
      expect(within(after.totals.sizeBytes, 135 * MB, 0.25)).toBe(true);
      expect(after.totals.sizeBytes).toBeLessThan(before.totals.sizeBytes / 2);
    });

    it('ships only the API: its production dependencies and its build, not the web app', () => {
      const shipped = after.layers.filter((l) => !l.base).flatMap((l) => l.changes);
      const paths = shipped.flatMap((c) => (c.kind === 'add' ? [c.file.path] : []));
      expect(paths).toContain('/app/node_modules');
      expect(paths).toContain('/app/dist');
      expect(paths.some((p) => p.includes('web'))).toBe(false);
      expect(runtimeCheck(after).ok).toBe(true);
    });
  });

  describe('Rust backend: rust:bookworm -> debian:bookworm-slim "about 180 MB"', () => {
    const before = simulate('rust-backend', 'before.Dockerfile');
    const after = simulate('rust-backend', 'after.Dockerfile');

    it('reproduces the direction: the toolchain image is over ten times the runtime image', () => {
      expect(after.totals.sizeBytes * 10).toBeLessThan(before.totals.sizeBytes);
    });

    it('finds about 105 MB, not 180 MB (see README): slim base + CA certificates + a ~20 MB binary', () => {
      expect(within(after.totals.sizeBytes, 104.5 * MB, 0.05)).toBe(true);
      expect(within(after.totals.sizeBytes, 180 * MB, 0.25)).toBe(false);
      expect(after.notes.some((n) => n.kind === 'estimate' && n.message.includes('the program api is estimated'))).toBe(true);
      expect(runtimeCheck(after).ok).toBe(true);
    });
  });

  describe('Vite front end: node:18 -> nginx:alpine, about 60 MB', () => {
    const before = simulate('vite-frontend', 'before.Dockerfile');
    const after = simulate('vite-frontend', 'after.Dockerfile');

    it('reproduces the size within 25% and the direction', () => {
      expect(within(after.totals.sizeBytes, 60 * MB, 0.25)).toBe(true);
      expect(after.totals.sizeBytes * 10).toBeLessThan(before.totals.sizeBytes);
    });

    it('says which base sizes are estimates', () => {
      expect(before.notes.some((n) => n.message.includes('unknown tag node:18'))).toBe(true);
      expect(after.notes.some((n) => n.message.startsWith('nginx:alpine: uncompressed size estimated'))).toBe(true);
    });
  });

  describe('carried figures match the reference data', () => {
    const file = join(shared, 'npm-sizes.json');
    it.skipIf(!existsSync(file))('node_modules figures are the measured ones (../shared/data/npm-sizes.json)', () => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { projects: { name: string; [k: string]: unknown }[] };
      const measured = (name: string) => {
        const p = data.projects.find((x) => x.name === name)! as Record<string, Record<string, number>>;
        const all = p.allDeps_fromLockfile_emptyCache!;
        const prod = p.prodOnly_omitDev_fromLockfile_emptyCache!;
        return { allBytes: all.nm_tar_bytes, allFiles: all.nm_files, prodBytes: prod.nm_tar_bytes, prodFiles: prod.nm_files, cacheBytes: all.cache_total_du_sb, noOptional: p.prodOnly_omitDev_omitOptional?.nm_tar_bytes };
      };
      const check = (scenario: string, dir: string, project: string) => {
        const row = load(scenario).scenario.nodeProjects.find((p) => p.dir === dir)!;
        const m = measured(project);
        expect({ allBytes: row.allBytes, allFiles: row.allFiles, prodBytes: row.prodBytes, prodFiles: row.prodFiles, cacheBytes: row.cacheBytes }).toEqual({
          allBytes: m.allBytes,
          allFiles: m.allFiles,
          prodBytes: m.prodBytes,
          prodFiles: m.prodFiles,
          cacheBytes: m.cacheBytes,
        });
        if (row.prodNoOptionalBytes !== undefined) expect(row.prodNoOptionalBytes).toBe(m.noOptional);
      };
      check('express-api', '', 'api-express-prisma');
      check('vite-frontend', '', 'web-vite-react');
      check('pnpm-workspace', 'apps/web', 'web-vite-react');
      check('pnpm-workspace', 'apps/api', 'svc-fastify');
      // The workspace root is the sum of its two packages.
      const rows = load('pnpm-workspace').scenario.nodeProjects;
      const sum = (k: 'allBytes' | 'prodBytes' | 'allFiles' | 'prodFiles' | 'cacheBytes') => rows.filter((r) => r.dir !== '').reduce((n, r) => n + (r[k] ?? 0), 0);
      const rootRow = rows.find((r) => r.dir === '')!;
      for (const k of ['allBytes', 'prodBytes', 'allFiles', 'prodFiles', 'cacheBytes'] as const) expect(rootRow[k]).toBe(sum(k));
    });
  });
});
