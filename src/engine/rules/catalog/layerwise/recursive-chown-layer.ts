import { argsWithoutFlags, programName } from '../../../script/index.ts';
import type { CopyInstruction, Range } from '../../../parse/types.ts';
import type { Fix, Rule, RuleContext } from '../../types.ts';
import { chainOf, commandsOf, expandShellWord, expanded, isUnder, joinPath, scopeAt, workdirs, chainSteps, type ChainStep, type Cmd } from './support.ts';

/** Instructions that change nothing on the filesystem between the COPY and the RUN. */
const NEUTRAL = new Set(['ENV', 'LABEL', 'ARG', 'EXPOSE', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER']);

interface Recursive {
  cmd: Cmd;
  kind: 'chown' | 'chmod';
  /** `user:group` or the mode, as written. */
  value: string;
  targets: string[];
}

/** `chown -R owner path...` / `chmod -R mode path...` */
function recursiveChange(cmd: Cmd, scope: ReadonlyMap<string, string>, workdir: string): Recursive | null {
  const c = cmd.command;
  const prog = programName(c);
  if (prog !== 'chown' && prog !== 'chmod') return null;
  const recursive = c.args.some((a) => a.value === '-R' || a.value === '--recursive' || /^-[a-zA-Z]*R[a-zA-Z]*$/.test(a.value));
  if (!recursive) return null;
  const words = argsWithoutFlags(c);
  if (words.length < 2) return null;
  const value = words[0]!.value;
  const targets: string[] = [];
  for (const w of words.slice(1)) {
    const p = expandShellWord(w.value, scope);
    if (p === null || /[*?[]/.test(p)) return null;
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

/** The COPY/ADD that, alone, put files where the chown/chmod points; a fix is safe only then. */
function fixFor(ctx: RuleContext, change: Recursive, copyStep: ChainStep, copyDest: string, onlyCommand: boolean, adjacent: boolean, earlierPaths: readonly string[]): Fix | undefined {
  if (!onlyCommand || !adjacent || change.targets.length !== 1) return undefined;
  const copy = copyStep.step.instruction as CopyInstruction;
  if (change.targets[0] !== copyDest) return undefined;
  if (change.kind === 'chown') {
    // `chown user` keeps the group, `COPY --chown=user` uses the user's id as group: only `user:group` is the same.
    if (copy.chown !== null || !/^[^:\s$]+:[^:\s$]+$/.test(change.value)) return undefined;
  } else {
    // COPY --chmod takes octal modes everywhere; symbolic ones need a recent frontend.
    if (copy.chmod !== null || !/^[0-7]{3,4}$/.test(change.value)) return undefined;
  }
  // If the destination already existed, COPY --chown/--chmod would leave that directory as it was.
  const destCreatedByCopy = !earlierPaths.some((p) => isUnder(p, copyDest) || isUnder(copyDest, p));
  const singleFile =
    copy.sources.length === 1 && !copy.destination!.value.endsWith('/') && !/[*?[]/.test(copy.sources[0]!.value) && !copy.sources[0]!.value.endsWith('/') && copy.sources[0]!.value !== '.';
  if (!destCreatedByCopy && !singleFile) return undefined;
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
    rationale: `A layer stores whole files. When \`RUN chown -R node:node /app\` (or \`chmod -R\`) changes the owner or mode of files that an earlier \`COPY\` added, the new layer must hold a complete second copy of every one of them, only to record new metadata: the image carries the application twice, and pushes and pulls twice the bytes. Layerwise's reference builds show it with a single file: a \`chmod\` in a later RUN copies the whole file into the new layer.

Set ownership and permissions as the files are copied instead:

\`\`\`dockerfile
COPY --chown=node:node . /app
COPY --chmod=755 entrypoint.sh /usr/local/bin/
\`\`\`

The files then exist once, with the right owner. Give the runtime user ownership only of what it must write, too: an application whose code it cannot modify is harder to tamper with.

The fix is offered when the RUN does nothing else, directly follows the COPY, targets exactly its destination, and that destination did not exist before (\`COPY --chown\` does not change a directory that already existed, such as a \`WORKDIR\`). \`chown user\` without a group is not rewritten: \`COPY --chown=user\` would also set the group.`,
    bad: 'FROM node:22-slim\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
    good: 'FROM node:22-slim\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      // Only this stage's RUNs are checked; its chain gives the COPYs before them.
      const chain = chainSteps(chainOf(ctx, stage));
      const wds = workdirs(chain);
      const own = new Set(stage.steps);
      const copies: { step: ChainStep; dest: string; at: number }[] = [];
      /** Paths known to exist before a given chain position (WORKDIRs, RUN mkdir targets, earlier COPY destinations). */
      const created: { path: string; at: number }[] = [];
      chain.forEach((cs, at) => {
        const i = cs.step.instruction;
        const wd = wds[at]!;
        if (i.keyword === 'WORKDIR') {
          created.push({ path: wd, at });
          return;
        }
        if (i.keyword === 'COPY' || i.keyword === 'ADD') {
          const dest = copyDestination(cs, wd);
          if (dest) {
            copies.push({ step: cs, dest, at });
            created.push({ path: dest, at });
          }
          return;
        }
        if (i.keyword !== 'RUN') return;
        const scope = scopeAt(cs.step);
        const cmds = commandsOf(ctx, i);
        if (own.has(cs.step)) {
          for (const cmd of cmds) {
            const change = recursiveChange(cmd, scope, wd);
            if (!change) continue;
            const copy = [...copies].reverse().find((c) => change.targets.some((t) => isUnder(c.dest, t) || isUnder(t, c.dest)));
            if (!copy) continue;
            const between = chain.slice(copy.at + 1, at);
            const adjacent = between.every((b) => NEUTRAL.has(b.step.instruction.keyword));
            const earlier = created.filter((c) => c.at < copy.at).map((c) => c.path);
            const fix = fixFor(ctx, change, copy.step, copy.dest, cmds.length === 1, adjacent, earlier);
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
          for (const w of argsWithoutFlags(cmd.command, ['m', 'mode'])) {
            const p = expandShellWord(w.value, scope);
            if (p) created.push({ path: joinPath(wd, p), at });
          }
        }
      });
    }
  },
};
