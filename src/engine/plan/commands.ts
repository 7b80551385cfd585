/**
 * Which commands of a RUN a JavaScript runtime can carry out: npm, pnpm, npx and node run as
 * processes; mkdir, rm, cp, mv, touch, `echo ... > file` and `cd` are done on the runtime's file
 * system; everything else (apt-get, apk, compilers, downloads) is listed as skipped with the reason.
 * Commands come from the engine's shell model (parseShellScript), never from the raw text.
 */
import { processWord } from '../parse/shell/lex.ts';
import type { RunInstruction } from '../parse/types.ts';
import { argvCommand, parseShellScript, runScript } from '../script/index.ts';
import { argsWithoutFlags, hasFlag, programName } from '../script/query.ts';
import type { ShellCommand, ShellWord } from '../script/types.ts';
import { cleanPath } from '../simulate/fs.ts';
import type { FileOp, PlannedCommand } from './types.ts';

/** Programs the runtime starts as processes. */
export const PROCESS_PROGRAMS = ['npm', 'npx', 'pnpm', 'node', 'corepack'] as const;

// A Map: a program named like an object property (`constructor`) is no file operation.
const FILE_OPS: ReadonlyMap<string, FileOp> = new Map([['mkdir', 'mkdir'], ['rm', 'rm'], ['cp', 'cp'], ['mv', 'mv'], ['touch', 'touch']]);

/** Commands that only change ownership, permissions or print: no effect the runtime models. */
const NO_EFFECT = new Set(['chown', 'chmod', 'true', ':', 'ls', 'cat', 'pwd', 'env', 'printenv', 'which', 'id', 'whoami', 'sleep']);

/** Why a program cannot run in a JavaScript runtime, by family. */
function skipReason(program: string, command: ShellCommand): string {
  if (['apt-get', 'apt', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'zypper'].includes(program)) {
    return `${program} installs system packages, which a JavaScript runtime cannot do`;
  }
  if (['gcc', 'g++', 'cc', 'make', 'cmake', 'cargo', 'rustc', 'go', 'javac', 'mvn', 'gradle', 'python', 'python3', 'pip', 'pip3'].includes(program)) {
    return `${program} needs a toolchain the runtime does not have`;
  }
  if (['curl', 'wget', 'git'].includes(program)) return `${program} downloads from the network, which the runtime does not do`;
  if (['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'].includes(program)) return 'users are not modelled: processes run as the runtime user';
  if (program === 'npm' && hasFlag(command, 'g', 'global')) return 'global installs would change the runtime\'s own tools';
  return `${program} is not a command the runtime can run`;
}

/** Connectors the runtime follows: each command runs after the previous one succeeded. */
const SEQUENTIAL = new Set(['start', '&&', ';', 'newline']);

/** Reserved words left between commands: the script has control flow the runtime does not follow. */
const CONTROL_FLOW = /(^|[\s;&|])(if|then|elif|else|fi|for|while|until|do|done|case|esac)(?=[\s;&|]|$)/;

export interface PlannedRun {
  commands: PlannedCommand[];
  /** Set when the whole RUN cannot be followed (pipes, `||`, control flow, unsupported shell). */
  unsupported: string | null;
}

/**
 * The commands of a RUN with the directory each runs in (`cd` followed) and its environment
 * (`scope`: the stage's ENV and ARGs, BuildKit's RUN environment), variables expanded.
 */
