import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { CopyInstruction } from '../../../parse/types.ts';
import type { Step } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import {
  basename,
  chainSteps,
  cleanPath,
  commandsOf,
  expandShellWord,
  expanded,
  isUnder,
  isPip,
  joinPath,
  lastOwnRunWith,
  nodeInstall,
  packageName,
  scopeAt,
  subcommand,
  systemPackagesInstalled,
  workdirs,
  type Cmd,
} from './support.ts';

/** Something an earlier instruction wrote. */
interface Produced {
  path: string;
  /** Anything below `path` may come from the same instruction (a copied directory, node_modules). */
  tree: boolean;
  line: number;
  by: 'RUN' | 'COPY' | 'ADD';
  /** For a directory copied from the build context: that directory, relative to the context root. */
  contextDir?: string;
  /** An empty directory (`mkdir`): removing it frees nothing. */
  empty?: boolean;
  /** Copied from the build context (not `--from` a stage or image). */
  fromContext?: boolean;
}

interface Package {
  name: string;
  line: number;
}

const APT_LISTS = '/var/lib/apt/lists';
const APT_CACHE = '/var/cache/apt';
const APK_CACHE = '/var/cache/apk';
const KNOWN_DIRS = new Set([APT_LISTS, APT_CACHE, APK_CACHE]);

/** Programs whose arguments can name what they write (besides redirections, which any command may have). */
const WRITERS = new Set(['apt-get', 'apt', 'apk', 'npm', 'yarn', 'yarnpkg', 'pnpm', 'wget', 'curl', 'mkdir', 'touch', 'git', 'cp', 'mv', 'unzip', 'tar']);
const NOTHING: readonly { path: string; tree: boolean; empty?: boolean }[] = [];

