// The calibration cases (tests/fixtures/calibration/<name>/) and how a recorded real build is
// compared with the simulator: shared by scripts/calibrate.mjs and tests/engine/simulate/calibration.test.ts,
// so the committed test and `npm run calibrate -- --compare` print the same figures.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const casesDir = join(root, 'tests/fixtures/calibration');
export const recordPath = join(casesDir, 'real-builds.json');
/** Per case: node_modules measured from its lockfile (see measureNodeProjects in scripts/calibrate.mjs). */
export const NODE_PROJECTS_FILE = 'node-projects.json';
/** Per case: why it is left out of the 10% target, when its mechanism cannot be modelled. */
export const EXCLUDED_FILE = 'excluded.md';


export function listCases() {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(casesDir, d.name, 'Dockerfile')))
    .map((d) => d.name)
    .sort();
}

/** Deterministic bytes for a generated file. */
function writeGenerated(file, bytes, content, seed) {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const CHUNK = 1 << 20;
  try {
    if (content === 'random') {
      const key = createHash('sha256').update(`layerwise-calibration:${seed}`).digest().subarray(0, 16);
      const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
      const zeros = Buffer.alloc(CHUNK);
      for (let left = bytes; left > 0; left -= CHUNK) writeSync(fd, cipher.update(zeros.subarray(0, Math.min(CHUNK, left))));
    } else if (content === 'zeros') {
      const zeros = Buffer.alloc(CHUNK);
      for (let left = bytes; left > 0; left -= CHUNK) writeSync(fd, zeros, 0, Math.min(CHUNK, left));
    } else if (content === 'text') {
      const words = ['layer', 'image', 'cache', 'build', 'stage', 'copy', 'small', 'fast', 'safe', 'debian', 'node', 'file'];
      let text = '';
      for (let line = 1; text.length < bytes; line++) {
        const w = (k) => words[(line * 7 + k * 3 + seed.length) % words.length];
        text += `${String(line).padStart(5, '0')} ${seed}: the ${w(1)} ${w(2)} keeps the ${w(3)} ${w(4)} (${line * 37 % 1000}).\n`;
      }
      writeSync(fd, Buffer.from(text.slice(0, bytes)));
    } else {
      throw new Error(`unknown content "${content}" for ${seed}`);
    }
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o644);
}

export function walk(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else if (entry.isFile()) out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

/** A reproducible .tar.gz of `dir`: sorted, mtime 0, owned by root. */
function makeArchive(dir, file) {
  const tar = spawnSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-C', dir, '-cf', '-', '.'], {
    maxBuffer: 1 << 30,
  });
  if (tar.status !== 0) throw new Error(`tar failed for ${dir}: ${tar.stderr}`);
  writeFileSync(file, gzipSync(tar.stdout, { level: 9 }));
  chmodSync(file, 0o644);
}

/** Copy the case into a fresh directory and generate its big files; returns the directory. */
export function prepare(name) {
  const src = join(casesDir, name);
  const dir = mkdtempSync(join(tmpdir(), `calibrate-${name}-`));
  cpSync(src, dir, { recursive: true });
  // Calibration metadata is not part of the build context.
  for (const meta of [NODE_PROJECTS_FILE, EXCLUDED_FILE]) rmSync(join(dir, meta), { force: true });
  const specFile = join(dir, 'context.json');
  if (existsSync(specFile)) {
    const spec = JSON.parse(readFileSync(specFile, 'utf8'));
    rmSync(specFile);
    for (const g of spec.generate ?? []) {
      const count = g.count ?? 1;
      for (let i = 1; i <= count; i++) {
        const path = g.path.replaceAll('{i}', String(i).padStart(String(count).length, '0'));
        writeGenerated(join(dir, path), g.bytes, g.content ?? 'random', path);
      }
    }
    for (const a of spec.archives ?? []) {
      makeArchive(join(dir, a.dir), join(dir, a.path));
      if (a.remove) rmSync(join(dir, a.dir), { recursive: true });
    }
  }
  return dir;
}


