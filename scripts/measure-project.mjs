// `node scripts/measure-project.mjs <exercise-id> [...]`: measures an exercise's Node project for
// real and records the figures in content/exercises/<id>/project.json, under "measured".
//
// In a temporary copy of content/exercises/<id>/project/ it runs `npm ci` (with an empty npm
// cache of its own, so the cache growth of one install is measured too), then, when
// project.json asks for it, `npm run build`. node_modules is measured with the same tar-byte
// accounting the CLI uses for a real context (src/node/node-projects.ts: a 512-byte header per
// entry, data padded to 512 bytes), with all dependencies, then after a second, real
// `npm ci --omit=dev` (checked against the lockfile's dev flags, which the CLI relies on).
//
// project.json's "measure" says what to measure: { "build": true } records the size of `dist`
// after `npm run build`; { "nodeModulesInContext": true } records the installed node_modules
// package by package as entries of the learner's working directory (a build context without a
// .dockerignore sends them); { "omitOptional": true } also runs `npm ci --omit=dev --omit=optional`
// and records it as prodNoOptionalBytes/Files (Prisma 7's optional peers, prisma and typescript,
// survive --omit=dev alone: only this install shows what --omit=optional saves); { "dir": "web" }
// measures the npm project in that subdirectory of project/ (a repository whose front end is one
// part of it), recorded with that `dir`. "declared" entries are written by hand and kept as they are.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNodeProjects } from '../src/node/node-projects.ts';
import { measurePnpmWorkspace, tarTally } from './lib/measure-pnpm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`measure-project: ${message}`);
  process.exit(1);
}

/** Sum of file sizes and file count of a tree (what a build context entry declares). */
function plainTally(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (path) => {
    const s = lstatSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else {
      bytes += s.size;
      files++;
    }
  };
  walk(dir);
  return { bytes, files };
}

/** node_modules package by package (scopes opened), for a context that holds the folder. */
function packageEntries(modules) {
  const out = [];
  for (const name of readdirSync(modules).sort()) {
    const full = join(modules, name);
    if (name.startsWith('@') && lstatSync(full).isDirectory()) {
      for (const sub of readdirSync(full).sort()) out.push({ path: `node_modules/${name}/${sub}`, ...plainTally(join(full, sub)) });
    } else out.push({ path: `node_modules/${name}`, ...plainTally(full) });
  }
  // A single file is an ordinary entry; a directory stands for its files.
  return out.map((e) => (lstatSync(join(modules, e.path.slice('node_modules/'.length))).isDirectory() ? e : { path: e.path, bytes: e.bytes }));
}

function run(cmd, args, cwd, env = {}) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

function version(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
}