/** What one command writes, as far as a linter can tell. */
function writes(command: ShellCommand, scope: ReadonlyMap<string, string>, wd: string): readonly { path: string; tree: boolean; empty?: boolean }[] {
  const prog = programName(command);
  // Most commands write nothing a later layer could remove: answer before looking at their words.
  if (command.redirects.length === 0 && !WRITERS.has(prog) && !isPip(prog)) return NOTHING;
  const home = scope.get('HOME') ?? '/root';
  const out: { path: string; tree: boolean; empty?: boolean }[] = [];
  const path = (w: string | null | undefined, tree = false, empty = false) => {
    if (!w) return;
    const v = expandShellWord(w, scope);
    if (v === null || v === '' || v === '-' || /[*?[]/.test(v) || /^[a-z]+:\/\//.test(v)) return;
    out.push({ path: joinPath(wd, v), tree, ...(empty ? { empty } : {}) });
  };
  for (const r of command.redirects) if ((r.op.endsWith('>') || r.op.endsWith('>>')) && !r.op.includes('&')) path(r.target?.value);
  const verb = subcommand(command, ['o']);
  const installed = systemPackagesInstalled(command);
  if ((prog === 'apt-get' || prog === 'apt') && (verb === 'update' || installed)) out.push({ path: APT_LISTS, tree: true });
  if (installed?.manager === 'apt') out.push({ path: APT_CACHE, tree: true });
  if (prog === 'apk' && (verb === 'update' || (installed && !hasFlag(command, 'no-cache')))) out.push({ path: APK_CACHE, tree: true });
  const node = nodeInstall(command);
  if (node) {
    if (node.kind !== 'global') out.push({ path: joinPath(wd, 'node_modules'), tree: true });
    if (node.pm === 'npm') out.push({ path: `${home}/.npm`, tree: true });
    if (node.pm === 'yarn') out.push({ path: '/usr/local/share/.cache/yarn', tree: true }, { path: `${home}/.cache/yarn`, tree: true });
    if (node.pm === 'pnpm') out.push({ path: `${home}/.local/share/pnpm`, tree: true });
  }
  if (isPip(prog) && verb === 'install') out.push({ path: `${home}/.cache/pip`, tree: true });
  if (prog === 'wget') {
    path(flagValue(command, 'O', 'output-document'));
    path(flagValue(command, 'P', 'directory-prefix'), true);
  }
  if (prog === 'curl') path(flagValue(command, 'o', 'output'));
  if (prog === 'mkdir') for (const w of argsWithoutFlags(command, ['m', 'mode'])) path(w.value, true, true);
  if (prog === 'touch') for (const w of argsWithoutFlags(command)) path(w.value);
  if (prog === 'git' && verb === 'clone') {
    const args = argsWithoutFlags(command, ['b', 'branch', 'depth', 'c', 'config', 'o', 'origin']);
    const dir = args[2]?.value ?? (args[1] ? basename(args[1].value).replace(/\.git$/, '') : null);
    path(dir, true);
  }
  if ((prog === 'cp' || prog === 'mv') && command.args.length >= 2) {
    const args = argsWithoutFlags(command, ['t', 'target-directory']);
    path(flagValue(command, 't', 'target-directory') ?? args.at(-1)?.value, true);
  }
  if (prog === 'unzip') path(flagValue(command, 'd'), true);
  if (prog === 'tar' && command.args.some((a) => /^-?[a-zA-Z]*x/.test(a.value) || a.value === '--extract')) path(flagValue(command, 'C', 'directory'), true);
  return out;
}

/** What a COPY/ADD writes: its destination, and everything below it for a directory source. */
function copyWrites(ctx: RuleContext, copy: CopyInstruction, dest: string): { path: string; tree: boolean; contextDir?: string }[] {
  const out: { path: string; tree: boolean; contextDir?: string }[] = [];
  const dirDest = copy.destination?.value.endsWith('/') || copy.destination?.value === '.' || copy.sources.length > 1;
  for (const s of copy.sources) {
    const src = s.value.trim();
    if (src.includes('$') || /^[a-z]+:\/\//i.test(src)) continue;
    const glob = /[*?[]/.test(src);
    if (ctx.context && copy.from === null && !glob) {
      // With the context at hand, a directory source is one with files below it.
      const rel = cleanPath(src).replace(/^\.\/?/, '').replace(/^\//, '');
      const isDir = rel === '' || rel === '.' || ctx.context.files.some((f) => f.path.startsWith(`${rel}/`));
      if (isDir) out.push({ path: dest, tree: true, contextDir: rel === '.' ? '' : rel });
      else out.push({ path: dirDest ? joinPath(dest, basename(rel)) : dest, tree: false });
      continue;
    }
    const looksDir = src.endsWith('/') || src === '.' || glob || !/\.[A-Za-z0-9]+$/.test(basename(src));
    if (looksDir) out.push({ path: dest, tree: true });
    else out.push({ path: dirDest ? joinPath(dest, basename(src)) : dest, tree: false });
  }
  return out;
}

/** Paths an rm removes (a trailing `/*` means the directory's contents). */
function rmTargets(cmd: Cmd, scope: ReadonlyMap<string, string>, wd: string): { path: string; word: string }[] {
  if (programName(cmd.command) !== 'rm') return [];
  const out: { path: string; word: string }[] = [];
  for (const w of argsWithoutFlags(cmd.command)) {
    const v = expandShellWord(w.value, scope);
    if (v === null) continue;
    const stripped = v.replace(/\/(\*|\.\*|\.\[!.\]\*|\.\?\?\*)$/, '');
    if (stripped === '' || /[*?[]/.test(stripped)) continue;
    out.push({ path: joinPath(wd, stripped), word: w.value });
  }
  return out;
}

/** The packages a removal command names (`apt-get purge x`, `apk del .build-deps`). */
function removedPackages(command: ShellCommand): string[] {
  const prog = programName(command);
  const args = argsWithoutFlags(command, ['o']);
  const verb = args[0]?.value;
  if ((prog === 'apt-get' || prog === 'apt') && (verb === 'purge' || verb === 'remove')) return args.slice(1).map((a) => a.value);
  if (prog === 'apk' && verb === 'del') return args.slice(1).map((a) => a.value);
  return [];
}

/**
 * The commands this rule reports on: `rm`, `apt-get clean|autoclean|purge|remove`, `apk del`,
 * `npm|yarn|pip cache ...` (each report below starts from one of them).
 */
function isRemoval(command: ShellCommand): boolean {
  const prog = programName(command);
  if (prog === 'rm') return true;
  const apt = prog === 'apt-get' || prog === 'apt';
  const cache = prog === 'npm' || prog === 'yarn' || prog === 'yarnpkg' || isPip(prog);
  if (!apt && !cache && prog !== 'apk') return false;
  const verb = subcommand(command, ['o']);
  if (apt) return verb === 'clean' || verb === 'autoclean' || verb === 'purge' || verb === 'remove';
  return cache ? verb === 'cache' : verb === 'del';
}

/** Commands that only delete or look around: a RUN made of them is a pure clean-up step. */
const CLEANUP_ONLY = new Set(['rm', 'cd', 'set', 'true', 'echo', 'ls', 'du', 'find', 'exit', 'rmdir', 'apt-get', 'apt', 'apk', 'npm', 'yarn', 'pip', 'pip3']);

function isCleanupOnly(cmds: readonly Cmd[]): boolean {
  return cmds.every(({ command }) => {
    const prog = programName(command);
    if (!CLEANUP_ONLY.has(prog)) return false;
    if (prog === 'find') return command.args.some((a) => a.value === '-delete' || a.value === '-exec');
    if (prog === 'apt-get' || prog === 'apt') return ['clean', 'autoclean', 'purge', 'remove', 'autoremove'].includes(subcommand(command, ['o']) ?? '');
    if (prog === 'apk') return subcommand(command) === 'del' || subcommand(command) === 'cache';
    if (prog === 'npm' || prog === 'yarn' || prog === 'pip' || prog === 'pip3') return subcommand(command) === 'cache';
    return true;
  });
}

/**
 * Whether removing `removed` takes away something `p` wrote. Exact paths always count; a part of a
 * copied or created directory, or a directory holding what was written, only when it is certain:
 * the build context shows the file, or the RUN does nothing but clean up.
 */
function matches(ctx: RuleContext, removed: string, p: Produced, cleanupOnly: boolean): boolean {
  if (removed === '/' || p.empty) return false;
  if (removed === p.path) return true;
  if (isUnder(p.path, removed)) return cleanupOnly || KNOWN_DIRS.has(p.path);
  if (!p.tree || !isUnder(removed, p.path)) return false;
  if (p.contextDir !== undefined && ctx.context) {
    const rel = (p.contextDir === '' ? '' : `${p.contextDir}/`) + removed.slice(p.path === '/' ? 1 : p.path.length + 1);
    return ctx.context.files.some((f) => f.path === rel || f.path.startsWith(`${rel}/`));
  }
  return cleanupOnly || KNOWN_DIRS.has(p.path);
}

export const cleanupInLaterLayer: Rule = {
  id: 'cleanup-in-later-layer',
  title: 'Delete files in the same RUN that creates them',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `An image is a stack of layers, and a layer can only **add** to the ones below it. \`RUN rm -rf /var/lib/apt/lists/*\` in its own RUN does not remove anything from the layer where \`apt-get update\` wrote those files: it adds a layer that marks them deleted (a *whiteout*), so they disappear from the container's view but are still downloaded, stored and shipped with the image. Layerwise's reference builds measure it (buildah on Debian bookworm-slim): with \`apt-get update && apt-get install -y --no-install-recommends curl\` in one RUN and \`rm -rf /var/lib/apt/lists/*\` in the next, the image is 109.3 MB (uncompressed layers), the first layer still holds the 19.9 MB of lists, and the second is 7.7 kB of whiteouts; with the \`rm\` in the same RUN, the image is 89.5 MB. The same holds for \`apt-get clean\`, \`npm cache clean\`, \`apt-get purge\` or \`apk del\` of packages installed earlier, and for \`rm -rf node_modules\` or test files that a \`COPY\` brought in.

Delete in the **same** RUN that creates the files, chaining the commands:

\`\`\`dockerfile
RUN apt-get update \\
 && apt-get install -y --no-install-recommends build-essential \\
 && make \\
 && apt-get purge -y build-essential \\
 && rm -rf /var/lib/apt/lists/*
\`\`\`

For files that come from the build context, do not copy them at all: list them in \`.dockerignore\`. For build tools, a multi-stage build is simpler than cleaning up: build in one stage and copy only the result into a fresh one.

The rule reports a removal when what it removes was written by an earlier RUN, COPY or ADD of the same stage (or a stage it is built \`FROM\`), and not again earlier in the same RUN. It only knows what it can see: paths written by name in the Dockerfile, the files of well-known tools (apt lists, npm's cache, node_modules), and packages installed by an earlier RUN.`,
    bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
  },
  check(ctx) {
    // What each RUN writes and installs, kept for the stages built FROM its stage: their chains
    // walk the same steps again, with the same working directories and scopes.
    const runEffects = new Map<Step, { here: { path: string; tree: boolean }[]; herePackages: Set<string> }>();
    for (const stage of ctx.resolved.stages) {
      // Only a removal can be reported: a stage without one is not walked, and a walk ends at the
      // last one (what later steps write cannot have been removed before them).
      const chain = chainSteps(ctx, stage);
      const lastRemoval = lastOwnRunWith(ctx, stage, chain, isRemoval);
      if (lastRemoval < 0) continue;
      const wds = workdirs(ctx, chain);
      const produced: Produced[] = [];
      const packages: Package[] = [];
      for (let at = 0; at <= lastRemoval; at++) {
        const { step, stage: owner } = chain[at]!;
        const own = owner === stage;
        const i = step.instruction;
        const wd = wds[at]!;
        const line = i.range.start.line;
        if (i.keyword === 'COPY' || i.keyword === 'ADD') {
          if (!i.destination) continue;
          const destValue = expanded(step, 'destination', i.destination.value) ?? i.destination.value;
          if (destValue.includes('$')) continue;
          for (const w of copyWrites(ctx, i, joinPath(wd, destValue))) produced.push({ ...w, line, by: i.keyword, fromContext: i.from === null });
          continue;
        }
        if (i.keyword !== 'RUN') continue;
        const known = own ? undefined : runEffects.get(step);
        if (known) {
          for (const w of known.here) produced.push({ ...w, line, by: 'RUN' });
          for (const name of known.herePackages) packages.push({ name, line });
          continue;
        }
        const scope = scopeAt(ctx, step);
        const cmds = commandsOf(ctx, i);
        const here: { path: string; tree: boolean }[] = [];
        // Only a removal needs to know whether the RUN does nothing else.
        let cleanupOnly: boolean | null = null;
        const herePackages = new Set<string>();
        for (const cmd of cmds) {
          const c = cmd.command;
          if (own && isRemoval(c)) {
            const only = (cleanupOnly ??= isCleanupOnly(cmds));
            const earlier = (path: string) =>
              produced.filter((p) => matches(ctx, path, p, only) && !here.some((h) => path === h.path || isUnder(h.path, path) || (h.tree && isUnder(path, h.path))));
            // rm of something an earlier layer wrote
            const hits: { word: string; from: Produced }[] = [];
            for (const t of rmTargets(cmd, scope, wd)) {
              const from = earlier(t.path);
              if (from.length > 0) hits.push({ word: t.word, from: from.at(-1)! });
            }
            const prog = programName(c);
            const verb = subcommand(c, ['o']);
            let cleaned: { what: string; from: Produced } | null = null;
            if ((prog === 'apt-get' || prog === 'apt') && (verb === 'clean' || verb === 'autoclean')) {
              const from = earlier(APT_CACHE).filter((p) => p.path === APT_CACHE || p.path === APT_LISTS);
              if (from.length > 0) cleaned = { what: `${prog} ${verb}`, from: from.at(-1)! };
            }
            if ((prog === 'npm' && verb === 'cache') || ((prog === 'yarn' || prog === 'yarnpkg') && verb === 'cache') || (isPip(prog) && verb === 'cache')) {
              const second = argsWithoutFlags(c)[1]?.value;
              if (second === 'clean' || second === 'purge') {
                const home = scope.get('HOME') ?? '/root';
                const dir = prog === 'npm' ? `${home}/.npm` : prog.startsWith('pip') ? `${home}/.cache/pip` : '/usr/local/share/.cache/yarn';
                const from = earlier(dir);
                if (from.length > 0) cleaned = { what: `${prog} cache ${second}`, from: from.at(-1)! };
              }
            }
            const gone = removedPackages(c).filter((name) => !herePackages.has(name));
            const packageHits = gone.map((name) => packages.filter((p) => p.name === name).at(-1)).filter((p): p is Package => p !== undefined);
            if (hits.length > 0) {
              const first = hits[0]!;
              const source = first.from.by === 'RUN' ? `the RUN on line ${first.from.line}` : `the ${first.from.by} on line ${first.from.line}`;
              const advice =
                first.from.by === 'RUN'
                  ? 'delete them in the same RUN that creates them'
                  : first.from.fromContext
                    ? 'keep them out of the build context with .dockerignore, or copy only what you need'
                    : 'copy only what you need';
              ctx.report({
                range: cmd.range,
                message: `\`rm ${hits.map((h) => h.word).join(' ')}\` cannot make the image smaller: the files were written by ${source} and stay in that layer; this one only hides them. ${advice[0]!.toUpperCase()}${advice.slice(1)}`,
              });
            } else if (cleaned) {
              ctx.report({
                range: cmd.range,
                message: `\`${cleaned.what}\` cannot make the image smaller: what it deletes was written by the RUN on line ${cleaned.from.line} and stays in that layer. Clean up in the same RUN`,
              });
            } else if (packageHits.length > 0) {
              const lines = [...new Set(packageHits.map((p) => p.line))].join(', ');
              ctx.report({
                range: cmd.range,
                message: `Removing ${packageHits.map((p) => p.name).join(', ')} here cannot make the image smaller: ${packageHits.length > 1 ? 'they were' : 'it was'} installed by the RUN on line ${lines} and stay${packageHits.length > 1 ? '' : 's'} in that layer. Install and remove in the same RUN, or build in a separate stage`,
              });
            }
          }
          // What this command writes counts for the rest of this RUN and for later steps.
          for (const w of writes(c, scope, wd)) here.push(w);
          const installed = systemPackagesInstalled(c);
          if (installed) {
            for (const p of installed.packages) herePackages.add(packageName(p.value));
            const virtual = flagValue(c, 't', 'virtual');
            if (virtual) herePackages.add(virtual);
          }
        }
        for (const w of here) produced.push({ ...w, line, by: 'RUN' });
        for (const name of herePackages) packages.push({ name, line });
        runEffects.set(step, { here, herePackages });
      }
    }
  },
};
