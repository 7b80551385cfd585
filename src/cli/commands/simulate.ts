import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDockerfile } from '../../engine/parse/index.ts';
import {
  cacheReport,
  runtimeCheck,
  simulateImage,
  type CacheReport,
  type ContextFile,
  type EditScenario,
  type NodeProjectData,
  type SimulatedImage,
} from '../../engine/simulate/index.ts';
import { decodeUtf8, EXIT_INPUT, EXIT_OK, UsageError, type CliIO } from '../io.ts';

export const simulateHelp = `Usage: layerwise simulate DOCKERFILE [options]

Predict the image \`docker build\` would produce: every layer and its size, the
total, wasted bytes, what a rebuild after an edit runs again, and whether the
final stage still has what its CMD needs.

Options:
  --context DIR        the build context (default: none; COPY sources are then
                       unknown and reported)
  --target STAGE       build this stage (name or index) instead of the last
  --edit PATH          a context path you changed: report the build cache
  --build-arg NAME=V   a build argument (repeatable); with --edit-arg NAME,
                       report the cache after that argument changes
  --edit-arg NAME      a build argument you changed
  --edit-base          the base images were updated
  --format text|json   text (default): a docker history table and reports
  -h, --help           show this help

Sizes are uncompressed tar bytes, as \`docker image inspect\` counts them; the
compressed (pull) size is an estimate. Anything the simulator cannot model is
listed under Notes, never guessed silently.
Exit status: 0 the image builds and runs, 1 the Dockerfile has errors or the
final stage would not run, 2 wrong usage.
`;

export interface SimContext {
  files: ContextFile[];
  nodeProjects: NodeProjectData[];
}

export type SimContextLoader = (dir: string, dockerfile: string) => Promise<SimContext>;

function human(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** The `simulate --format json` contract, documented in the README. */
export function simulationJson(image: SimulatedImage, cache: CacheReport | null) {
  const runtime = runtimeCheck(image);
  return {
    image: {
      sizeBytes: image.totals.sizeBytes,
      compressedBytes: image.totals.compressedBytes,
      wastedBytes: image.totals.wastedBytes,
      efficiency: Math.round(image.totals.efficiency * 10000) / 10000,
      stage: image.target,
    },
    layers: image.layers.map((l) => ({
      instruction: l.createdBy,
      line: l.line,
      stage: l.stage,
      sizeBytes: l.sizeBytes,
      compressedBytes: l.compressedBytes,
      hiddenBytes: l.hiddenBytes,
      base: l.base,
      top: l.top,
    })),
    cache: cache
      ? { scenario: cache.scenario, rebuildSeconds: cache.rebuildSeconds, coldSeconds: cache.coldSeconds, steps: cache.steps }
      : [],
    runtime,
    notes: image.notes.map((n) => ({ kind: n.kind, message: n.message, line: n.range?.start.line ?? null })),
  };
}

function textReport(file: string, image: SimulatedImage, cache: CacheReport | null): string {
  const rows: string[][] = [['LINE', 'SIZE', 'CREATED BY']];
  for (const l of [...image.layers].reverse()) {
    rows.push([l.line === null ? '-' : String(l.line), human(l.sizeBytes), l.createdBy.slice(0, 90)]);
  }
  const width = [0, 1].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  let out = `${file}: ${image.layers.length} layers (stage ${image.stages[image.target]?.name ?? image.target})\n\n`;
  for (const r of rows) out += `${r[0]!.padStart(width[0]!)}  ${r[1]!.padStart(width[1]!)}  ${r[2]}\n`;
  const t = image.totals;
  out += `\nImage size   ${human(t.sizeBytes)} (about ${human(t.compressedBytes)} to pull)\n`;
  out += `Wasted       ${human(t.wastedBytes)}, efficiency ${(t.efficiency * 100).toFixed(1)}% (as dive measures them)\n`;
  const hidden = image.layers.filter((l) => l.hiddenBytes > 0);
  for (const l of hidden) out += `  line ${l.line}: ${human(l.hiddenBytes)} shipped but deleted or replaced by a later layer\n`;
  if (cache) {
    out += `\nRebuild after ${describeScenario(cache)}: ${cache.rebuildSeconds} s of ${cache.coldSeconds} s (estimated)\n`;
    for (const s of cache.steps) out += `  ${s.hit ? 'cached' : 'RUNS  '}  line ${s.line}: ${s.instruction.slice(0, 60)}${s.hit ? '' : ` (${s.reason})`}\n`;
  }
  const runtime = runtimeCheck(image);
  out += `\nRuns: ${runtime.ok ? 'yes' : 'no'}${runtime.command.length ? ` (${runtime.command.join(' ')})` : ''}\n`;
  for (const p of runtime.problems) out += `  ${p.severity}${p.line ? ` line ${p.line}` : ''}: ${p.message}\n`;
  if (image.notes.length) {
    out += '\nNotes\n';
    for (const n of image.notes) out += `  ${n.range ? `line ${n.range.start.line}: ` : ''}${n.message}\n`;
  }
  return out;
}

function describeScenario(cache: CacheReport): string {
  const s = cache.scenario;
  return s.kind === 'file' ? `editing ${s.path}` : s.kind === 'build-arg' ? `changing build arg ${s.name}` : 'a base image update';
}

export function makeSimulateCommand(loadContext: SimContextLoader) {
  return async function simulateCommand(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        context: { type: 'string' },
        target: { type: 'string' },
        edit: { type: 'string' },
        'edit-arg': { type: 'string' },
        'edit-base': { type: 'boolean', default: false },
        'build-arg': { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(simulateHelp);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('simulate takes exactly one DOCKERFILE');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown --format ${JSON.stringify(values.format)} (expected text or json)`);
    // Object.fromEntries defines every name as its own key (`__proto__` included).
    const buildArgs: Record<string, string> = Object.fromEntries(
      (values['build-arg'] ?? []).map((pair) => {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new UsageError(`--build-arg expects NAME=VALUE, got ${JSON.stringify(pair)}`);
        return [pair.slice(0, eq), pair.slice(eq + 1)];
      }),
    );
    const file = positionals[0]!;
    const path = resolve(io.cwd, file);
    const source = decodeUtf8(await io.readFile(path));
    const parsed = parseDockerfile(source);
    if (parsed.errors.length > 0) {
      for (const e of parsed.errors) io.stderr(`${file}:${e.range.start.line}:${e.range.start.column}: ${e.message}\n`);
      return EXIT_INPUT;
    }
    const context = values.context !== undefined ? await loadContext(resolve(io.cwd, values.context), path) : { files: [], nodeProjects: [] };
    const input = { context: context.files, nodeProjects: context.nodeProjects, buildArgs, ...(values.target ? { target: values.target } : {}) };
    const image = simulateImage(source, { ...input, parsed });
    const scenario: EditScenario | null = values.edit
      ? { kind: 'file', path: values.edit.replace(/^\.\//, '') }
      : values['edit-arg']
        ? { kind: 'build-arg', name: values['edit-arg'] }
        : values['edit-base']
          ? { kind: 'base-image' }
          : null;
    const cache = scenario ? cacheReport(image, scenario, input) : null;
    if (values.format === 'json') io.stdout(JSON.stringify(simulationJson(image, cache), null, 2) + '\n');
    else io.stdout(textReport(file, image, cache));
    return runtimeCheck(image).ok ? EXIT_OK : EXIT_INPUT;
  };
}
