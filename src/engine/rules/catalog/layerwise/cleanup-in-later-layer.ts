import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { CopyInstruction, RunInstruction } from '../../../parse/types.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import {
  basename,
  chainSteps,
  cleanPath,
  commandsOf,
  expandShellWord,
  expanded,
  GLOB,
  isUnder,
  isPip,
  joinPath,
  lastOwnRunWith,
  MKDIR_VALUE_FLAGS,
  NODE_PACKAGE_MANAGERS,
  nodeInstall,
  packageName,
  scopeAt,
  someCommand,
  subcommand,
  systemPackagesInstalled,
  workdirs,
  type ChainStep,
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
const WRITERS = new Set(['apt-get', 'apt', 'apk', ...NODE_PACKAGE_MANAGERS, 'wget', 'curl', 'mkdir', 'touch', 'git', 'cp', 'mv', 'unzip', 'tar']);
const URL = /^[a-z]+:\/\//;
const URL_ANY_CASE = /^[a-z]+:\/\//i;
const TAR_EXTRACT = /^-?[a-zA-Z]*x/;
/**
 * The flags whose value is skipped when looking for a subcommand: apt's `-o Option=value`. Every
 * program here (apt, apk, git, pip, npm, yarn) is read with the same list, so a subcommand is
 * found the same way whichever program the rule asks about.
 */
const VERB_VALUE_FLAGS: readonly string[] = ['o'];
const GIT_CLONE_VALUE_FLAGS: readonly string[] = ['b', 'branch', 'depth', 'c', 'config', 'o', 'origin'];
const CP_VALUE_FLAGS: readonly string[] = ['t', 'target-directory'];

/** What RUN-written paths are recorded as: `line` is the RUN's. */
type Written = Produced & { by: 'RUN' };

/** Records `word` (expanded, relative to `wd`) as written by the RUN on `line`, unless it is no plain path. */
function writePath(out: Written[], word: string | null | undefined, scope: ReadonlyMap<string, string>, wd: string, line: number, tree = false, empty = false): void {
  if (!word) return;
  const v = expandShellWord(word, scope);
  if (v === null || v === '' || v === '-' || GLOB.test(v) || URL.test(v)) return;
  out.push(empty ? { path: joinPath(wd, v), tree, empty, line, by: 'RUN' } : { path: joinPath(wd, v), tree, line, by: 'RUN' });
}

