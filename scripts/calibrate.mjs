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
//   node scripts/calibrate.mjs --measure-node   first install each npm case's lockfile on this machine and
//                                               record its node_modules (node-projects.json, see measureNode)
//
// `npm run calibrate -- --recorded --compare` needs neither buildah nor the network; the same
// comparison is the committed test tests/engine/simulate/calibration.test.ts (target: every total
// within 10%). A case whose mechanism cannot be modelled carries an `excluded.md` saying why.
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
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  casesDir,
  caseExclusion,
  caseNodeProjects,
  compareWithSimulator,
  listCases,
  NODE_PROJECTS_FILE,
  prepare,
  readRecord,
  recordPath,
  root,
  summaryRows,
  walk,
} from './calibration/cases.mjs';

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

/** Files and bytes of a prepared case directory (the Dockerfile is sent separately). */
function contextStats(dir) {
  const files = walk(dir).filter((p) => p !== 'Dockerfile');
  return { files: files.length, bytes: files.reduce((n, p) => n + statSync(join(dir, p)).size, 0) };
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
    const context = contextStats(dir);
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
      context: { files: context.files, bytes: context.bytes, generated: spec ? 'context.json' : undefined },
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

const pct = (sim, real) => (sim === null || real === null ? '' : real === 0 ? (sim === 0 ? '0%' : 'n/a') : `${sim >= real ? '+' : ''}${(((sim - real) / real) * 100).toFixed(1)}%`);

/**
 * The simulator and the CLI's context reader, bundled with esbuild (this script runs on plain
 * Node): the comparison reads each prepared case exactly as `layerwise simulate --context` does.
 */
async function loadSimulator() {
  const { build } = await import('esbuild');
  const outDir = join(root, 'node_modules/.cache/layerwise-calibrate');
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { simulateImage } from ${JSON.stringify(join(root, 'src/engine/simulate/index.ts'))};`,
      `export { simulationContext } from ${JSON.stringify(join(root, 'src/node/cli-contexts.ts'))};`,
      `export { measureNodeProjects } from ${JSON.stringify(join(root, 'src/node/node-projects.ts'))};`,
    ].join('\n'),
  );
  const outfile = join(outDir, 'simulate.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'error' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** What the simulator gets for a prepared case: the context as the CLI reads it, plus the measured Node projects. */
async function simulationInput(sim, name, dir) {
  const { files, nodeProjects } = await sim.simulationContext(dir, join(dir, 'Dockerfile'));
  return { context: files, nodeProjects: [...nodeProjects, ...caseNodeProjects(name)] };
}

async function compareAll(record) {
  const sim = await loadSimulator();
  console.log('\nReal (buildah) vs simulated, MB = 10^6 bytes; % = (simulated - real) / real');
  const summary = [['case', 'real total tar', 'sim', 'diff', 'real added tar', 'sim', 'diff', 'real added gzip', 'sim', 'diff', 'note']];
  for (const c of record.cases) {
    const dir = existsSync(join(casesDir, c.name)) ? prepare(c.name) : null;
    let rows;
    try {
      rows = compareWithSimulator(c, sim.simulateImage, dir ? await simulationInput(sim, c.name, dir) : {});
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
    const { added, total } = summaryRows(rows);
    const excluded = caseExclusion(c.name);
    summary.push([
      c.name,
      MB(total.realTar),
      MB(total.simTar),
      pct(total.simTar, total.realTar),
      MB(added.realTar),
      MB(added.simTar),
      pct(added.simTar, added.realTar),
      MB(added.realGzip),
      MB(added.simGzip),
      pct(added.simGzip, added.realGzip),
      excluded ? 'excluded (see its excluded.md)' : '',
    ]);
  }
  console.log('\nReal vs simulated: the whole image, and what each Dockerfile adds on top of its base');
  table(summary);
}

/**
 * `--measure-node`: for each case with a package-lock.json, install it on this machine
 * (`npm ci --ignore-scripts` into a scratch directory, no build involved) and measure the
 * node_modules with src/node/node-projects.ts, exactly as `layerwise simulate --context` does
 * for a project with node_modules installed; writes the case's node-projects.json.
 */
async function measureNode(names) {
  const sim = await loadSimulator();
  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  for (const name of names) {
    const lock = join(casesDir, name, 'package-lock.json');
    if (!existsSync(lock)) continue;
    const dir = mkdtempSync(join(tmpdir(), `calibrate-node-${name}-`));
    try {
      for (const f of ['package.json', 'package-lock.json']) cpSync(join(casesDir, name, f), join(dir, f));
      const r = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(dir, '.npm-cache')], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npm ci failed for ${name}:\n${r.stderr}`);
      rmSync(join(dir, '.npm-cache'), { recursive: true, force: true });
      const projects = await sim.measureNodeProjects(dir, ['package.json']);
      const date = new Date().toISOString().slice(0, 10);
      const out = {
        source: `measured on ${date}: npm ci --ignore-scripts of this case's package-lock.json (npm ${npmVersion}, Node ${process.versions.node}), node_modules measured with src/node/node-projects.ts as layerwise simulate --context does; written by npm run calibrate -- --measure-node`,
        projects: projects.map((p) => ({ ...p, source: `${p.source}; npm ci of tests/fixtures/calibration/${name}/package-lock.json on ${date}` })),
      };
      writeFileSync(join(casesDir, name, NODE_PROJECTS_FILE), `${JSON.stringify(out, null, 1)}\n`);
      console.log(`  ${name}: node_modules ${MB(projects[0].allBytes)} MB all, ${MB(projects[0].prodBytes)} MB production`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
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
  if (flag('--measure-node')) {
    console.log('Measuring the node_modules of the npm cases (npm ci on this machine) ...');
    await measureNode(listCases().filter((n) => !only || only.includes(n)));
  }
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
