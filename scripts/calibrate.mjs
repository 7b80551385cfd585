// `npm run calibrate`: build the calibration cases for real and record their layers.
//
//   node scripts/calibrate.mjs                  build every case in tests/fixtures/calibration/ with
//                                               ../shared/tools/real-build (buildah), write the figures
//                                               to tests/fixtures/calibration/real-builds.json, print them
//   node scripts/calibrate.mjs --only a,b       build only these cases (the others keep their recorded figures)
//   node scripts/calibrate.mjs --recorded       build nothing: print the recorded figures
//   node scripts/calibrate.mjs --compare        also simulate each case with src/engine/simulate and print
//                                               real vs simulated per layer (combine with --recorded to skip building)
//   node scripts/calibrate.mjs --keep           keep the prepared build directories (printed)
//
// A case is a directory `tests/fixtures/calibration/<name>/` with a `Dockerfile` (its first line:
// `# README: what it calibrates`), the small context files it needs, and optionally a `context.json`
// describing bigger files to generate deterministically before the build (no big file is committed):
//
//   { "generate": [ { "path": "data/blob.bin", "bytes": 20000000, "content": "random" },
//                   { "path": "many/file-{i}.txt", "count": 400, "bytes": 1000, "content": "text" } ],
//     "archives": [ { "path": "app.tar.gz", "dir": "_archive", "remove": true } ] }
//
// content: "random" (AES-CTR keystream seeded by the path: incompressible, same bytes on every machine),
// "zeros", or "text" (numbered English-like lines: compresses like source code). `{i}` in a path is
// replaced by 1..count. An archive is a reproducible .tar.gz of `dir` (sorted, mtime 0, root-owned);
// `remove` drops `dir` from the context afterwards.
//
// When buildah (or the real-build tool, or its local Debian bases) is missing, the script says so,
// prints the recorded figures and exits 0: the recorded JSON is the committed source of truth.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const casesDir = join(root, 'tests/fixtures/calibration');
const recordPath = join(casesDir, 'real-builds.json');
const realBuild = process.env.REAL_BUILD ?? resolve(root, '../shared/tools/real-build/real-build');
const realBuildHome = process.env.REAL_BUILD_HOME ?? '/var/tmp/real-build';
const TOOL_LABEL = '../shared/tools/real-build';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('--only')?.split(',').filter(Boolean) ?? null;

// ---------------------------------------------------------------------------------------------
// Cases and their context

