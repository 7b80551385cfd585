// Measures a pnpm workspace for real (used by scripts/measure-project.mjs when project/ has a
// pnpm-lock.yaml). pnpm runs through `npx pnpm@<version>` (the version of package.json's
// packageManager), with a store directory of its own per install, so every figure is one
// install from empty:
// - the whole workspace: `pnpm install --frozen-lockfile` (all) and `--prod`, node_modules tar
//   bytes (symlinks are a header each, as tar stores them), and the store's growth net of the
//   files it shares with node_modules by hard link (tar stores a hard-linked file once per layer);
// - `pnpm turbo run build`: each package's dist/;
// - each workspace package: `pnpm --filter NAME deploy [--prod] DIR`, DIR/node_modules (and, with
//   settings.omitOptional, `--prod --no-optional`: Prisma 7's @prisma/client has the Prisma CLI as
//   an optional peer, and a --prod deploy keeps it with everything it pulls in);
// - each `prune` target: `turbo prune NAME --docker`, then installs in out/json (all and --prod).
// settings.buildEnv (optional) gives the build environment variables, passed through turbo with
// --env-mode=loose (turbo's strict mode hides variables the tasks do not declare): e.g.
// PRISMA_SCHEMA_ENGINE_BINARY=/bin/true, because `prisma generate` downloads Prisma's schema
// engine from Prisma's own host before it starts, and it never runs it to generate a client.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Tar bytes and regular files of trees, each inode counted once (hard links are stored once). */
export function tarTally(dirs) {
  const seen = new Set();
  let bytes = 0;
  let files = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      bytes += 512;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const s = lstatSync(full);
        if (seen.has(s.ino)) continue;
        seen.add(s.ino);
        bytes += Math.ceil(s.size / 512) * 512;
        files++;
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

function pnpmVersion(app) {
  const pm = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).packageManager ?? '';
  const m = /^pnpm@(\d+\.\d+\.\d+)/.exec(pm);
  if (!m) throw new Error('package.json has no "packageManager": "pnpm@x.y.z"');
  return m[1];
}

/** The workspace packages: directory and name, from pnpm-workspace.yaml's `dir/*` globs. */
function workspacePackages(app) {
  const yaml = readFileSync(join(app, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s*-\s*['"]?([^'"\s]+)\/\*['"]?\s*$/gm)].map((m) => m[1]);
  const out = [];
  for (const g of globs) {
    if (!existsSync(join(app, g))) continue;
    for (const name of readdirSync(join(app, g)).sort()) {
      const pkg = join(app, g, name, 'package.json');
      if (existsSync(pkg)) out.push({ dir: `${g}/${name}`, name: JSON.parse(readFileSync(pkg, 'utf8')).name });
    }
  }
  return out;
}

