import type { Range, RunInstruction } from '../../../parse/types.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { keywordCount, visit } from './support.ts';

const MESSAGE =
  'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check';

/** The short flags of a word such as `-eo` (none for `--long` or plain words). */
function shortFlags(word: string): string {
  return /^-[A-Za-z]+$/.test(word) ? word.slice(1) : '';
}

/** Whether a `-o pipefail` is among the arguments (`-o pipefail`, `-eo pipefail`, `-euxo pipefail`). */
function setsPipefail(args: readonly string[]): boolean {
  return args.some((a) => shortFlags(a).includes('o')) && args.includes('pipefail');
}

/** The basename of a program, lower-cased and without `.exe`. */
function program(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
}

/** Whether a SHELL makes pipes safe: a non-POSIX shell, or bash/zsh/ash with `-o pipefail`. */
function shellIsSafe(shell: readonly string[]): boolean {
  const name = program(shell[0] ?? '');
  if (name.startsWith('pwsh') || name === 'powershell' || name === 'cmd') return true;
  return (name === 'bash' || name === 'zsh' || name === 'ash') && setsPipefail(shell.slice(1));
}

/** The first pipeline of a RUN not preceded by `set -o pipefail`, as the source range of its first two commands. */
function unsafePipe(ctx: RuleContext, run: RunInstruction): Range | null {
  const commands: readonly ShellCommand[] = ctx.scriptOf(run)?.commands ?? [];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    if (c.name === 'set' && setsPipefail(c.args.map((a) => a.value))) return null;
    if (c.connector !== '|') continue;
    const before = commands.slice(0, i).reverse().find((p) => p.depth === c.depth) ?? c;
    return ctx.scriptRange(run, before.start, c.end);
  }
  return null;
}

export const pipefailBeforePipe: Rule = {
  id: 'pipefail-before-pipe',
  title: 'Set `-o pipefail` with SHELL before a RUN that uses a pipe',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL4006'] },
  docs: {
    rationale: `A pipeline's exit status is that of its last command. In \`RUN curl -fsSL https://example.com/install.sh | sh\`, a failed download (404, DNS error, TLS failure) feeds nothing to \`sh\`, which happily exits 0: the build goes on and ships an image without the tool it was supposed to install.

\`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\` makes a pipeline fail when any command in it fails, for every following \`RUN\`. It needs a shell that has the option (bash, zsh, ash; Alpine's \`/bin/sh\` is busybox \`ash\`, so use \`/bin/ash\` there). hadolint calls this DL4006. Like hadolint, the rule stays quiet after a non-POSIX \`SHELL\` (PowerShell, cmd); it also accepts a \`RUN\` that runs \`set -o pipefail\` before its first pipe, and a \`SHELL\` inherited from the stage a stage builds on. There is no automatic fix: whether the base image has bash is for you to check.`,
    bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
    good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | sh\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'RUN') === 0) return;
    // Whether the SHELL in force is safe, per stage at its end (for stages built on it): set
    // where a FROM or SHELL changes it.
    const stageSafe = new Map<number, boolean>();
    let safe = false;
    let triggerSafe = false;
    let current: number | null = null;
    for (const { instruction, onbuild, stage } of visit(ctx, true)) {
      if (instruction.keyword === 'FROM' && !onbuild) {
        current = stage?.index ?? null;
        safe = stage?.baseStage != null ? (stageSafe.get(stage.baseStage) ?? false) : false;
        triggerSafe = false;
        if (current !== null) stageSafe.set(current, safe);
      } else if (instruction.keyword === 'SHELL') {
        if (onbuild) triggerSafe = shellIsSafe(instruction.shell);
        else {
          safe = shellIsSafe(instruction.shell);
          if (current !== null) stageSafe.set(current, safe);
        }
      } else if (instruction.keyword === 'RUN' && !safe && !(onbuild && triggerSafe)) {
        const range = unsafePipe(ctx, instruction);
        if (range) ctx.report({ range, message: MESSAGE });
      }
    }
  },
};
