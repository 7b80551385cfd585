import { parseDockerfile } from '../parse/index.ts';
import type { CopyInstruction, Instruction, ParseResult, RunInstruction } from '../parse/types.ts';
import { argvCommand, commandScope, parseShellScript, runScript } from '../script/index.ts';
import type { ShellCommand } from '../script/types.ts';
import { resolveStages } from '../stages/index.ts';
import type { Stage, Step } from '../stages/types.ts';
import { lookupBaseImage } from './catalog/base-images.ts';
import { apt } from './commands/apt.ts';
import { files } from './commands/files.ts';
import { apk, compilers, downloads, pip } from './commands/misc.ts';
import { node } from './commands/node.ts';
import { turbo } from './commands/turbo.ts';
import type { CommandHandler, RunState } from './commands/types.ts';
import { users } from './commands/users.ts';
import { efficiency } from './efficiency.ts';
import { cleanPath, isUnder, LayerWriter, layerTarBytes, SimFs, TAR_HEADER, TAR_TRAILER } from './fs.ts';
import type { ContextFile, SimulationInput } from './input.ts';
import { gzipEstimate } from './compression.ts';
import type { FileTag, LayerChange, SimFile, SimLayer, SimNote, SimStage, SimulatedImage } from './types.ts';
import { matchContext } from './context-match.ts';
import { systemUsers } from './system-users.ts';

const HANDLERS: readonly CommandHandler[] = [apt, apk, turbo, node, pip, compilers, downloads, users, files];

/** Directories every Linux base image has: WORKDIR to them creates nothing. */
const STANDARD_DIRS = new Set(['/', '/tmp', '/usr', '/usr/local', '/usr/local/bin', '/usr/src', '/root', '/home', '/etc', '/opt', '/var', '/srv', '/bin', '/lib']);

interface StageState {
  sim: SimStage;
  fs: SimFs;
  debs: Set<string>;
  notes: SimNote[];
}

function createdBy(instruction: Instruction): string {
  const text = instruction.original.replace(/\s+/g, ' ').trim();
  return instruction.keyword === 'RUN' ? `RUN /bin/sh -c ${text.slice(text.indexOf(' ') + 1)}` : text;
}

function emptyLayer(stage: number, index: number, instruction: Instruction): SimLayer {
  return {
    index,
    stage,
    instruction,
    line: instruction.range.start.line,
    createdBy: createdBy(instruction),
    base: false,
    empty: true,
    changes: [],
    sizeBytes: 0,
    compressedBytes: 0,
    hiddenBytes: 0,
    top: [],
    notes: [],
  };
}

