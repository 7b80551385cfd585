import { argsWithoutFlags, commandScope, flagValue, goFlag, hasFlag, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Step } from '../../../stages/types.ts';
import type { Fix, Rule } from '../../types.ts';
import {
  cacheMountTargets,
  cleanPath,
  commandsOf,
  expandShellWord,
  finalChainSteps,
  isUnder,
  joinPath,
  nodeInstall,
  scopeAt,
  subcommand,
  type Cmd,
} from './support.ts';
import { scopeWithBase } from './image-facts.ts';

interface CacheKind {
  label: string;
  /** Where the cache lives by default (HOME is /root for root). */
  dirs: (scope: ReadonlyMap<string, string>) => string[];
  /** Looser match for mounts/removals written another way (e.g. a non-root HOME). */
  hint: RegExp;
  /** A command that empties it. */
  cleans: (c: ShellCommand) => boolean;
  fix?: string;
}

const home = (scope: ReadonlyMap<string, string>) => scope.get('HOME') ?? '/root';
const envDir = (scope: ReadonlyMap<string, string>, ...names: string[]): string[] => {
  const out: string[] = [];
  for (const [k, v] of scope) if (names.some((n) => n.toLowerCase() === k.toLowerCase()) && v.startsWith('/')) out.push(cleanPath(v));
  return out;
};

const NPM: CacheKind = {
  label: "npm's cache (~/.npm)",
  dirs: (s) => [...envDir(s, 'npm_config_cache'), `${home(s)}/.npm`],
  hint: /(^|\/)\.npm(\/|$)|_cacache/,
  cleans: (c) => programName(c) === 'npm' && subcommand(c) === 'cache' && argsWithoutFlags(c)[1]?.value === 'clean',
  fix: 'npm cache clean --force',
};
const PNPM: CacheKind = {
  label: "pnpm's store",
  dirs: (s) => [...envDir(s, 'npm_config_store_dir', 'PNPM_HOME'), `${home(s)}/.local/share/pnpm`, `${home(s)}/.cache/pnpm`],
  hint: /pnpm/,
  cleans: () => false,
};
const YARN: CacheKind = {
  label: "Yarn's cache",
  dirs: (s) => [...envDir(s, 'YARN_CACHE_FOLDER'), '/usr/local/share/.cache/yarn', `${home(s)}/.cache/yarn`],
  hint: /yarn/,
  cleans: (c) => (programName(c) === 'yarn' || programName(c) === 'yarnpkg') && subcommand(c) === 'cache' && argsWithoutFlags(c)[1]?.value === 'clean',
  fix: 'yarn cache clean',
};
const CARGO: CacheKind = {
  label: "cargo's registry ($CARGO_HOME/registry)",
  dirs: (s) => {
    const cargoHome = envDir(s, 'CARGO_HOME')[0] ?? `${home(s)}/.cargo`;
    return [`${cargoHome}/registry`, `${cargoHome}/git`];
  },
  hint: /(^|\/)(\.?cargo)(\/registry)?$|\/registry$/,
  cleans: () => false,
};
const GO_BUILD: CacheKind = {
  label: "Go's build cache (~/.cache/go-build)",
  dirs: (s) => [...envDir(s, 'GOCACHE'), `${home(s)}/.cache/go-build`],
  hint: /go-build/,
  cleans: (c) => programName(c) === 'go' && subcommand(c) === 'clean' && goFlag(c, 'cache', false) !== null,
};
const GO_MOD: CacheKind = {
  label: "Go's module cache (/go/pkg/mod)",
  dirs: (s) => {
    const gopath = envDir(s, 'GOPATH')[0] ?? `${home(s)}/go`;
    return [...envDir(s, 'GOMODCACHE'), `${gopath}/pkg/mod`, '/go/pkg/mod'];
  },
  hint: /pkg\/mod/,
  cleans: (c) => programName(c) === 'go' && subcommand(c) === 'clean' && goFlag(c, 'modcache', false) !== null,
};
const UV: CacheKind = {
  label: "uv's cache (~/.cache/uv)",
  dirs: (s) => [...envDir(s, 'UV_CACHE_DIR'), `${home(s)}/.cache/uv`],
  hint: /(^|\/)uv(\/|$)/,
  cleans: (c) => programName(c) === 'uv' && (subcommand(c) === 'clean' || (subcommand(c) === 'cache' && argsWithoutFlags(c)[1]?.value === 'clean')),
};