async function measure(id) {
  const dir = join(root, 'content/exercises', id);
  const projectDir = join(dir, 'project');
  const jsonPath = join(dir, 'project.json');
  if (!existsSync(projectDir)) fail(`${projectDir} does not exist`);
  if (existsSync(join(projectDir, 'pnpm-lock.yaml'))) return measurePnpm(id, projectDir, jsonPath);
  const config = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
  const settings = config.measure ?? {};
  const sub = settings.dir ?? '';
  if (!existsSync(join(projectDir, sub, 'package-lock.json'))) {
    fail(`${id}: project/${sub ? `${sub}/` : ''}package-lock.json is missing; create it with \`npm install --package-lock-only --omit-lockfile-registry-resolved\` in project/${sub}`);
  }

  const work = mkdtempSync(join(tmpdir(), `layerwise-measure-${id}-`));
  try {
    const copy = join(work, 'app');
    // A project's .npmrc points npm at the learner's (fictional) company registry and its token:
    // the measurement installs the same lockfile from npm's default registry instead.
    cpSync(projectDir, copy, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|\.npmrc)$/.test(src) });
    const app = join(copy, sub);
    const cache = join(work, 'npm-cache');
    const commands = ['npm ci --no-audit --no-fund'];
    run('npm', ['ci', '--no-audit', '--no-fund', '--cache', cache], app);
    if (settings.build) {
      commands.push('npm run build');
      run('npm', ['run', 'build'], app);
    }
    const [project] = await measureNodeProjects(app, ['package.json']);
    if (!project) fail(`${id}: npm ci left no node_modules`);
    const cacheBytes = tarTally([cache]).bytes;
    const buildOutputBytes = settings.build ? tarTally([join(app, 'dist')]).bytes : undefined;
    const entries = settings.nodeModulesInContext ? packageEntries(join(app, 'node_modules')) : undefined;
    // Production figures from a real `npm ci --omit=dev`, checked against the lockfile's dev flags.
    commands.push('npm ci --omit=dev');
    const prodCache = join(work, 'npm-cache-prod');
    run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--cache', prodCache], app);
    const prodCacheBytes = tarTally([prodCache]).bytes;
    const prod = tarTally([join(app, 'node_modules')]);
    const prodBytes = prod.bytes + 1024;
    if (Math.abs(prodBytes - project.prodBytes) > prodBytes * 0.01 || prod.files !== project.prodFiles) {
      console.warn(`${id}: npm ci --omit=dev gives ${prodBytes} bytes / ${prod.files} files, the lockfile's dev flags ${project.prodBytes} / ${project.prodFiles}; keeping the install's`);
    }
    // Production without optional dependencies, from a third real install.
    let noOptional;
    if (settings.omitOptional) {
      commands.push('npm ci --omit=dev --omit=optional');
      run('npm', ['ci', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', '--cache', join(work, 'npm-cache-no-optional')], app);
      const t = tarTally([join(app, 'node_modules')]);
      noOptional = { prodNoOptionalBytes: t.bytes + 1024, prodNoOptionalFiles: t.files };
    }
    const measured = {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      npm: version('npm', ['--version']),
      source: `node scripts/measure-project.mjs ${id}: ${commands.join(' && ')} in a copy of project/${sub ? ` (in ${sub}/)` : ''} (linux ${process.arch}), node_modules tar bytes as src/node/node-projects.ts counts them, prod from a second install with --omit=dev${noOptional ? ' and a third with --omit=dev --omit=optional' : ''}, npm cache growth of each install measured in an empty cache of its own`,
      nodeProjects: [
        {
          dir: sub,
          allBytes: project.allBytes,
          allFiles: project.allFiles,
          prodBytes,
          prodFiles: prod.files,
          cacheBytes,
          prodCacheBytes,
          ...(noOptional ?? {}),
          ...(buildOutputBytes !== undefined ? { buildOutputBytes } : {}),
          source: `measured ${new Date().toISOString().slice(0, 10)}: npm ci (npm ${version('npm', ['--version'])}, node ${process.version}) by scripts/measure-project.mjs ${id}`,
        },
      ],
      ...(entries ? { entries } : {}),
    };
    const next = { measure: settings, declared: config.declared ?? [], measured };
    writeFileSync(jsonPath, `${JSON.stringify(next, null, 2)}\n`);
    const p = measured.nodeProjects[0];
    console.log(
      `${id}: node_modules ${(p.allBytes / 1e6).toFixed(1)} MB / ${p.allFiles} files (all), ${(p.prodBytes / 1e6).toFixed(1)} MB / ${p.prodFiles} files (prod), npm cache ${(p.cacheBytes / 1e6).toFixed(1)} MB (prod ${(p.prodCacheBytes / 1e6).toFixed(1)} MB)` +
        (p.prodNoOptionalBytes !== undefined ? `, ${(p.prodNoOptionalBytes / 1e6).toFixed(1)} MB / ${p.prodNoOptionalFiles} files (prod, no optional)` : '') +
        (p.buildOutputBytes !== undefined ? `, dist ${(p.buildOutputBytes / 1e3).toFixed(1)} kB` : '') +
        (measured.entries ? `, ${measured.entries.length} context entries` : '') +
        ` [${commands.join(' && ')}]`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A pnpm workspace (project/pnpm-lock.yaml): scripts/lib/measure-pnpm.mjs does the work. */
function measurePnpm(id, projectDir, jsonPath) {
  const config = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
  const settings = config.measure ?? {};
  const work = mkdtempSync(join(tmpdir(), `layerwise-measure-${id}-`));
  try {
    const { commands, projects, tool } = measurePnpmWorkspace(projectDir, settings, work);
    const measured = {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      pnpm: tool,
      source: `node scripts/measure-project.mjs ${id}: ${commands.join(' && ')} in copies of project/ (linux ${process.arch}), each install with an empty store of its own; node_modules tar bytes with every inode counted once`,
      nodeProjects: projects.map((p) => ({ ...p, source: p.source.replace('by scripts/measure-project.mjs', `by scripts/measure-project.mjs ${id}`) })),
    };
    writeFileSync(jsonPath, `${JSON.stringify({ measure: settings, declared: config.declared ?? [], measured }, null, 2)}\n`);
    for (const p of measured.nodeProjects) {
      console.log(`${id} ${p.dir || '(root)'}${p.prunedFor ? ` pruned for ${p.prunedFor}` : ''}: all ${(p.allBytes / 1e6).toFixed(1)} MB / ${p.allFiles} files, prod ${(p.prodBytes / 1e6).toFixed(1)} MB` + (p.prodNoOptionalBytes !== undefined ? `, prod without optional ${(p.prodNoOptionalBytes / 1e6).toFixed(1)} MB` : '') + (p.cacheBytes !== undefined ? `, store ${(p.cacheBytes / 1e6).toFixed(1)} MB` : '') + (p.buildOutputBytes !== undefined ? `, dist ${(p.buildOutputBytes / 1e3).toFixed(1)} kB` : ''));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ids = process.argv.slice(2);
if (ids.length === 0) fail('usage: node scripts/measure-project.mjs <exercise-id> [...]');
for (const id of ids) await measure(id);