function finishLayer(stage: number, index: number, instruction: Instruction, changes: LayerChange[], notes: SimNote[]): SimLayer {
  const sizeBytes = layerTarBytes(changes);
  const adds = changes.filter((c): c is Extract<LayerChange, { kind: 'add' }> => c.kind === 'add');
  return {
    index,
    stage,
    instruction,
    line: instruction.range.start.line,
    createdBy: createdBy(instruction),
    base: false,
    empty: changes.length === 0 && sizeBytes === 0,
    changes,
    sizeBytes,
    compressedBytes: gzipEstimate(changes, sizeBytes),
    hiddenBytes: 0,
    top: adds
      .map((c) => ({ path: c.file.path, bytes: c.file.bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5),
    notes,
  };
}

function contextTags(path: string): FileTag[] {
  const tags: FileTag[] = ['context'];
  if (path.endsWith('.map')) tags.push('source-map');
  if (/(^|\/)node_modules(\/|$)/.test(path)) tags.push('node-modules');
  return tags;
}

/** The files a COPY/ADD source brings: from the context, or from another stage. */
function copySources(
  instruction: CopyInstruction,
  sources: string[],
  from: StageState | null,
  fromImage: string | null,
  input: SimulationInput,
  note: (n: SimNote) => void,
): { rel: string; file: Omit<SimFile, 'path'>; isDirSource: boolean; source: string }[] {
  const out: { rel: string; file: Omit<SimFile, 'path'>; isDirSource: boolean; source: string }[] = [];
  if (fromImage !== null) {
    note({ kind: 'estimate', message: `COPY --from=${fromImage}: the files of another image are not modelled; size not counted`, range: instruction.range });
    return out;
  }
  for (const source of sources) {
    if (/^https?:\/\//.test(source)) {
      out.push({ rel: source.slice(source.lastIndexOf('/') + 1) || 'download', file: { bytes: 10_000_000, files: 1, tags: ['download'] }, isDirSource: false, source });
      note({ kind: 'estimate', message: `ADD ${source}: remote file size unknown, estimated at 10 MB`, range: instruction.range });
      continue;
    }
    if (from) {
      const path = cleanPath(source);
      const found = from.fs.under(path);
      if (found.length === 0) {
        note({ kind: 'estimate', message: `COPY --from=${from.sim.name ?? from.sim.index} ${source}: comes from the base image of that stage; size not modelled`, range: instruction.range });
        continue;
      }
      const single = found.length === 1 && found[0]!.path === path && !found[0]!.tree;
      for (const f of found) {
        // A modelled tree named by the source itself (`COPY --from=build /app/dist ./dist`, where
        // /app/dist stands for the build output) is the directory: its contents land at the destination.
        const rel = f.path === path ? (f.tree ? '.' : path.slice(path.lastIndexOf('/') + 1)) : f.path.slice(path === '/' ? 1 : path.length + 1);
        out.push({ rel, file: { ...f, tags: [...f.tags] }, isDirSource: !single, source });
      }
      continue;
    }
    const matched = matchContext(source, input.context ?? []);
    if (matched.files.length === 0) {
      // With a context given, a literal source that is not in it (or that .dockerignore excluded) stops BuildKit.
      const fails = (input.context?.length ?? 0) > 0 && !/[*?[]/.test(source);
      note({
        kind: fails ? 'build-error' : 'info',
        message: fails
          ? `COPY ${source}: not in the build context (or excluded by .dockerignore): the build fails with "not found"`
          : `COPY ${source}: no such file in the build context (the build fails, or the context was not given)`,
        range: instruction.range,
      });
    }
    for (const { file, rel, isDir } of matched.files) {
      const unpacked = instruction.keyword === 'ADD' ? unpackArchive(file, note, instruction) : null;
      if (unpacked) {
        out.push({ rel: unpacked.rel, file: unpacked.file, isDirSource: true, source });
        continue;
      }
      const measured = file.gzipRatio !== undefined ? { gzipRatio: file.gzipRatio } : {};
      // An entry standing for a directory tree (`files` set) is tarred as a tree: a header per file.
      const tree = file.files !== undefined;
      out.push({ rel, file: { bytes: file.bytes, files: file.files ?? 1, tags: contextTags(file.path), from: file.path, ...measured, ...(tree ? { tree } : {}) }, isDirSource: isDir, source });
    }
  }
  return out;
}

/** Local archives `ADD` unpacks (BuildKit detects them by content; the name is what the browser has). */
const ARCHIVE_NAME = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
/**
 * Unpacked / packed bytes assumed for a compressed archive nobody read: gzip -6 leaves about a
 * third of typical application files (text 0.3, binaries 0.4-0.5, see compression.ts).
 */
const UNPACK_ESTIMATE = 3;

/**
 * What `ADD local-archive dest/` writes: the archive's entries, not the archive, modelled as one
 * tree (its top directory, or `.layerwise-unpacked/<name>` when it has several). With a listing
 * (the CLI read the headers) the exact tar bytes; otherwise an estimate from the packed size.
 */
function unpackArchive(
  file: ContextFile,
  note: (n: SimNote) => void,
  instruction: CopyInstruction,
): { rel: string; file: Omit<SimFile, 'path'> } | null {
  if (!file.archive && !ARCHIVE_NAME.test(file.path)) return null;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const compressed = !/\.tar$/i.test(name);
  if (file.archive) {
    const a = file.archive;
    // The archive itself is its entries gzipped: its own ratio is the layer's.
    const ratio = compressed && /\.(tar\.gz|tgz)$/i.test(name) ? Math.min(1, file.bytes / Math.max(1, a.tarBytes)) : undefined;
    return {
      rel: a.root ?? `.layerwise-unpacked/${name}`,
      file: { bytes: a.dataBytes, files: a.files, tarBytes: a.tarBytes, tree: true, tags: ['context'], from: file.path, ...(ratio !== undefined ? { gzipRatio: ratio } : {}) },
    };
  }
  const tar = compressed ? file.bytes * UNPACK_ESTIMATE : file.bytes;
  note({
    kind: 'estimate',
    message: `ADD ${file.path}: the archive is unpacked; its contents were not read, estimated at ${compressed ? `${UNPACK_ESTIMATE}× its packed size` : 'its own size'}`,
    range: instruction.range,
  });
  return {
    rel: `.layerwise-unpacked/${name}`,
    file: { bytes: tar, files: Math.max(1, Math.round(tar / 50_000)), tarBytes: Math.round(tar), tree: true, tags: ['context'], from: file.path, ...(compressed ? { gzipRatio: 1 / UNPACK_ESTIMATE } : {}) },
  };
}

function ownerOf(instruction: CopyInstruction, expanded: Step['expansions']): string | undefined {
  return expanded.find((e) => e.field === 'chown')?.value || undefined;
}

export interface SimulateOptions extends SimulationInput {
  /** Reuse an existing parse. */
  parsed?: ParseResult;
}

/** Simulates `docker build`: every stage, every layer, the final image and its totals. */
export function simulateImage(source: string, options: SimulateOptions = {}): SimulatedImage {
  const parsed = options.parsed ?? parseDockerfile(source);
  const resolved = resolveStages(parsed, {
    ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}),
    baseImageEnv: (image) => lookupBaseImage(image)?.env,
  });
  const notes: SimNote[] = [];
  const states: (StageState | undefined)[] = [];

  const byName = (name: string): number | null => {
    const lower = name.toLowerCase();
    const named = resolved.stages.find((s) => s.name === lower);
    if (named) return named.index;
    if (/^\d+$/.test(name) && Number(name) < resolved.stages.length) return Number(name);
    return null;
  };

  // Stages being built: BuildKit refuses a circular dependency between stages; here the stage
  // that closes the cycle is treated as not found rather than recursing forever.
  const building = new Set<number>();
  const build = (stage: Stage): StageState => {
    const existing = states[stage.index];
    if (existing) return existing;
    building.add(stage.index);
    const state = buildStage(stage);
    building.delete(stage.index);
    states[stage.index] = state;
    return state;
  };

  const buildStage = (stage: Stage): StageState => {
    const stageNotes: SimNote[] = [];
    let sim: SimStage;
    let fs: SimFs;
    let debs: Set<string>;
    if (stage.baseStage !== null && stage.baseStage !== stage.index && !building.has(stage.baseStage)) {
      const parent = build(resolved.stages[stage.baseStage]!);
      fs = parent.fs.clone();
      debs = new Set(parent.debs);
      sim = {
        ...parent.sim,
        index: stage.index,
        name: stage.name,
        baseStage: stage.baseStage,
        layers: parent.sim.layers.map((l) => ({ ...l })),
        files: fs.files,
        env: new Map(parent.sim.env),
        users: new Set(parent.sim.users),
        tools: new Set(parent.sim.tools),
        shell: [...parent.sim.shell],
      };
    } else {
      const image = stage.base.value;
      const base = lookupBaseImage(image);
      fs = new SimFs();
      debs = new Set();
      if (!base) {
        stageNotes.push({ kind: 'unknown-image', message: `unknown image ${image}: its size is not in the catalog and is not counted`, range: stage.base.range });
      } else if (base.estimate) {
        stageNotes.push({ kind: 'estimate', message: `${image}: ${base.estimate}`, range: stage.base.range });
      }
      const baseLayers: SimLayer[] = (base?.layers ?? []).map((bytes, i) => ({
        index: i,
        stage: stage.index,
        instruction: null,
        line: null,
        createdBy: `${base!.ref} layer ${i + 1}/${base!.layers.length}`,
        base: true,
        empty: bytes === 0,
        changes: [{ kind: 'add', file: { path: `<${base!.ref} layer ${i + 1}>`, bytes, files: 0, tags: ['base'], tree: true } }],
        sizeBytes: bytes,
        compressedBytes: Math.round((base!.compressedBytes * bytes) / Math.max(1, base!.sizeBytes)),
        hiddenBytes: 0,
        top: [],
        notes: [],
      }));
      sim = {
        index: stage.index,
        name: stage.name,
        base,
        baseStage: null,
        layers: baseLayers,
        files: fs.files,
        env: new Map(Object.entries(base?.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' })),
        user: base?.user ?? 'root',
        workdir: '/',
        users: new Set(['root', ...systemUsers(base), ...(base?.user && base.user !== 'root' ? [base.user] : []), ...(image.startsWith('node:') ? ['node'] : [])]),
        cmd: null,
        entrypoint: null,
        healthcheck: null,
        shell: ['/bin/sh', '-c'],
        tools: new Set(base?.tools ?? []),
      };
    }
    const st: StageState = { sim, fs, debs, notes: stageNotes };

    for (const step of stage.steps) {
      const instruction = step.instruction;
      const index = sim.layers.length;
      const layerNotes: SimNote[] = [];
      const note = (n: SimNote) => {
        // One note per message and line is enough, however many commands raise it.
        if (!layerNotes.some((m) => m.message === n.message)) layerNotes.push(n);
      };
      switch (instruction.keyword) {
        case 'ENV':
          for (const [k, v] of stage.steps[stage.steps.indexOf(step) + 1]?.env ?? stage.env) sim.env.set(k, v);
          sim.layers.push(emptyLayer(stage.index, index, instruction));
          break;
        case 'USER': {
          const user = step.expansions.find((e) => e.field === 'user')?.value ?? instruction.value;
          sim.user = user;
          sim.layers.push(emptyLayer(stage.index, index, instruction));
          break;
        }
        case 'WORKDIR': {
          const dir = cleanPath(step.expansions.find((e) => e.field === 'workdir')?.value ?? instruction.value, sim.workdir);
          sim.workdir = dir;
          if (STANDARD_DIRS.has(dir) || fs.exists(dir)) {
            sim.layers.push(emptyLayer(stage.index, index, instruction));
          } else {
            // BuildKit creates a missing WORKDIR in its own small layer.
            const writer = new LayerWriter(fs);
            writer.add({ path: dir, bytes: 0, files: 0, tags: ['generated'] });
            sim.layers.push(finishLayer(stage.index, index, instruction, writer.changes(), layerNotes));
          }
          break;
        }
        case 'COPY':
        case 'ADD': {
          const sources = step.expansions.filter((e) => e.field === 'source').map((e) => e.value);
          const destRaw = step.expansions.find((e) => e.field === 'destination')?.value ?? instruction.destination?.value ?? '.';
          const fromName = step.expansions.find((e) => e.field === 'from')?.value ?? instruction.from;
          let from: StageState | null = null;
          let fromImage: string | null = null;
          if (fromName) {
            const idx = byName(fromName);
            if (idx !== null && idx !== stage.index && !building.has(idx)) from = build(resolved.stages[idx]!);
            else fromImage = fromName;
          }
          const writer = new LayerWriter(fs);
          const owner = ownerOf(instruction, step.expansions);
          const items = copySources(instruction, sources, from, fromImage, options, note);
          const dest = cleanPath(destRaw, sim.workdir);
          const destIsDir = destRaw.endsWith('/') || destRaw === '.' || items.length > 1 || items.some((i) => i.isDirSource) || sources.length > 1;
          for (const item of items) {
            const path = destIsDir ? cleanPath(item.rel, dest) : dest;
            writer.add({ ...item.file, path, ...(owner ? { owner } : {}) });
          }
          for (const doc of instruction.sourceContents) {
            writer.add({ path: destIsDir || instruction.sourceContents.length > 1 ? cleanPath(doc.path, dest) : dest, bytes: doc.data.length, files: 1, tags: ['generated'] });
          }
          sim.layers.push(finishLayer(stage.index, index, instruction, writer.changes(), layerNotes));
          break;
        }
        case 'RUN':
          sim.layers.push(runStep(st, stage, step, instruction, index, options, note, layerNotes));
          break;
        case 'CMD':
        case 'ENTRYPOINT': {
          const value = { form: instruction.form, command: instruction.command, line: instruction.range.start.line };
          if (instruction.keyword === 'CMD') sim.cmd = value;
          else {
            sim.entrypoint = value;
            // Setting ENTRYPOINT resets a CMD inherited from the base image.
            sim.cmd = null;
          }
          sim.layers.push(emptyLayer(stage.index, index, instruction));
          break;
        }
        case 'HEALTHCHECK':
          sim.healthcheck = instruction.type === 'CMD' ? { command: instruction.command, form: instruction.form, line: instruction.range.start.line } : null;
          sim.layers.push(emptyLayer(stage.index, index, instruction));
          break;
        case 'SHELL':
          sim.shell = instruction.shell;
          sim.layers.push(emptyLayer(stage.index, index, instruction));
          break;
        default:
          sim.layers.push(emptyLayer(stage.index, index, instruction));
      }
      for (const n of layerNotes) stageNotes.push(n);
    }
    sim.env = new Map(stage.env);
    return st;
  };

  for (const stage of resolved.stages) build(stage);
  let target = resolved.stages.length - 1;
  if (options.target !== undefined) {
    const t = byName(options.target);
    if (t === null) notes.push({ kind: 'info', message: `no stage named ${options.target}: building the last stage` });
    else target = t;
  }
  const stages = states.filter((s): s is StageState => s !== undefined);
  for (const s of stages) markHidden(s.sim.layers);
  const final = states[target];
  const layers = final ? final.sim.layers.filter((l) => !l.empty) : [];
  for (const s of stages) for (const n of s.notes) notes.push(n);
  const sizeBytes = layers.reduce((n, l) => n + l.sizeBytes, 0);
  const compressedBytes = layers.reduce((n, l) => n + l.compressedBytes, 0);
  const dive = efficiency(layers);
  return {
    stages: stages.map((s) => s.sim),
    target,
    layers,
    totals: { sizeBytes, compressedBytes, wastedBytes: dive.wastedBytes, efficiency: dive.efficiency },
    notes,
  };
}

/** Bytes each layer adds that a later layer deletes or replaces. */
function markHidden(layers: SimLayer[]): void {
  const lastWriter = new Map<string, { layer: SimLayer; bytes: number }>();
  for (const layer of layers) {
    for (const change of layer.changes) {
      if (change.kind === 'add') {
        const prev = lastWriter.get(change.file.path);
        if (prev && prev.layer !== layer) prev.layer.hiddenBytes += prev.bytes;
        lastWriter.set(change.file.path, { layer, bytes: change.file.bytes });
      } else {
        for (const [path, prev] of lastWriter) {
          if (isUnder(path, change.path) && prev.layer !== layer) {
            prev.layer.hiddenBytes += prev.bytes;
            lastWriter.delete(path);
          }
        }
      }
    }
  }
}

function runScriptOf(instruction: RunInstruction): ShellCommand[] | null {
  if (instruction.form === 'exec') {
    return [argvCommand(instruction.command)];
  }
  return parseShellScript(runScript(instruction)?.text ?? '').commands;
}

function runStep(
  st: StageState,
  stage: Stage,
  step: Step,
  instruction: RunInstruction,
  index: number,
  input: SimulationInput,
  note: (n: SimNote) => void,
  layerNotes: SimNote[],
): SimLayer {
  const writer = new LayerWriter(st.fs);
  const cacheMounts = instruction.mounts
    .filter((m) => m.type === 'cache' || m.type === 'tmpfs')
    .map((m) => cleanPath(expandMountTarget(m.target ?? '', step), st.sim.workdir));
  const vars = new Map<string, string>([...step.args, ...st.sim.env]);
  const state: RunState = {
    stage: st.sim,
    fs: st.fs,
    layer: writer,
    base: st.sim.base,
    input,
    debs: st.debs,
    cacheMounts,
    vars,
    cwd: st.sim.workdir,
    note: (kind, message) => note({ kind, message, range: instruction.range }),
  };
  if (!st.sim.shell.length || (!st.sim.base?.shell && st.sim.baseStage === null && instruction.form === 'shell')) {
    if (st.sim.base && !st.sim.base.shell) {
      note({ kind: 'info', message: `RUN in shell form needs /bin/sh, which ${st.sim.base.ref} does not have: the build fails`, range: instruction.range });
    }
  }
  const commands = runScriptOf(instruction) ?? [];
  for (const command of commands) {
    state.vars = commandScope(command, vars);
    const handled = HANDLERS.some((h) => h(command, state));
    if (!handled && command.name !== '') {
      note({ kind: 'unknown-command', message: `unknown command ${command.name}: size not modelled`, range: instruction.range });
    }
  }
  // What the commands wrote into a cache or tmpfs mount stays out of the layer.
  for (const mount of cacheMounts) writer.discardUnder(mount);
  const changes = writer.changes();
  void stage;
  return finishLayer(st.sim.index, index, instruction, changes, layerNotes);
}

function expandMountTarget(target: string, step: Step): string {
  return target.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => step.env.get(name) ?? step.args.get(name) ?? '');
}

export { TAR_HEADER, TAR_TRAILER };
export type { ContextFile };
