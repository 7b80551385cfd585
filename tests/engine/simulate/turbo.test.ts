import { describe, expect, it } from 'vitest';
import { cacheReport, simulateImage } from '../../../src/engine/simulate/index.ts';
import type { ContextFile, NodeProjectData } from '../../../src/engine/simulate/input.ts';

/** A workspace like the monorepo exercise's: api and web, both using shared. */
const pkg = (name: string, deps: Record<string, string> = {}) => JSON.stringify({ name, dependencies: deps });
const context: ContextFile[] = [
  { path: 'package.json', bytes: 300, text: pkg('acme') },
  { path: 'pnpm-workspace.yaml', bytes: 60 },
  { path: 'pnpm-lock.yaml', bytes: 33_000 },
  { path: 'turbo.json', bytes: 200 },
  { path: 'tsconfig.base.json', bytes: 200 },
  { path: 'apps/api/package.json', bytes: 400, text: pkg('@acme/api', { '@acme/shared': 'workspace:*', fastify: '^5' }) },
  { path: 'apps/api/src/server.ts', bytes: 900 },
  { path: 'apps/web/package.json', bytes: 400, text: pkg('@acme/web', { '@acme/shared': 'workspace:*', react: '^19' }) },
  { path: 'apps/web/src/main.tsx', bytes: 900 },
  { path: 'packages/shared/package.json', bytes: 300, text: pkg('@acme/shared', { zod: '^4' }) },
  { path: 'packages/shared/src/index.ts', bytes: 500 },
];
const data = (dir: string, allBytes: number, extra: Partial<NodeProjectData> = {}): NodeProjectData => ({
  dir,
  allBytes,
  allFiles: 1000,
  prodBytes: allBytes / 4,
  prodFiles: 300,
  buildOutputBytes: 5000,
  source: 'test figures',
  ...extra,
});
const nodeProjects = [
  data('', 136_000_000),
  data('', 90_000_000, { prunedFor: '@acme/api' }),
  data('apps/api', 43_000_000, { prodBytes: 17_000_000 }),
  data('apps/web', 79_000_000),
  data('packages/shared', 30_000_000),
];
const sim = (dockerfile: string) => simulateImage(dockerfile, { context, nodeProjects });
const files = (image: ReturnType<typeof sim>, stage: number) => [...image.stages[stage]!.files.keys()].sort();

const PRUNE = 'FROM node:22-slim AS prune\nWORKDIR /repo\nCOPY . .\nRUN turbo prune @acme/api --docker\n';

describe('turbo prune', () => {
  it('writes out/json (manifests, lockfile), out/full (kept packages and root config) and out/pnpm-lock.yaml', () => {
    const out = files(sim(PRUNE), 0).filter((p) => p.startsWith('/repo/out/'));
    expect(out).toEqual([
      '/repo/out/full/apps/api/package.json',
      '/repo/out/full/apps/api/src/server.ts',
      '/repo/out/full/package.json',
      '/repo/out/full/packages/shared/package.json',
      '/repo/out/full/packages/shared/src/index.ts',
      '/repo/out/full/pnpm-workspace.yaml',
      '/repo/out/full/turbo.json',
      '/repo/out/json/apps/api/package.json',
      '/repo/out/json/package.json',
      '/repo/out/json/packages/shared/package.json',
      '/repo/out/json/pnpm-lock.yaml',
      '/repo/out/json/pnpm-workspace.yaml',
      '/repo/out/pnpm-lock.yaml',
      '/repo/out/pnpm-workspace.yaml',
    ]);
    // Root files other than turbo's (tsconfig.base.json) are not copied: turbo 2.11 leaves them out.
    expect(out.some((p) => p.endsWith('tsconfig.base.json'))).toBe(false);
  });

  it('without --docker, writes the pruned workspace straight into --out-dir', () => {
    const out = files(sim('FROM node:22-slim\nWORKDIR /repo\nCOPY . .\nRUN npx turbo@2.11.11 prune @acme/web --out-dir=/pruned\n'), 0).filter((p) => p.startsWith('/pruned/'));
    expect(out).toContain('/pruned/apps/web/src/main.tsx');
    expect(out).toContain('/pruned/packages/shared/src/index.ts');
    expect(out).toContain('/pruned/pnpm-lock.yaml');
    expect(out.some((p) => p.includes('/apps/api/'))).toBe(false);
    expect(out.some((p) => p.includes('/json/'))).toBe(false);
  });

  it('fails the build for a package the workspace does not have', () => {
    const image = sim('FROM node:22-slim\nWORKDIR /repo\nCOPY . .\nRUN turbo prune @acme/admin --docker\n');
    expect(image.notes.some((n) => n.kind === 'build-error' && /@acme\/admin/.test(n.message))).toBe(true);
  });

  it("installs the pruned workspace's measured figures, and keeps that install cached when another app changes", () => {
    const dockerfile = `${PRUNE}FROM node:22-slim AS build\nENV PNPM_HOME=/pnpm\nWORKDIR /repo\nCOPY --from=prune /repo/out/json/ .\nRUN --mount=type=cache,target=/pnpm/store pnpm install --frozen-lockfile\nCOPY --from=prune /repo/out/full/ .\nRUN pnpm turbo run build --filter=@acme/api\n`;
    const image = sim(dockerfile);
    const build = image.stages[1]!;
    expect(build.files.get('/repo/node_modules')?.bytes).toBe(90_000_000);
    // The store went to the cache mount ($PNPM_HOME/store), not into the layer.
    expect(build.files.has('/pnpm/store')).toBe(false);
    // turbo builds the API and the package it depends on, not the web app.
    expect(build.files.has('/repo/apps/api/dist')).toBe(true);
    expect(build.files.has('/repo/packages/shared/dist')).toBe(true);
    expect(build.files.has('/repo/apps/web/dist')).toBe(false);

    const install = (path: string) => cacheReport(image, { kind: 'file', path }, { context, nodeProjects }).steps.find((s) => s.instruction.includes('pnpm install'))!;
    expect(install(`apps/web/src/main.tsx`).hit).toBe(true);
    expect(install(`apps/api/src/server.ts`).hit).toBe(true);
    expect(install('pnpm-lock.yaml').hit).toBe(false);
    expect(install('apps/api/package.json').hit).toBe(false);
    // The sources' copy is cached for a web edit too, and reruns for an API edit.
    const full = (path: string) => cacheReport(image, { kind: 'file', path }, { context, nodeProjects }).steps.find((s) => s.instruction.includes('out/full'))!;
    expect(full('apps/web/src/main.tsx').hit).toBe(true);
    expect(full('apps/api/src/server.ts').hit).toBe(false);
  });

  it('a COPY --from of what a RUN wrote still reruns when its stage was rebuilt', () => {
    const image = sim('FROM node:22-slim AS build\nWORKDIR /repo\nCOPY . .\nRUN pnpm install --frozen-lockfile\nFROM node:22-slim\nCOPY --from=build /repo/node_modules /app/node_modules\n');
    const step = cacheReport(image, { kind: 'file', path: 'apps/web/src/main.tsx' }, { context, nodeProjects }).steps.find((s) => s.instruction.startsWith('COPY --from'))!;
    expect(step.hit).toBe(false);
  });
});
