import { argsWithoutFlags, programName } from '../../../script/index.ts';
import type { CopyInstruction, Range } from '../../../parse/types.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Fix, Rule, RuleContext } from '../../types.ts';
import { GLOB, MKDIR_VALUE_FLAGS, commandsOf, expandShellWord, expanded, isUnder, joinPath, lastOwnRunWith, scopeAt, workdirs, chainSteps, type ChainStep, type Cmd } from './support.ts';

/** Instructions that change nothing on the filesystem between the COPY and the RUN. */
const NEUTRAL = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER']);

interface Recursive {
  cmd: Cmd;
  kind: 'chown' | 'chmod';
  /** `user:group` or the mode, as written. */
  value: string;
  targets: string[];
}

/** A file name with an extension: a COPY source that is likely a file, not a directory. */
const EXTENSION = /\.[A-Za-z0-9]+$/;
const RECURSIVE_SHORT_FLAGS = /^-[a-zA-Z]*R[a-zA-Z]*$/;

function changesOwnerOrMode(command: ShellCommand): boolean {
  return isChangeProgram(programName(command));
}

function isChangeProgram(prog: string): prog is 'chown' | 'chmod' {
  return prog === 'chown' || prog === 'chmod';
}

/** `chown -R owner path...` / `chmod -R mode path...` */
function recursiveChange(cmd: Cmd, scope: ReadonlyMap<string, string>, workdir: string): Recursive | null {
  const c = cmd.command;
  const prog = programName(c);
  if (!isChangeProgram(prog)) return null;
  const recursive = c.args.some((a) => a.value === '-R' || a.value === '--recursive' || RECURSIVE_SHORT_FLAGS.test(a.value));
  if (!recursive) return null;
  const words = argsWithoutFlags(c);
  if (words.length < 2) return null;
  const value = words[0]!.value;
  const targets: string[] = [];
  for (const w of words.slice(1)) {
    const p = expandShellWord(w.value, scope);
    if (p === null || GLOB.test(p)) return null;
    targets.push(joinPath(workdir, p));
  }
  return { cmd, kind: prog, value, targets };
}

function copyDestination(step: ChainStep, workdir: string): string | null {
  const copy = step.step.instruction as CopyInstruction;
  if (!copy.destination) return null;
  const dest = expanded(step.step, 'destination', copy.destination.value) ?? copy.destination.value;
  if (dest.includes('$')) return null;
  return joinPath(workdir, dest);
}

/** Top-level directories every Linux base image has (and `scratch` has not). */
const SYSTEM_DIRS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']);

/**
 * The edits that move the ownership or mode onto the COPY, when that gives exactly the same files:
 * the RUN only does this, right after the COPY, on exactly its destination, and nothing else was
 * there before. Otherwise undefined.
 */
function fixFor(ctx: RuleContext, change: Recursive, copyStep: ChainStep, copyDest: string, onlyCommand: boolean, adjacent: boolean, earlierPaths: readonly string[], baseHasSystemDirs: boolean): Fix | undefined {
  if (!onlyCommand || !adjacent || change.targets.length !== 1) return undefined;
  const copy = copyStep.step.instruction as CopyInstruction;
  if (copy.keyword !== 'COPY' || change.targets[0] !== copyDest) return undefined;
  if (change.kind === 'chown') {
    // `chown user` keeps the group, `COPY --chown=user` uses the user's id as group: only `user:group` is the same.
    if (copy.chown !== null || !/^[^:\s$]+:[^:\s$]+$/.test(change.value)) return undefined;
  } else {
    // COPY --chmod takes octal modes everywhere; symbolic ones need a recent frontend.
    if (copy.chmod !== null || !/^[0-7]{3,4}$/.test(change.value)) return undefined;
  }
  const singleFile =
    copy.sources.length === 1 && !copy.destination!.value.endsWith('/') && !GLOB.test(copy.sources[0]!.value) && !copy.sources[0]!.value.endsWith('/') && copy.sources[0]!.value !== '.';
  const existedBefore = (path: string) => earlierPaths.some((p) => isUnder(path, p));
  // `chown -R` would also change what was already there; the COPY flags only touch copied files.
  if (existedBefore(copyDest) || earlierPaths.some((p) => isUnder(p, copyDest))) return undefined;
  if (singleFile) {
    // COPY --chown also gives the user the directories it has to create; `chown -R file` does not.
    const parent = copyDest.slice(0, copyDest.lastIndexOf('/')) || '/';
    if (change.kind === 'chown' && !(existedBefore(parent) || (baseHasSystemDirs && SYSTEM_DIRS.has(parent.split('/')[1] ?? '')))) return undefined;
  } else {
    // A directory: --chmod leaves the destination directory itself at 0755, and --chown leaves a
    // directory that already existed (a WORKDIR, or one of the base image) as it was.
    if (change.kind === 'chmod' || SYSTEM_DIRS.has(copyDest.split('/')[1] ?? '')) return undefined;
  }
  const flag = change.kind === 'chown' ? `--chown=${change.value}` : `--chmod=${change.value}`;
  const keyword = copy.keywordRange;
  const insertAt: Range = { start: keyword.end, end: keyword.end };
  const run = change.cmd.run;
  return {
    title: `Use COPY ${flag} instead of a separate RUN ${change.kind} -R`,
    edits: [
      { range: insertAt, text: ` ${flag}` },
      { range: { start: { line: run.range.start.line, column: 1 }, end: lineAfter(ctx, run.range.end.line) }, text: '' },
    ],
  };
}

