// `npm run lint-corpus`: lint the 195 real Dockerfiles in ../shared and print findings per rule,
// to read for false positives. `--rule ID` prints that rule's findings with their source lines;
// `--sample N` prints N findings picked evenly across rules.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus/real-dockerfiles');
if (!existsSync(corpus)) {
  console.log('lint-corpus: ../shared/corpus/real-dockerfiles not found; nothing to do');
  process.exit(0);
}
const { values } = parseArgs({ options: { rule: { type: 'string' }, sample: { type: 'string' } } });

const outDir = join(root, 'node_modules/.cache/layerwise-bench');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'rules.mjs');
await build({ entryPoints: [join(root, 'src/engine/rules/index.ts')], outfile, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
const { allRules, lintDockerfile } = await import(pathToFileURL(outfile).href);

const offByDefault = Object.fromEntries(allRules.filter((r) => r.defaultOff).map((r) => [r.id, 'on']));
const files = readdirSync(corpus).filter((f) => f.endsWith('.Dockerfile')).sort();
const perRule = new Map(allRules.map((r) => [r.id, []]));
let crashes = 0;
for (const name of files) {
  const source = readFileSync(join(corpus, name), 'utf8');
  const lines = source.split(/\r?\n/);
  // Rules that are off by default are turned on, so that their findings can be read too.
  const result = lintDockerfile(source, { rules: allRules, config: { rules: offByDefault } });
  for (const c of result.crashed) {
    crashes++;
    console.log(`CRASH ${c.rule} on ${name}: ${c.message}`);
  }
  for (const f of result.findings) perRule.get(f.rule).push({ name, f, text: lines[f.range.start.line - 1]?.trim() ?? '' });
}

const rows = [...perRule.entries()].sort((a, b) => b[1].length - a[1].length);
const total = (on) => rows.filter(([id]) => !!allRules.find((r) => r.id === id).defaultOff !== on).reduce((n, [, v]) => n + v.length, 0);
console.log(`\n${files.length} Dockerfiles, ${allRules.length} rules, ${total(true)} findings (+ ${total(false)} from rules off by default), ${crashes} crashes\n`);
console.log('findings  files  severity  rule (aliases)');
for (const [id, found] of rows) {
  const rule = allRules.find((r) => r.id === id);
  const aliases = [...(rule.aliases.hadolint ?? []), ...(rule.aliases.buildkit ? [rule.aliases.buildkit] : [])].join(', ');
  const nfiles = new Set(found.map((x) => x.name)).size;
  console.log(`${String(found.length).padStart(8)}  ${String(nfiles).padStart(5)}  ${rule.severity.padEnd(8)}  ${id}${aliases ? ` (${aliases})` : ''}${rule.defaultOff ? ' [off by default]' : ''}`);
}

const show = (x) => console.log(`${x.name}:${x.f.range.start.line}:${x.f.range.start.column} ${x.f.severity} ${x.f.rule} ${x.f.message}\n    ${x.text.slice(0, 160)}`);
if (values.rule) {
  console.log(`\nFindings of ${values.rule}:`);
  for (const x of perRule.get(values.rule) ?? []) show(x);
}
if (values.sample) {
  const n = Number(values.sample);
  const all = rows.flatMap(([, v]) => v);
  console.log(`\nSample of ${n} findings:`);
  // Round-robin over rules so every rule with findings is represented.
  const queues = rows.map(([, v]) => [...v]).filter((q) => q.length);
  const picked = [];
  for (let i = 0; picked.length < Math.min(n, all.length); i++) {
    const q = queues[i % queues.length];
    if (q.length) picked.push(q.splice(Math.floor(q.length / 2), 1)[0]);
  }
  picked.forEach(show);
}
process.exitCode = crashes > 0 ? 1 : 0;