const TRUE = /^(1|true|yes|on)$/i;

/** The programs `cachesFilled` can answer for. */
const CACHE_FILLERS = new Set(['npm', 'pnpm', 'yarn', 'yarnpkg', 'cargo', 'go', 'uv']);

/** The caches a command fills, when it is one this rule covers. */
function cachesFilled(command: ShellCommand, scope: ReadonlyMap<string, string>): CacheKind[] {
  const prog = programName(command);
  const install = nodeInstall(command);
  if (install) {
    if (install.pm === 'npm') return [NPM];
    if (install.pm === 'pnpm') return [PNPM];
    // hadolint's DL3060 covers `yarn install`; a bare `yarn` and `yarn add` are left to this rule.
    if (install.pm === 'yarn') return install.verb.value === 'install' ? [] : [YARN];
  }
  const verb = subcommand(command);
  if (prog === 'pnpm' && verb === 'fetch') return [PNPM];
  if (prog === 'cargo' && (verb === 'build' || verb === 'install' || verb === 'fetch')) return [CARGO];
  if (prog === 'go') {
    const vendored = goFlag(command, 'mod') === 'vendor' || /-mod=vendor/.test(scope.get('GOFLAGS') ?? '');
    if (verb === 'mod' && argsWithoutFlags(command)[1]?.value === 'download') return [GO_MOD];
    if (verb === 'build' || verb === 'install' || verb === 'get' || verb === 'test') return vendored ? [GO_BUILD] : [GO_BUILD, GO_MOD];
  }
  if (prog === 'uv') {
    if (hasFlag(command, 'no-cache', 'n') || TRUE.test(scope.get('UV_NO_CACHE') ?? '')) return [];
    const args = argsWithoutFlags(command, ['python', 'p', 'index-url', 'extra-index-url', 'cache-dir']).map((a) => a.value);
    const fills =
      (args[0] === 'pip' && (args[1] === 'install' || args[1] === 'sync')) || args[0] === 'sync' || args[0] === 'add' || (args[0] === 'tool' && args[1] === 'install');
    return fills ? [UV] : [];
  }
  return [];
}

/**
 * Paths an `rm` command removes, resolved against the WORKDIR. Words it cannot expand (`~` or
 * `$HOME` for a user whose HOME is not in the Dockerfile) are kept as written, for the kinds' hints.
 */
function removedPaths(command: ShellCommand, scope: ReadonlyMap<string, string>, workdir: string): string[] {
  if (programName(command) !== 'rm') return [];
  return argsWithoutFlags(command).map((w) => {
    const p = expandShellWord(w.value, scope);
    if (p === null) return w.value.replace(/\/\*$/, '');
    return joinPath(workdir, p.replace(/\/\*$/, '').replace(/\/\.\*$/, ''));
  });
}

function covered(kind: CacheKind, scope: ReadonlyMap<string, string>, mounts: readonly string[], removed: readonly string[], cleaned: boolean, extraDir: string | null): boolean {
  if (cleaned) return true;
  const dirs = kind.dirs(scope);
  if (extraDir) dirs.unshift(extraDir);
  const hit = (p: string) => dirs.some((d) => isUnder(d, p)) || kind.hint.test(p);
  return mounts.some(hit) || removed.some(hit);
}

/** Appends ` && <fix>` after the command, when that is a plain `&&`-list position in a shell-form RUN. */
function appendFix(cmd: Cmd, next: ShellCommand | undefined, text: string, ctxRange: (offset: number) => Cmd['range']): Fix | undefined {
  if (cmd.run.form !== 'shell' || cmd.run.heredocs.length > 0 || cmd.command.depth > 0) return undefined;
  if (cmd.command.connector === '|' || cmd.command.connector === '||') return undefined;
  if (next && next.depth === 0 && (next.connector === '|' || next.connector === '||' || next.connector === '&')) return undefined;
  if (cmd.command.redirects.length > 0) return undefined;
  return { title: `Add \`${text}\` in the same RUN`, edits: [{ range: ctxRange(cmd.command.end), text: ` && ${text}` }] };
}