/** The start of the line after `line`, or the end of `line` when it is the last one. */
function lineAfter(ctx: RuleContext, line: number): Range['end'] {
  if (line < ctx.lines.length) return { line: line + 1, column: 1 };
  return { line, column: (ctx.lines[line - 1] ?? '').length + 1 };
}

export const recursiveChownLayer: Rule = {
  id: 'recursive-chown-layer',
  title: 'Set ownership and modes with COPY --chown/--chmod, not RUN chown -R',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `A layer stores whole files. When \`RUN chown -R node:node /app\` (or \`chmod -R\`) changes the owner or mode of files that an earlier \`COPY\` added, the new layer must hold a complete second copy of every one of them, only to record new metadata: the image carries the application twice, and pushes and pulls twice the bytes. Layerwise's reference builds measure it (buildah on Debian bookworm-slim): after \`COPY blob.bin /data/blob.bin\` (a 20.0 MB file), \`RUN chmod 600 /data/blob.bin\` makes a 20.0 MB layer, the whole file again.

Set ownership and permissions as the files are copied instead:

\`\`\`dockerfile
COPY --chown=node:node . /app
COPY --chmod=755 entrypoint.sh /usr/local/bin/
\`\`\`

The files then exist once, with the right owner. Give the runtime user ownership only of what it must write, too: an application whose code it cannot modify is harder to tamper with.

The fix is offered only where the result is the same: the RUN does nothing else, directly follows the COPY and targets exactly its destination; for a directory, \`chown\` only, into a new top-level directory such as \`/app\` (\`COPY --chown\` leaves a directory that already existed, such as a \`WORKDIR\`, as it was, and \`--chmod\` does not apply to the destination directory itself); for a single file, into a directory that already exists. \`chown user\` without a group is not rewritten: \`COPY --chown=user\` would also set the group.`,
    bad: 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
    good: 'FROM node:22-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      // Only this stage's RUNs are checked; its chain gives the COPYs before them.
      const chain = chainSteps(ctx, stage);
      // Only a recursive chown/chmod is reported: the walk ends at the last RUN that runs one.
      const last = lastOwnRunWith(ctx, stage, chain, changesOwnerOrMode);
      if (last < 0) continue;
      const wds = workdirs(ctx, chain);
      const root = chain[0]?.stage ?? stage;
      const baseHasSystemDirs = root.baseStage === null && root.base.value.trim().toLowerCase() !== 'scratch' && root.base.value.trim() !== '';
      const copies: { step: ChainStep; dest: string; at: number; tree: boolean }[] = [];
      /** Paths known to exist before a given chain position (WORKDIRs, RUN mkdir targets, earlier COPY destinations). */
      const created: { path: string; at: number }[] = [];
      for (let at = 0; at <= last; at++) {
        const cs = chain[at]!;
        const i = cs.step.instruction;
        const wd = wds[at]!;
        if (i.keyword === 'WORKDIR') {
          created.push({ path: wd, at });
          continue;
        }
        if (i.keyword === 'COPY' || i.keyword === 'ADD') {
          const dest = copyDestination(cs, wd);
          if (dest) {
            const tree = i.sources.some((src) => src.value === '.' || src.value.endsWith('/') || GLOB.test(src.value) || !EXTENSION.test(src.value));
            copies.push({ step: cs, dest, at, tree });
            created.push({ path: dest, at });
          }
          continue;
        }
        if (i.keyword !== 'RUN') continue;
        const cmds = commandsOf(ctx, i);
        if (cs.stage === stage) {
          for (const cmd of cmds) {
            // The step's variables are looked up only for the commands that use them.
            if (!isChangeProgram(programName(cmd.command))) continue;
            const change = recursiveChange(cmd, scopeAt(ctx, cs.step), wd);
            if (!change) continue;
            // The chown covers what the COPY wrote: its destination, a directory above it, or part
            // of a copied directory (never `/`, where a COPY may have written anything).
            const copy = copies.findLast((c) => change.targets.some((t) => t === c.dest || isUnder(c.dest, t) || (c.tree && c.dest !== '/' && isUnder(t, c.dest))));
            if (!copy) continue;
            const between = chain.slice(copy.at + 1, at);
            const adjacent = between.every((b) => NEUTRAL.has(b.step.instruction.keyword));
            const earlier = created.filter((c) => c.at < copy.at).map((c) => c.path);
            const fix = fixFor(ctx, change, copy.step, copy.dest, cmds.length === 1, adjacent, earlier, baseHasSystemDirs);
            const what = change.kind === 'chown' ? 'owner' : 'mode';
            ctx.report({
              range: cmd.range,
              message: `\`${change.kind} -R\` in its own layer copies every file the COPY on line ${copy.step.step.instruction.range.start.line} added just to change their ${what}: the image holds them twice. Use \`COPY --${change.kind}=${change.value}\` instead`,
              ...(fix ? { fix } : {}),
            });
          }
        }
        for (const cmd of cmds) {
          if (programName(cmd.command) !== 'mkdir') continue;
          for (const w of argsWithoutFlags(cmd.command, MKDIR_VALUE_FLAGS)) {
            const p = expandShellWord(w.value, scopeAt(ctx, cs.step));
            if (p) created.push({ path: joinPath(wd, p), at });
          }
        }
      }
    }
  },
};