/** Records what one command of the RUN on `line` writes, as far as a linter can tell, in `out`. */
function writes(out: Written[], command: ShellCommand, scope: ReadonlyMap<string, string>, wd: string, line: number): void {
  const prog = programName(command);
  // Most commands write nothing a later layer could remove: answer before looking at their words.
  if (command.redirects.length === 0 && !WRITERS.has(prog) && !isPip(prog)) return;
  const known = (path: string) => out.push({ path, tree: true, line, by: 'RUN' });
  for (const r of command.redirects) if ((r.op.endsWith('>') || r.op.endsWith('>>')) && !r.op.includes('&')) writePath(out, r.target?.value, scope, wd, line);
  // Each program below writes in its own way; any other only through its redirections.
  if (NODE_PACKAGE_MANAGERS.has(prog)) {
    const node = nodeInstall(command);
    if (!node) return;
    const home = scope.get('HOME') ?? '/root';
    if (node.kind !== 'global') known(joinPath(wd, 'node_modules'));
    if (node.pm === 'npm') known(`${home}/.npm`);
    if (node.pm === 'yarn') {
      known('/usr/local/share/.cache/yarn');
      known(`${home}/.cache/yarn`);
    }
    if (node.pm === 'pnpm') known(`${home}/.local/share/pnpm`);
    return;
  }
  switch (prog) {
    case 'apt-get':
    case 'apt': {
      const installed = systemPackagesInstalled(command);
      if (installed || subcommand(command, VERB_VALUE_FLAGS) === 'update') known(APT_LISTS);
      if (installed) known(APT_CACHE);
      return;
    }
    // `aptitude` is not in WRITERS, so this case is reached only for a command that also has a
    // redirection; adding it there would change what the rule reports, so it is left as it is.
    case 'aptitude':
      if (systemPackagesInstalled(command)) known(APT_CACHE);
      return;
    case 'apk':
      if (subcommand(command, VERB_VALUE_FLAGS) === 'update' || (systemPackagesInstalled(command) && !hasFlag(command, 'no-cache'))) known(APK_CACHE);
      return;
    case 'wget':
      writePath(out, flagValue(command, 'O', 'output-document'), scope, wd, line);
      writePath(out, flagValue(command, 'P', 'directory-prefix'), scope, wd, line, true);
      return;
    case 'curl':
      writePath(out, flagValue(command, 'o', 'output'), scope, wd, line);
      return;
    case 'mkdir':
      for (const w of argsWithoutFlags(command, MKDIR_VALUE_FLAGS)) writePath(out, w.value, scope, wd, line, true, true);
      return;
    case 'touch':
      for (const w of argsWithoutFlags(command)) writePath(out, w.value, scope, wd, line);
      return;
    case 'git': {
      if (subcommand(command, VERB_VALUE_FLAGS) !== 'clone') return;
      const args = argsWithoutFlags(command, GIT_CLONE_VALUE_FLAGS);
      const dir = args[2]?.value ?? (args[1] ? basename(args[1].value).replace(/\.git$/, '') : null);
      writePath(out, dir, scope, wd, line, true);
      return;
    }
    case 'cp':
    case 'mv':
      if (command.args.length >= 2) writePath(out, flagValue(command, 't', 'target-directory') ?? argsWithoutFlags(command, CP_VALUE_FLAGS).at(-1)?.value, scope, wd, line, true);
      return;
    case 'unzip':
      writePath(out, flagValue(command, 'd'), scope, wd, line, true);
      return;
    case 'tar':
      if (command.args.some((a) => TAR_EXTRACT.test(a.value) || a.value === '--extract')) writePath(out, flagValue(command, 'C', 'directory'), scope, wd, line, true);
      return;
  }
  if (isPip(prog) && subcommand(command, VERB_VALUE_FLAGS) === 'install') known(`${scope.get('HOME') ?? '/root'}/.cache/pip`);
}

/** What a COPY/ADD writes: its destination, and everything below it for a directory source. */
function copyWrites(ctx: RuleContext, copy: CopyInstruction, dest: string): { path: string; tree: boolean; contextDir?: string }[] {
  const out: { path: string; tree: boolean; contextDir?: string }[] = [];
  const dirDest = copy.destination?.value.endsWith('/') || copy.destination?.value === '.' || copy.sources.length > 1;
  for (const s of copy.sources) {
    const src = s.value.trim();
    if (src.includes('$') || URL_ANY_CASE.test(src)) continue;
    const glob = GLOB.test(src);
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
    if (stripped === '' || GLOB.test(stripped)) continue;
    out.push({ path: joinPath(wd, stripped), word: w.value });
  }
  return out;
}

const NO_PACKAGES: readonly string[] = [];