export const packageCacheInLayer: Rule = {
  id: 'package-cache-in-layer',
  title: "Don't leave package-manager caches in the image",
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `Package managers keep a copy of everything they download, so that the next install on the same machine is faster. In an image there is no next install: the cache is dead weight in the layer, shipped and stored with every version of the image. In Layerwise's reference measurements (npm 11.19.1), one \`npm install\` of an Express + Prisma API left 119.7 MB in \`~/.npm\`, next to its \`node_modules\`; after \`npm cache clean --force\` the cache held 0.12 MB.

The cache must be gone **in the same RUN** that filled it: a later \`RUN rm -rf ~/.npm\` only hides the files (see *cleanup-in-later-layer*). Either clean up in the same RUN, or better, give the cache to BuildKit with a cache mount: it stays out of the image **and** is reused by the next build, which is faster.

| Tool | Clean in the same RUN | Cache mount |
|---|---|---|
| npm | \`npm ci && npm cache clean --force\` | \`--mount=type=cache,target=/root/.npm\` |
| pnpm | (the store is what it links from) | \`--mount=type=cache,target=/root/.local/share/pnpm/store\` |
| Yarn 1 | \`yarn && yarn cache clean\` | \`--mount=type=cache,target=/usr/local/share/.cache/yarn\` |
| cargo | \`rm -rf $CARGO_HOME/registry\` | \`--mount=type=cache,target=/usr/local/cargo/registry\` |
| Go | \`go clean -cache -modcache\` | \`--mount=type=cache,target=/root/.cache/go-build\` and \`/go/pkg/mod\` |
| uv | \`uv sync --no-cache\` | \`--mount=type=cache,target=/root/.cache/uv\` |

Only the stages that form the final image are checked: in a build stage the cache does not ship, and *cache-mount-opportunity* suggests a mount there instead. The managers hadolint already covers are left to it: apt lists (DL3009), \`apk add\` without \`--no-cache\` (DL3019), \`pip install\` without \`--no-cache-dir\` (DL3042), \`yarn install\` without \`yarn cache clean\` (DL3060). This rule covers npm, pnpm, a bare \`yarn\`/\`yarn add\`, cargo, Go and uv.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const steps = finalChainSteps(ctx);
    let workdir = '/';
    for (const { step, stage } of steps) {
      const i = step.instruction;
      if (i.keyword === 'WORKDIR') {
        const v = step.expansions.find((e) => e.field === 'workdir')?.value ?? i.value;
        if (v) workdir = joinPath(workdir, v);
        continue;
      }
      if (i.keyword !== 'RUN') continue;
      checkRun(step, workdir, () => scopeWithBase(ctx, stage, scopeAt(ctx, step)));
    }

    function checkRun(step: Step, workdir: string, scopeOf: () => ReadonlyMap<string, string>): void {
      const run = step.instruction as Extract<Step['instruction'], { keyword: 'RUN' }>;
      const cmds = commandsOf(ctx, run);
      // The scope and the cache mounts are only worked out for a RUN that runs a package manager.
      let scope: ReadonlyMap<string, string> | null = null;
      let mounts: string[] | null = null;
      cmds.forEach((cmd, index) => {
        if (!CACHE_FILLERS.has(programName(cmd.command))) return;
        const stepScope = (scope ??= scopeOf());
        const stepMounts = (mounts ??= cacheMountTargets(ctx, step));
        // `VAR=x cmd` sees its own assignments.
        const local = commandScope(cmd.command, stepScope);
        const kinds = cachesFilled(cmd.command, local);
        if (kinds.length === 0) return;
        const after = cmds.slice(index + 1);
        const removed = after.flatMap((c) => removedPaths(c.command, local, workdir));
        // `npm ci --cache /tmp/npm-cache`: the cache goes where the flag says.
        const cacheFlag = programName(cmd.command) === 'npm' ? flagValue(cmd.command, 'cache') : programName(cmd.command) === 'uv' ? flagValue(cmd.command, 'cache-dir') : null;
        const extraDir = cacheFlag ? joinPath(workdir, cacheFlag) : null;
        const left = kinds.filter((k) => !covered(k, local, stepMounts, removed, after.some((c) => k.cleans(c.command)), extraDir));
        if (left.length === 0) return;
        const fixText = left.length === 1 ? left[0]!.fix : undefined;
        const fix = fixText ? appendFix(cmd, cmds[index + 1]?.command, fixText, (offset) => ctx.scriptRange(run, offset, offset)) : undefined;
        ctx.report({
          range: cmd.range,
          message: `${left.map((k) => k.label).join(' and ')} stays in this layer of the final image: clean it in the same RUN${fixText ? ` (\`${fixText}\`)` : ''} or use a cache mount (\`RUN --mount=type=cache,target=...\`)`,
          ...(fix ? { fix } : {}),
        });
      });
    }
  },
};
