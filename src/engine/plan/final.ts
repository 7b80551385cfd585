/**
 * What the final image starts: ENTRYPOINT then CMD as Docker combines them, inherited through
 * `FROM <stage>`, and the process a JavaScript runtime can start for it.
 */
import { processWord } from '../parse/shell/lex.ts';
import type { CmdInstruction } from '../parse/types.ts';
import { parseShellScript, programOf } from '../script/index.ts';
import { cleanPath } from '../simulate/fs.ts';
import type { Stage } from '../stages/types.ts';
import { PROCESS_PROGRAMS } from './commands.ts';
import type { FinalCommand, PlannedStage } from './types.ts';

/** PID 1 helpers that start the rest of the command line (`tini --`, `dumb-init`). */
const INIT_WRAPPERS = new Set(['tini', 'dumb-init', 'docker-init']);

/**
 * Docker's rules: CMD in exec form is ENTRYPOINT's arguments; an ENTRYPOINT in shell form ignores
 * CMD; setting ENTRYPOINT drops a CMD inherited from the base (BuildKit keeps a CMD set earlier
 * in the same stage).
 */
export function planFinalCommand(chain: readonly Stage[], final: PlannedStage, imageEntrypoint: readonly string[] | null = null): FinalCommand | null {
  let entry: CmdInstruction | null = null;
  let cmd: CmdInstruction | null = null;
  for (const stage of chain) {
    let cmdSetHere = false;
    for (const step of stage.steps) {
      const i = step.instruction;
      if (i.keyword === 'CMD') {
        cmd = i;
        cmdSetHere = true;
      } else if (i.keyword === 'ENTRYPOINT') {
        entry = i;
        if (!cmdSetHere) cmd = null;
      }
    }
  }
  // No ENTRYPOINT in the Dockerfile: the base image's own applies (distroless nodejs runs node),
  // with CMD as its arguments, as Docker combines them.
  if (!entry && !cmd) return null;
  const inherited = !entry && imageEntrypoint && imageEntrypoint.length > 0 ? imageEntrypoint : null;
  const shellForm = (i: CmdInstruction) => ['/bin/sh', '-c', i.command.join(' ')];
  let argv: string[];
  if (entry) argv = entry.form === 'shell' ? shellForm(entry) : [...entry.command, ...(cmd ? (cmd.form === 'shell' ? shellForm(cmd) : cmd.command) : [])];
  else argv = [...(inherited ?? []), ...(cmd!.form === 'shell' ? shellForm(cmd!) : cmd!.command)];
  const form = inherited ? 'exec' : (entry ?? cmd)!.form;
  const line = (entry ?? cmd)!.range.start.line;
  const env = final.env;
  const started = startable(argv, form, final.workdir, new Map(Object.entries(env)));
  return {
    argv,
    form,
    run: 'program' in started ? started : null,
    unsupported: 'reason' in started ? started.reason : null,
    line,
    cwd: final.workdir,
    env,
    user: final.user,
  };
}

type Startable = { program: string; args: string[]; cwd: string } | { reason: string };

function startable(argv: string[], form: 'exec' | 'shell', workdir: string, env: ReadonlyMap<string, string>): Startable {
  let words = argv;
  let cwd = workdir;
  if (form === 'shell' || (argv[0] === '/bin/sh' && argv[1] === '-c')) {
    // `/bin/sh -c "cd x && exec node y"`: the shell model gives the commands; one (after cd) is startable.
    const script = parseShellScript(argv[2] ?? '');
    const commands = script.commands.filter((c) => c.depth === 0);
    const main = commands.filter((c) => c.name !== 'cd');
    if (main.length !== 1 || commands.some((c) => c.connector !== 'start' && c.connector !== '&&')) {
      return { reason: `the shell command "${argv[2] ?? ''}" is more than one program; the runtime starts a single program` };
    }
    for (const c of commands) if (c.name === 'cd' && c.start < main[0]!.start) cwd = cleanPath(expandWord(c.args[0]?.raw ?? '/', env), cwd);
    const command = main[0]!;
    words = [command.name, ...command.args.map((w) => expandWord(w.raw, env))];
  }
  if (words[0] === 'exec') words = words.slice(1);
  while (words.length > 0 && INIT_WRAPPERS.has(programOf(words[0]!))) {
    words = words.slice(1);
    if (words[0] === '--') words = words.slice(1);
  }
  const program = words[0] ?? '';
  const name = programOf(program);
  if (!(PROCESS_PROGRAMS as readonly string[]).includes(name)) {
    return { reason: `${program || 'an empty command'} is not a program the runtime can start (it starts node, npm, npx and pnpm)` };
  }
  return { program: name, args: words.slice(1), cwd };
}

function expandWord(raw: string, env: ReadonlyMap<string, string>): string {
  const result = processWord(raw, env);
  return result.error ? raw : result.value;
}
