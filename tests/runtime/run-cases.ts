/**
 * Loads the run fixtures (tests/fixtures/run): each case's Dockerfile and the app's files with the
 * case's overlay, and decides whether npm can install here (the registry answers, or the shared
 * cache already holds the packages).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FailureKind } from '../../src/runtime/outcome.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/run');

/** One npm cache for every run of the suite, so `npm ci` is fast and works offline once filled. */
export const NPM_CACHE = process.env.LAYERWISE_NPM_CACHE ?? join(tmpdir(), 'layerwise-run-npm-cache');

export interface RunCase {
  name: string;
  app: string;
  about: string;
  real: { failure: FailureKind | null; subject?: string };
  static: { ok: boolean; kinds: string[] };
}

export interface LoadedCase extends RunCase {
  dockerfile: string;
  /** Every context file: the app's, then the case's overlay (node_modules and dist left out: they are never part of the fixture). */
  files: Map<string, string>;
}

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

export function loadCases(): LoadedCase[] {
  const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { cases: RunCase[] };
  return cases.map((c) => {
    const files = new Map<string, string>();
    const app = join(FIXTURES, 'apps', c.app);
    for (const path of walk(app)) files.set(path, readFileSync(join(app, path), 'utf8'));
    const overlay = join(FIXTURES, 'cases', c.name, 'context');
    if (existsSync(overlay)) for (const path of walk(overlay)) files.set(path, readFileSync(join(overlay, path), 'utf8'));
    return { ...c, dockerfile: readFileSync(join(FIXTURES, 'cases', c.name, 'Dockerfile'), 'utf8'), files };
  });
}

/** `npm ping` with a deadline: does the registry answer from here? */
function registryAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('npm', ['ping'], { timeout: 10_000 }, (error) => resolve(!error));
  });
}

/** Whether the suite can install packages, and with which extra npm settings; a reason when it cannot. */
export async function npmAvailability(): Promise<{ ok: true; env: Record<string, string> } | { ok: false; reason: string }> {
  if (await registryAnswers()) return { ok: true, env: {} };
  const cache = join(NPM_CACHE, '_cacache');
  if (existsSync(cache) && readdirSync(cache).length > 0) return { ok: true, env: { npm_config_offline: 'true' } };
  return { ok: false, reason: `npm cannot reach its registry and the shared cache (${NPM_CACHE}) is empty: the real runs are skipped` };
}