/** The measured Node projects of a case (its node-projects.json), or [] when it has none. */
export function caseNodeProjects(name) {
  const file = join(casesDir, name, NODE_PROJECTS_FILE);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).projects : [];
}

/** Why a case is excluded from the target (its excluded.md), or null. */
export function caseExclusion(name) {
  const file = join(casesDir, name, EXCLUDED_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export function readRecord() {
  return existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : null;
}


/**
 * Compare one recorded real build with the simulator.
 *
 * @param real      a case from real-builds.json (`layers[]` with `base`, `line`, `tarBytes`, `gzipBytes`)
 * @param simulate  `(source, options) => SimulatedImage`, i.e. `simulateImage` from src/engine/simulate
 * @param input     what the simulator gets besides the Dockerfile: `{ context, nodeProjects }`, read
 *                  from the prepared case directory the way the CLI reads a context
 *                  (src/node/cli-contexts.ts) plus the case's measured node-projects.json
 * @returns rows `{ label, realTar, simTar, realGzip, simGzip }` (null where one side has no layer),
 *          a row per real layer, a row per simulated layer no real layer matches, and the totals.
 *
 * Matching: the base image's layers are compared as one row (the simulator uses the official
 * image's figures, the real build a local debootstrap copy, see real-build's README: compare the
 * "added" row for what a Dockerfile adds). Every other real layer carries the 1-based line of its
 * instruction, which is matched to the simulated layer with the same `line`. buildah records
 * WORKDIR/ENV/USER as empty layers; a simulated non-empty layer with no real counterpart (BuildKit's
 * WORKDIR layer) gets its own row.
 */
export function compareWithSimulator(real, simulate, input) {
  const image = simulate(real.dockerfile, input);
  const simLayers = image.layers;
  const simBase = simLayers.filter((l) => l.base);
  const simOwn = simLayers.filter((l) => !l.base && !l.empty);
  const realBase = real.layers.filter((l) => l.base);
  const rows = [
    {
      label: `(base ${real.baseImage})`,
      realTar: realBase.reduce((n, l) => n + l.tarBytes, 0),
      realGzip: realBase.reduce((n, l) => n + l.gzipBytes, 0),
      simTar: simBase.reduce((n, l) => n + l.sizeBytes, 0),
      simGzip: simBase.reduce((n, l) => n + l.compressedBytes, 0),
    },
  ];
  const used = new Set();
  for (const l of real.layers.filter((l) => !l.base)) {
    const sim = l.line === null ? undefined : simLayers.find((s) => !s.base && s.line === l.line && !used.has(s));
    if (sim) used.add(sim);
    rows.push({
      label: l.instruction ?? l.createdBy,
      realTar: l.tarBytes,
      realGzip: l.gzipBytes,
      simTar: sim ? sim.sizeBytes : null,
      simGzip: sim ? sim.compressedBytes : null,
    });
  }
  for (const s of simOwn.filter((s) => !used.has(s))) {
    rows.push({ label: `(simulator only) ${s.createdBy}`, realTar: null, realGzip: null, simTar: s.sizeBytes, simGzip: s.compressedBytes });
  }
  const sum = (key, pick) => pick.reduce((n, r) => n + (r[key] ?? 0), 0);
  const own = rows.slice(1);
  rows.push({ label: 'added by the Dockerfile', realTar: sum('realTar', own), realGzip: sum('realGzip', own), simTar: sum('simTar', own), simGzip: sum('simGzip', own) });
  rows.push({ label: 'total', realTar: real.totalTarBytes, realGzip: real.totalGzipBytes, simTar: image.totals.sizeBytes, simGzip: image.totals.compressedBytes });
  return rows;
}


/** The rows every summary needs: what the Dockerfile adds, and the whole image. */
export function summaryRows(rows) {
  return { added: rows.find((r) => r.label === 'added by the Dockerfile'), total: rows.find((r) => r.label === 'total') };
}

/** (simulated - real) / real. */
export function delta(sim, real) {
  return real === 0 ? (sim === 0 ? 0 : Infinity) : (sim - real) / real;
}