/** The packages a removal command names (`apt-get purge x`, `apk del .build-deps`). */
function removedPackages(command: ShellCommand): readonly string[] {
  const prog = programName(command);
  // Most removals are `rm`: only apt and apk remove packages, and only their arguments are listed.
  if (prog !== 'apt-get' && prog !== 'apt' && prog !== 'apk') return NO_PACKAGES;
  const args = argsWithoutFlags(command, VERB_VALUE_FLAGS);
  const verb = args[0]?.value;
  if ((prog === 'apt-get' || prog === 'apt') && (verb === 'purge' || verb === 'remove')) return args.slice(1).map((a) => a.value);
  if (prog === 'apk' && verb === 'del') return args.slice(1).map((a) => a.value);
  return NO_PACKAGES;
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
  const verb = subcommand(command, VERB_VALUE_FLAGS);
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
    if (prog === 'apt-get' || prog === 'apt') return ['clean', 'autoclean', 'purge', 'remove', 'autoremove'].includes(subcommand(command, VERB_VALUE_FLAGS) ?? '');
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

/**
 * What the RUN `run` (the instruction of `step`) writes, listed once per check: the chains of later
 * stages walk it again. The cache is keyed on the step alone although the paths depend on `wd`:
 * a step's working directory is set by the steps before it in its chain, and every chain that
 * holds the step has the same steps before it (those of the stages it is built FROM), so `wd` is
 * the same each time the step is asked for.
 */
function writesOfRun(ctx: RuleContext, step: Step, run: RunInstruction, wd: string, cache: Map<Step, Written[]>): readonly Written[] {
  let out = cache.get(step);
  if (out === undefined) {
    out = [];
    const scope = scopeAt(ctx, step);
    const line = run.range.start.line;
    for (const { command } of commandsOf(ctx, run)) writes(out, command, scope, wd, line);
    cache.set(step, out);
  }
  return out;
}

/** The packages the RUN `run` installs (a ctx.memo make function: listed once per lint). */
function packagesOfRun(ctx: RuleContext, run: RunInstruction): ReadonlySet<string> {
  const out = new Set<string>();
  for (const { command } of commandsOf(ctx, run)) addInstalled(out, command);
  return out;
}

/** Adds the packages `command` installs (and an apk `--virtual` name) to `names`. */
function addInstalled(names: Set<string>, command: ShellCommand): void {
  const installed = systemPackagesInstalled(command);
  if (!installed) return;
  for (const p of installed.packages) names.add(packageName(p.value));
  const virtual = flagValue(command, 't', 'virtual');
  if (virtual) names.add(virtual);
}

/** Where `stage`'s own steps start in its chain: they come last, after those of the stages it is built FROM. */
function firstOwnStep(chain: readonly ChainStep[], stage: Stage): number {
  return chain.length - stage.steps.length;
}

/** What `apt-get clean` deletes: the downloaded packages and lists. */
function isAptDownload(p: Produced): boolean {
  return p.path === APT_CACHE || p.path === APT_LISTS;
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
    const runWrites = new Map<Step, Written[]>();
    for (const stage of ctx.resolved.stages) {
      // Only a removal can be reported: a stage without one is not walked, and a walk ends at the
      // last one (what later steps write cannot have been removed before them).
      const chain = chainSteps(ctx, stage);
      const lastRemoval = lastOwnRunWith(ctx, stage, chain, isRemoval);
      if (lastRemoval < 0) continue;
      const wds = workdirs(ctx, chain);
      // What the earlier steps wrote, in build order. Most removals are of what the same RUN wrote
      // (`apt-get update ... && rm -rf /var/lib/apt/lists/*`) and need no look further back: the
      // steps' writes are listed only when a removal first needs them, up to its own step.
      const produced: Produced[] = [];
      let listed = 0;
      const listWritesBefore = (end: number) => {
        for (; listed < end; listed++) {
          const { step } = chain[listed]!;
          const i = step.instruction;
          if (i.keyword === 'RUN') {
            for (const w of writesOfRun(ctx, step, i, wds[listed]!, runWrites)) produced.push(w);
          } else if (i.keyword === 'COPY' || i.keyword === 'ADD') {
            if (!i.destination) continue;
            const destValue = expanded(step, 'destination', i.destination.value) ?? i.destination.value;
            if (destValue.includes('$')) continue;
            const line = i.range.start.line;
            for (const w of copyWrites(ctx, i, joinPath(wds[listed]!, destValue))) produced.push({ ...w, line, by: i.keyword, fromContext: i.from === null });
          }
        }
      };
      // The packages earlier RUNs installed: only a package removal (`apt-get purge x`) asks, so
      // they are listed when one first needs them, as the writes above.
      const packages: Package[] = [];
      let packagesListed = 0;
      const listPackagesBefore = (end: number) => {
        for (; packagesListed < end; packagesListed++) {
          const i = chain[packagesListed]!.step.instruction;
          if (i.keyword !== 'RUN') continue;
          const line = i.range.start.line;
          for (const name of ctx.memo(packagesOfRun, i)) packages.push({ name, line });
        }
      };
      // The steps of the stages this one is built FROM write and install, but report nothing.
      for (let at = firstOwnStep(chain, stage); at <= lastRemoval; at++) {
        const { step } = chain[at]!;
        const i = step.instruction;
        if (i.keyword !== 'RUN') continue;
        const cmds = commandsOf(ctx, i);
        if (!someCommand(cmds, isRemoval)) continue;
        const line = i.range.start.line;
        const wd = wds[at]!;
        const scope = scopeAt(ctx, step);
        // What this RUN's commands before the current one wrote, listed as far as a removal needs.
        const here: Written[] = [];
        let hereListed = 0;
        // Only a removal needs to know whether the RUN does nothing else.
        let cleanupOnly: boolean | null = null;
        for (let k = 0; k < cmds.length; k++) {
          const cmd = cmds[k]!;
          const c = cmd.command;
          if (isRemoval(c)) {
            const only = (cleanupOnly ??= isCleanupOnly(cmds));
            /** The last thing an earlier layer wrote that removing `path` takes away (and `accept` accepts). */
            const earlier = (path: string, accept?: (p: Produced) => boolean): Produced | null => {
              for (; hereListed < k; hereListed++) writes(here, cmds[hereListed]!.command, scope, wd, line);
              // What this RUN wrote itself before is removed in the same layer: nothing to report.
              if (here.some((h) => path === h.path || isUnder(h.path, path) || (h.tree && isUnder(path, h.path)))) return null;
              listWritesBefore(at);
              for (let n = produced.length - 1; n >= 0; n--) {
                const p = produced[n]!;
                if (matches(ctx, path, p, only) && (!accept || accept(p))) return p;
              }
              return null;
            };
            // rm of something an earlier layer wrote
            const hits: { word: string; from: Produced }[] = [];
            for (const t of rmTargets(cmd, scope, wd)) {
              const from = earlier(t.path);
              if (from) hits.push({ word: t.word, from });
            }
            const prog = programName(c);
            const verb = subcommand(c, VERB_VALUE_FLAGS);
            let cleaned: { what: string; from: Produced } | null = null;
            if ((prog === 'apt-get' || prog === 'apt') && (verb === 'clean' || verb === 'autoclean')) {
              const from = earlier(APT_CACHE, isAptDownload);
              if (from) cleaned = { what: `${prog} ${verb}`, from };
            }
            if ((prog === 'npm' && verb === 'cache') || ((prog === 'yarn' || prog === 'yarnpkg') && verb === 'cache') || (isPip(prog) && verb === 'cache')) {
              const second = argsWithoutFlags(c)[1]?.value;
              if (second === 'clean' || second === 'purge') {
                const home = scope.get('HOME') ?? '/root';
                const dir = prog === 'npm' ? `${home}/.npm` : prog.startsWith('pip') ? `${home}/.cache/pip` : '/usr/local/share/.cache/yarn';
                const from = earlier(dir);
                if (from) cleaned = { what: `${prog} cache ${second}`, from };
              }
            }
            const removed = removedPackages(c);
            let packageHits: Package[] = [];
            if (removed.length > 0) {
              // A package this RUN installed before removing it is gone from the layer.
              const installedHere = new Set<string>();
              for (let n = 0; n < k; n++) addInstalled(installedHere, cmds[n]!.command);
              listPackagesBefore(at);
              const gone = removed.filter((name) => !installedHere.has(name));
              packageHits = gone.map((name) => packages.filter((p) => p.name === name).at(-1)).filter((p): p is Package => p !== undefined);
            }
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
        }
      }
    }
  },
};