export function planRunCommands(run: RunInstruction, workdir: string, scope: ReadonlyMap<string, string>): PlannedRun {
  if (run.form === 'exec') {
    const command = argvCommand(run.command);
    return { commands: [planCommand(command, workdir, scope, run.command.join(' '), false)], unsupported: null };
  }
  const script = runScript(run);
  if (!script) return { commands: [], unsupported: 'empty RUN' };
  const parsed = parseShellScript(script.text);
  let cwd = workdir;
  const out: PlannedCommand[] = [];
  let previousEnd = 0;
  for (const command of parsed.commands) {
    const text = script.text.slice(command.start, command.end).trim();
    if (command.depth > 0) return { commands: out, unsupported: `command substitution or a subshell (${text}) is not followed by the runtime` };
    if (!SEQUENTIAL.has(command.connector)) {
      return { commands: out, unsupported: `\`${command.connector}\` before ${text}: pipes, \`||\` and background jobs are not followed by the runtime` };
    }
    if (CONTROL_FLOW.test(script.text.slice(previousEnd, command.start))) {
      return { commands: out, unsupported: 'shell control flow (if, for, while, case) is not followed by the runtime' };
    }
    previousEnd = command.end;
    if (command.name === 'cd') {
      const target = command.args[0] ? expand(command.args[0], scope) : '/root';
      cwd = cleanPath(target, cwd);
      continue;
    }
    const local = new Map(scope);
    for (const a of command.assignments) {
      const eq = a.value.indexOf('=');
      const raw = a.raw.slice(a.raw.indexOf('=') + 1);
      local.set(a.value.slice(0, eq), expand({ ...a, raw, value: a.value.slice(eq + 1) }, scope));
    }
    out.push(planCommand(command, cwd, local, text, true));
  }
  return { commands: out, unsupported: null };
}

/** A shell word after the shell's own expansion of `$VAR` (the stage's variables). */
function expand(word: ShellWord, scope: ReadonlyMap<string, string>): string {
  if (!word.raw.includes('$')) return word.value;
  const result = processWord(word.raw, scope);
  return result.error ? word.value : result.value;
}

function planCommand(command: ShellCommand, cwd: string, scope: ReadonlyMap<string, string>, text: string, shell: boolean): PlannedCommand {
  const program = programName(command);
  const args = command.args.map((w) => (shell ? expand(w, scope) : w.value));
  const output = command.redirects.find((r) => r.op.endsWith('>') || r.op.endsWith('>>') || r.op === '>|');
  if ((PROCESS_PROGRAMS as readonly string[]).includes(program)) {
    if (program === 'npm' && hasFlag(command, 'g', 'global')) return { kind: 'skip', text, reason: skipReason(program, command) };
    if (program === 'corepack') return { kind: 'skip', text, reason: 'corepack is not needed: the runtime brings npm and pnpm itself' };
    const verb = argsWithoutFlags(command)[0]?.value;
    if ((program === 'npm' && verb === 'cache') || (program === 'pnpm' && verb === 'store')) {
      // The runtime's package cache is shared by every run; emptying it only matters for the image's size.
      return { kind: 'skip', text, reason: 'the package cache is the runtime\'s own, shared across runs: it is not cleaned' };
    }
    if (output && output.target && !/^\d*>&/.test(output.op)) {
      return { kind: 'skip', text, reason: 'the output of a program redirected to a file is not captured by the runtime' };
    }
    return { kind: 'exec', program, args, cwd, env: Object.fromEntries(scope), text };
  }
  const op = FILE_OPS.get(program);
  if (op) return { kind: 'file', op, args, cwd, text };
  if (program === 'echo' || program === 'printf') {
    if (!output?.target) return { kind: 'file', op: 'noop', args, cwd, text };
    if (program === 'printf') return { kind: 'skip', text, reason: 'printf formats are not interpreted by the runtime' };
    const words = argsWithoutFlags(command).map((w) => expand(w, scope));
    const content = hasFlag(command, 'n') ? words.join(' ') : `${words.join(' ')}\n`;
    return {
      kind: 'file',
      op: 'write',
      args: [],
      cwd,
      text,
      redirect: { append: output.op.endsWith('>>'), target: cleanPath(expand(output.target, scope), cwd), content },
    };
  }
  if (NO_EFFECT.has(program)) return { kind: 'file', op: 'noop', args, cwd, text };
  return { kind: 'skip', text, reason: skipReason(program, command) };
}