export function measurePnpmWorkspace(projectDir, settings, work) {
  const fresh = (label) => {
    const dir = join(work, label);
    cpSync(projectDir, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|out|\.turbo)$/.test(src) });
    return dir;
  };
  const root = fresh('all');
  const version = pnpmVersion(root);
  const buildEnv = settings.buildEnv ?? {};
  const pnpm = (args, cwd) => execFileSync('npx', ['-y', `pnpm@${version}`, ...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...buildEnv } });
  const store = (label) => ['--store-dir', join(work, `store-${label}`)];
  const commands = [];
  const date = new Date().toISOString().slice(0, 10);
  const source = (what) => `measured ${date}: pnpm ${version} ${what} (node ${process.version}) by scripts/measure-project.mjs`;

  // The whole workspace, all dependencies, then the build.
  pnpm(['install', '--frozen-lockfile', ...store('all')], root);
  commands.push('pnpm install --frozen-lockfile');
  const all = tarTally([join(root, 'node_modules')]);
  const withStore = tarTally([join(root, 'node_modules'), join(work, 'store-all')]);
  const loose = Object.keys(buildEnv).length > 0 ? ['--env-mode=loose'] : [];
  pnpm(['turbo', 'run', 'build', ...loose], root);
  const envText = Object.entries(buildEnv).map(([k, v]) => `${k}=${v} `).join('');
  commands.push(`${envText}pnpm turbo run build${loose.length ? ' --env-mode=loose' : ''}`);
  const prodRoot = fresh('prod');
  pnpm(['install', '--frozen-lockfile', '--prod', ...store('prod')], prodRoot);
  commands.push('pnpm install --frozen-lockfile --prod');
  const prod = tarTally([join(prodRoot, 'node_modules')]);
  const prodWithStore = tarTally([join(prodRoot, 'node_modules'), join(work, 'store-prod')]);
  const projects = [
    {
      dir: '',
      allBytes: all.bytes,
      allFiles: all.files,
      prodBytes: prod.bytes,
      prodFiles: prod.files,
      cacheBytes: withStore.bytes - all.bytes,
      prodCacheBytes: prodWithStore.bytes - prod.bytes,
      source: source('install --frozen-lockfile of the whole workspace (root node_modules with its .pnpm virtual store; the content store counted net of the files hard-linked into node_modules)'),
    },
  ];

  // Each package as `pnpm deploy` leaves it, and its build output.
  for (const p of workspacePackages(root)) {
    const figures = {};
    const flags = { all: [], prod: ['--prod'], 'prod-no-optional': ['--prod', '--no-optional'] };
    for (const kind of settings.omitOptional ? ['all', 'prod', 'prod-no-optional'] : ['all', 'prod']) {
      const out = join(work, `deploy-${kind}-${p.dir.replace(/\//g, '-')}`);
      pnpm(['--filter', p.name, 'deploy', ...flags[kind], out], root);
      figures[kind] = tarTally([join(out, 'node_modules')]);
    }
    const dist = tarTally([join(root, p.dir, 'dist')]);
    projects.push({
      dir: p.dir,
      allBytes: figures.all.bytes,
      allFiles: figures.all.files,
      prodBytes: figures.prod.bytes,
      prodFiles: figures.prod.files,
      ...(figures['prod-no-optional'] ? { prodNoOptionalBytes: figures['prod-no-optional'].bytes, prodNoOptionalFiles: figures['prod-no-optional'].files } : {}),
      buildOutputBytes: dist.bytes,
      source: source(`--filter ${p.name} deploy [--prod] DIR after pnpm install (DIR/node_modules), dist/ after pnpm turbo run build`),
    });
  }
  commands.push(`pnpm --filter NAME deploy [--prod${settings.omitOptional ? ' [--no-optional]' : ''}] DIR`);

  // The workspace as `turbo prune NAME --docker` leaves it, installed from out/json.
  for (const name of settings.prune ?? []) {
    const figures = {};
    for (const kind of ['all', 'prod']) {
      const copy = fresh(`prune-${kind}`);
      pnpm(['install', '--frozen-lockfile', ...store(`prune-tools-${kind}`)], copy);
      pnpm(['turbo', 'prune', name, '--docker'], copy);
      const json = join(copy, 'out', 'json');
      pnpm(['install', '--frozen-lockfile', ...(kind === 'prod' ? ['--prod'] : []), ...store(`pruned-${kind}`)], json);
      figures[kind] = { modules: tarTally([join(json, 'node_modules')]), withStore: tarTally([join(json, 'node_modules'), join(work, `store-pruned-${kind}`)]) };
      rmSync(copy, { recursive: true, force: true });
    }
    projects.push({
      dir: '',
      prunedFor: name,
      allBytes: figures.all.modules.bytes,
      allFiles: figures.all.modules.files,
      prodBytes: figures.prod.modules.bytes,
      prodFiles: figures.prod.modules.files,
      cacheBytes: figures.all.withStore.bytes - figures.all.modules.bytes,
      prodCacheBytes: figures.prod.withStore.bytes - figures.prod.modules.bytes,
      source: source(`install --frozen-lockfile [--prod] in out/json after turbo prune ${name} --docker`),
    });
    commands.push(`turbo prune ${name} --docker && pnpm install --frozen-lockfile [--prod] in out/json`);
  }
  return { commands, projects, tool: `pnpm ${version}` };
}