function listCases() {
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

function walk(dir, base = dir) {
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
function prepare(name) {
  const src = join(casesDir, name);
  const dir = mkdtempSync(join(tmpdir(), `calibrate-${name}-`));
  cpSync(src, dir, { recursive: true });
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

const TEXT_FILE = /(^|\/)(package(-lock)?\.json|[^/]*\.(js|mjs|cjs|ts|c|txt|json|sh|html|md))$/;

/** The build context as the simulator sees it (the Dockerfile itself is sent separately). */
function contextOf(dir) {
  return walk(dir)
    .filter((p) => p !== 'Dockerfile')
    .map((path) => {
      const bytes = statSync(join(dir, path)).size;
      const file = { path, bytes };
      if (bytes <= 200_000 && TEXT_FILE.test(path)) file.text = readFileSync(join(dir, path), 'utf8');
      return file;
    });
}

// ---------------------------------------------------------------------------------------------
// A small Dockerfile reader: enough to tie each real layer to its instruction

function instructions(source) {
  const lines = source.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i + 1;
    let text = lines[i];
    while (/\\\s*$/.test(text) && i + 1 < lines.length) {
      text = text.replace(/\\\s*$/, ' ');
      i++;
      if (!lines[i].trim().startsWith('#')) text += lines[i];
    }
    text = text.replace(/\s+/g, ' ').trim();
    out.push({ line: start, keyword: text.split(' ')[0].toUpperCase(), text });
  }
  return out;
}

/** The final stage's base image and the instructions that make its layers (following FROM <stage>). */
function finalStage(source) {
  const stages = [];
  for (const ins of instructions(source)) {
    if (ins.keyword === 'FROM') {
      const words = ins.text.split(' ').slice(1).filter((w) => !w.startsWith('--'));
      stages.push({ from: words[0], name: words[2]?.toLowerCase() ?? null, steps: [] });
    } else if (stages.length) stages.at(-1).steps.push(ins);
  }
  const chain = [];
  let stage = stages.at(-1);
  while (stage) {
    chain.unshift(stage);
    const from = stage.from.toLowerCase();
    stage = stages.slice(0, stages.indexOf(stage)).findLast((s) => s.name === from || String(stages.indexOf(s)) === from);
  }
  return {
    baseImage: chain[0].from,
    stages: stages.length,
    layerSteps: chain.flatMap((s) => s.steps).filter((s) => ['RUN', 'COPY', 'ADD'].includes(s.keyword)),
  };
}

// ---------------------------------------------------------------------------------------------
// Building

function buildahVersion() {
  const r = spawnSync('buildah', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.match(/buildah version (\S+)/)?.[1] ?? r.stdout.trim();
}

function missingBases() {
  const r = spawnSync(
    'buildah',
    ['--root', join(realBuildHome, 'storage'), '--runroot', join(realBuildHome, 'runroot'), '--storage-driver', 'vfs', 'images', '--format', '{{.Name}}:{{.Tag}}'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) return ['debian:bookworm-slim', 'debian:bookworm'];
  return ['debian:bookworm-slim', 'debian:bookworm'].filter((b) => !r.stdout.includes(`docker.io/library/${b}\n`));
}

/**
 * npm inside the build behind a TLS-intercepting proxy (as on the machines this was first run on,
 * where NODE_EXTRA_CA_CERTS names the proxy's CA bundle): the container's npm does not trust that CA.
 * For cases that run npm, and only when NODE_EXTRA_CA_CERTS or CALIBRATE_CA_FILE names a CA bundle,
 * the bundle is written inline into an npmrc (`ca[]=...`) that buildah bind-mounts read-only at
 * /root/.npmrc through a temporary containers.conf (CONTAINERS_CONF; the system one is copied into
 * it). The Dockerfile stays unchanged; the only trace is an empty `root/.npmrc` mount point in the
 * first RUN layer (about 1 KB of tar headers), which the case records in `buildNotes`.
 */
function npmTrust(dockerfile) {
  const caFile = process.env.CALIBRATE_CA_FILE ?? process.env.NODE_EXTRA_CA_CERTS;
  if (!/\bnpm\s+(ci|install|i)\b/.test(dockerfile) || !caFile || !existsSync(caFile)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'calibrate-npmrc-'));
  const certs = readFileSync(caFile, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  writeFileSync(join(dir, 'npmrc'), certs.map((c) => `ca[]=${JSON.stringify(c)}\n`).join(''));
  chmodSync(join(dir, 'npmrc'), 0o644);
  const system = ['/etc/containers/containers.conf', '/usr/share/containers/containers.conf'].find((f) => existsSync(f));
  let conf = system ? readFileSync(system, 'utf8') : '';
  const volumes = `volumes = [${JSON.stringify(`${join(dir, 'npmrc')}:/root/.npmrc:ro`)}]`;
  conf = /^\[containers\]/m.test(conf) ? conf.replace(/^\[containers\]/m, `[containers]\n${volumes}`) : `[containers]\n${volumes}\n${conf}`;
  writeFileSync(join(dir, 'containers.conf'), conf);
  return {
    dir,
    env: { CONTAINERS_CONF: join(dir, 'containers.conf') },
    note: 'npmrc-mount: the first RUN layer carries an empty root/.npmrc mount point (see notes)',
  };
}

function realBuildOf(dir, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(realBuild, ['build', dir], { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, ...env } });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  if (r.status !== 0) throw new Error(`real-build failed (${r.status}):\n${r.stderr || r.error}`);
  return { result: JSON.parse(r.stdout), seconds };
}

/** What is kept per layer (the repo keeps files under 50 KB: top 3 files, first 10 whiteouts). */
function layerRecord(layer, index, base, step) {
  return {
    index,
    base,
    line: step?.line ?? null,
    instruction: step?.text ?? null,
    createdBy: layer.createdBy,
    tarBytes: layer.tarBytes,
    gzipBytes: layer.gzipBytes,
    files: layer.files,
    whiteoutCount: layer.whiteoutCount,
    whiteouts: layer.whiteouts.slice(0, 10),
    largest: base ? undefined : layer.largest.slice(0, 3).map((f) => [f.path, f.bytes]),
  };
}

/**
 * Build the base alone: its own layers (to tell them apart from the Dockerfile's). A LABEL makes
 * an empty layer; a Dockerfile with only FROM would leave a buildah working container behind.
 */
function measureBase(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'calibrate-base-'));
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${ref}\nLABEL org.layerwise.calibrate=base\n`);
  try {
    const { result } = realBuildOf(dir);
    return {
      ref,
      layers: result.layers.map((l) => ({ createdBy: l.createdBy, tarBytes: l.tarBytes, gzipBytes: l.gzipBytes, files: l.files })),
      totalTarBytes: result.totalTarBytes,
      totalGzipBytes: result.totalGzipBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureCase(name, bases, meta) {
  const dockerfile = readFileSync(join(casesDir, name, 'Dockerfile'), 'utf8');
  const spec = existsSync(join(casesDir, name, 'context.json'));
  const stage = finalStage(dockerfile);
  const dir = prepare(name);
  const trust = npmTrust(dockerfile);
  try {
    const context = contextOf(dir);
    const { result, seconds } = realBuildOf(dir, trust?.env);
    const base = bases[stage.baseImage] ?? null;
    const baseCount = base?.layers.length ?? 0;
    const own = result.layers.length - baseCount;
    const aligned = own === stage.layerSteps.length;
    if (!aligned) console.warn(`  ${name}: ${own} layers for ${stage.layerSteps.length} RUN/COPY/ADD steps: instructions not attached`);
    const layers = result.layers.map((l, i) =>
      layerRecord(l, i, i < baseCount, i >= baseCount && aligned ? stage.layerSteps[i - baseCount] : null),
    );
    const added = layers.filter((l) => !l.base);
    return {
      name,
      dockerfile,
      baseImage: stage.baseImage,
      stages: stage.stages,
      context: { files: context.length, bytes: context.reduce((n, f) => n + f.bytes, 0), generated: spec ? 'context.json' : undefined },
      date: meta.date,
      buildah: meta.buildah,
      source: `measured with ${TOOL_LABEL} on ${meta.date}`,
      buildSeconds: seconds,
      buildNotes: trust ? [trust.note] : undefined,
      totalTarBytes: result.totalTarBytes,
      totalGzipBytes: result.totalGzipBytes,
      addedTarBytes: added.reduce((n, l) => n + l.tarBytes, 0),
      addedGzipBytes: added.reduce((n, l) => n + l.gzipBytes, 0),
      layers,
    };
  } finally {
    if (trust) rmSync(trust.dir, { recursive: true, force: true });
    if (flag('--keep')) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Printing

const MB = (n) => (n / 1e6).toFixed(n < 1e5 ? 4 : n < 1e7 ? 3 : 2);

function table(rows, { left = [0] } = {}) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (left.includes(c) ? String(cell ?? '').padEnd(widths[c]) : String(cell ?? '').padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

const short = (s, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const aboutOf = (c) => c.dockerfile.match(/^#\s*README:\s*(.*)$/m)?.[1] ?? '';

function printCase(c) {
  console.log(`\n${c.name} — ${aboutOf(c)}`);
  table(
    [
      ['layer', 'tar MB', 'gzip MB', 'files', 'whiteouts'],
      ...c.layers.map((l) => [
        l.base ? `(base ${c.baseImage})` : short(l.instruction ?? l.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '')),
        MB(l.tarBytes),
        MB(l.gzipBytes),
        l.files,
        l.whiteoutCount,
      ]),
      ['total', MB(c.totalTarBytes), MB(c.totalGzipBytes), '', ''],
      ['added by the Dockerfile', MB(c.addedTarBytes), MB(c.addedGzipBytes), '', ''],
    ],
  );
}

function printSummary(record) {
  console.log(`\nSummary (${record.source}; MB = 10^6 bytes)`);
  table([
    ['case', 'base', 'total tar', 'total gzip', 'added tar', 'added gzip', 'layers', 'build s'],
    ...record.cases.map((c) => [
      c.name,
      c.baseImage,
      MB(c.totalTarBytes),
      MB(c.totalGzipBytes),
      MB(c.addedTarBytes),
      MB(c.addedGzipBytes),
      c.layers.length,
      c.buildSeconds,
    ]),
  ], { left: [0, 1] });
}

// ---------------------------------------------------------------------------------------------
// Real vs simulated

/**
 * Compare one recorded real build with the simulator.
 *
 * @param real      a case from real-builds.json (`layers[]` with `base`, `line`, `tarBytes`, `gzipBytes`)
 * @param simulate  `(source, options) => SimulatedImage`, i.e. `simulateImage` from src/engine/simulate
 * @param context   the build context as `ContextFile[]` (path, bytes, text for small text files)
 * @returns rows `{ label, realTar, simTar, realGzip, simGzip }` (null where one side has no layer),
 *          a row per real layer, a row per simulated layer no real layer matches, and the totals.
 *
 * Matching: the base image's layers are compared as one row (the simulator uses the official
 * image's figures, the real build a local debootstrap copy, see real-build's README: compare the
 * "added" row for what a Dockerfile adds). Every other real layer carries the 1-based line of its
 * instruction, which is matched to the simulated layer with the same `line`. buildah records
 * WORKDIR/ENV/USER as empty layers; a simulated non-empty layer with no real counterpart (BuildKit's
 * WORKDIR layer) gets its own row.
 *
 * For the simulator's author to finish: per-file comparison (`largest`, whiteouts vs `delete`
 * changes), tolerances per mechanic, and turning the rows into a vitest test over real-builds.json.
 */
export function compareWithSimulator(real, simulate, context) {
  const image = simulate(real.dockerfile, { context });
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

const pct = (sim, real) => (sim === null || real === null ? '' : real === 0 ? (sim === 0 ? '0%' : 'n/a') : `${sim >= real ? '+' : ''}${(((sim - real) / real) * 100).toFixed(1)}%`);

async function loadSimulator() {
  const entry = join(root, 'src/engine/simulate/index.ts');
  if (!existsSync(entry)) {
    console.log('\n--compare: src/engine/simulate/index.ts does not exist yet: real figures only.');
    return null;
  }
  const { build } = await import('esbuild');
  const outDir = join(root, 'node_modules/.cache/layerwise-calibrate');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'simulate.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
  const mod = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  if (typeof mod.simulateImage !== 'function') {
    console.log('\n--compare: src/engine/simulate/index.ts does not export simulateImage: real figures only.');
    return null;
  }
  return mod.simulateImage;
}

async function compareAll(record) {
  const simulate = await loadSimulator();
  if (!simulate) return;
  console.log('\nReal (buildah) vs simulated, MB = 10^6 bytes; % = (simulated - real) / real');
  const summary = [['case', 'real added tar', 'sim', 'diff', 'real added gzip', 'sim', 'diff']];
  for (const c of record.cases) {
    const dir = existsSync(join(casesDir, c.name)) ? prepare(c.name) : null;
    let rows;
    try {
      rows = compareWithSimulator(c, simulate, dir ? contextOf(dir) : []);
    } catch (error) {
      console.log(`\n${c.name}: the simulator threw: ${error.message}`);
      continue;
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    console.log(`\n${c.name}`);
    const f = (n) => (n === null ? '-' : MB(n));
    table([
      ['layer', 'real tar', 'sim tar', 'diff', 'real gzip', 'sim gzip', 'diff'],
      ...rows.map((r) => [short(r.label, 60), f(r.realTar), f(r.simTar), pct(r.simTar, r.realTar), f(r.realGzip), f(r.simGzip), pct(r.simGzip, r.realGzip)]),
    ]);
    const added = rows.find((r) => r.label === 'added by the Dockerfile');
    summary.push([c.name, MB(added.realTar), MB(added.simTar), pct(added.simTar, added.realTar), MB(added.realGzip), MB(added.simGzip), pct(added.simGzip, added.realGzip)]);
  }
  console.log('\nWhat each Dockerfile adds on top of its base, real vs simulated');
  table(summary);
}

// ---------------------------------------------------------------------------------------------

/** Pretty JSON with one line per layer: readable diffs, small file. */
function serialize(record) {
  const layers = [];
  const text = JSON.stringify(
    record,
    (key, value) => {
      if (value && typeof value === 'object' && 'tarBytes' in value && 'gzipBytes' in value && 'createdBy' in value) {
        const layer = { ...value };
        if (layer.whiteouts) layer.whiteouts = layer.whiteouts.slice(0, 10);
        if (layer.largest) layer.largest = layer.base ? undefined : layer.largest.slice(0, 3).map((f) => (Array.isArray(f) ? f : [f.path, f.bytes]));
        layers.push(JSON.stringify(layer));
        return `\u0000layer${layers.length - 1}`;
      }
      return value;
    },
    1,
  );
  return `${text.replace(/"\\u0000layer(\d+)"/g, (_, i) => layers[Number(i)])}\n`;
}

function readRecord() {
  return existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : null;
}

function printRecorded(record) {
  if (!record) {
    console.log('No recorded figures yet (tests/fixtures/calibration/real-builds.json is missing).');
    return;
  }
  for (const c of record.cases) printCase(c);
  printSummary(record);
}

async function main() {
  const t0 = performance.now();
  let record = readRecord();
  const version = flag('--recorded') ? null : buildahVersion();

  if (flag('--recorded')) {
    console.log('Recorded figures (--recorded: nothing is built).');
  } else if (!version || !existsSync(realBuild)) {
    console.log(`buildah not found: run ${TOOL_LABEL}/real-build setup as root; using the recorded figures`);
  } else if (missingBases().length) {
    console.log(`local base images missing (${missingBases().join(', ')}): run ${TOOL_LABEL}/real-build setup as root; using the recorded figures`);
  } else {
    const names = listCases().filter((n) => !only || only.includes(n));
    const unknown = (only ?? []).filter((n) => !listCases().includes(n));
    if (unknown.length) throw new Error(`unknown case(s): ${unknown.join(', ')}`);
    const date = new Date().toISOString().slice(0, 10);
    const meta = { date, buildah: version };
    console.log(`Building ${names.length} case(s) with ${TOOL_LABEL} (buildah ${version}) ...`);
    const bases = {};
    for (const ref of ['debian:bookworm-slim', 'debian:bookworm']) bases[ref] = measureBase(ref);
    const previous = new Map((record?.cases ?? []).map((c) => [c.name, c]));
    let failed = 0;
    for (const name of names) {
      process.stdout.write(`  ${name} ... `);
      try {
        const c = measureCase(name, bases, meta);
        previous.set(name, c);
        console.log(`${c.buildSeconds}s, ${MB(c.totalTarBytes)} MB tar, adds ${MB(c.addedTarBytes)} MB`);
      } catch (error) {
        failed++;
        console.log(`FAILED\n${error.message}`);
      }
    }
    const cases = listCases().filter((n) => previous.has(n)).map((n) => previous.get(n));
    const dates = [...new Set(cases.map((c) => c.date))].sort();
    record = {
      source: `measured with ${TOOL_LABEL} on ${dates.join(', ')}`,
      how: 'buildah bud --isolation chroot --layers --pull=never (real-build build DIR) on local debian:bookworm(-slim) bases made by real-build setup with debootstrap, configured like the official images; tarBytes = uncompressed layer tar (what docker image inspect sums), gzipBytes = the compressed blob (the pull size). Cases under tests/fixtures/calibration/<name>/; big context files are generated by scripts/calibrate.mjs from context.json. A case measured on an earlier run keeps its own date.',
      notes: [
        'buildah records WORKDIR, ENV, USER, CMD as empty layers (BuildKit makes a small layer for a WORKDIR it has to create); the new directory shows up in the next layer instead.',
        'The first RUN layer of each image built by buildah (chroot isolation) carries the empty etc/hosts mount point it created (plus the etc/ directory entry): about 1.5 KB of tar headers and 1 file that BuildKit, which removes its mount stubs, does not add.',
        'The local bases are not byte-identical to the official images (see bases): compare what a Dockerfile adds (addedTarBytes), and the base separately.',
        'npmrc-mount (buildNotes): on machines behind a TLS-intercepting proxy (NODE_EXTRA_CA_CERTS set), cases that run npm get the host CA bundle inline in an npmrc that buildah bind-mounts read-only at /root/.npmrc; the Dockerfile is unchanged, but the first RUN layer (the apt one) carries the empty root/.npmrc mount point: 1 file, about 1 KB of tar headers.',
        'largest: the three largest regular files of a layer as [path, bytes] (not kept for base layers); whiteouts: the first ten whiteout entries (whiteoutCount has them all).',
        'tarBytes = a 512-byte header per entry (every parent directory of a changed path is an entry too) + file data padded to 512 bytes + a 1024-byte end-of-archive trailer; no record padding.',
      ],
      date,
      buildah: version,
      arch: process.arch,
      bases,
      cases,
    };
    writeFileSync(recordPath, serialize(record));
    console.log(`Wrote ${relative(root, recordPath)} (${cases.length} cases)${failed ? `; ${failed} case(s) FAILED and kept their previous figures` : ''}.`);
    if (failed) process.exitCode = 1;
  }

  const shown = record && only ? { ...record, cases: record.cases.filter((c) => only.includes(c.name)) } : record;
  printRecorded(shown);
  if (flag('--compare') && shown) await compareAll(shown);
  console.log(`\ncalibrate: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
