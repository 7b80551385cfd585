/**
 * Finds the dependency-install steps of a Dockerfile: the RUNs that download the project's
 * dependencies from its manifest (`npm ci`, `pnpm install`, `pip install -r`, `cargo build` of a
 * dependency-only manifest, ...). These are the steps the layer-order lesson wants cached.
 */
import type { RunInstruction } from '../parse/types.ts';
import { argsWithoutFlags, parseShellScript, programName, runScript } from '../script/index.ts';
import type { ShellCommand } from '../script/types.ts';
import type { ResolvedDockerfile } from '../stages/types.ts';

export interface InstallStep {
  stage: number;
  line: number;
  run: RunInstruction;
  /** The install command as written, e.g. "npm ci --omit=dev". */
  command: string;
}

/** Whether a command installs the project's dependencies (not a global tool, not an OS package). */
export function installsDependencies(command: ShellCommand): boolean {
  const program = programName(command);
  const args = argsWithoutFlags(command).map((w) => w.value);
  const verb = args[0];
  const global = command.args.some((a) => a.value === '-g' || a.value === '--global');
  switch (program) {
    case 'npm':
      return !global && (verb === 'ci' || ((verb === 'install' || verb === 'i') && args.length === 1));
    case 'pnpm':
    case 'bun':
      return !global && (verb === 'install' || verb === 'i' || (program === 'pnpm' && verb === 'fetch'));
    case 'yarn':
      return !global && (verb === undefined || verb === 'install');
    case 'pip':
    case 'pip3':
      // `pip install -r requirements.txt` (or `.`): the project's, not a named tool.
      return verb === 'install' && command.args.some((a) => a.value === '-r' || a.value.startsWith('--requirement') || a.value === '.');
    case 'python':
    case 'python3':
      return args[0] === 'pip' && args[1] === 'install' && command.args.some((a) => a.value === '-r');
    case 'poetry':
    case 'uv':
      return verb === 'install' || verb === 'sync';
    case 'cargo':
      return verb === 'fetch' || verb === 'build';
    case 'go':
      return verb === 'mod' && args[1] === 'download';
    case 'bundle':
      return verb === 'install' || verb === undefined;
    default:
      return false;
  }
}

/**
 * The first install step of each of the given stages, in source order. Only the first: a later
 * `cargo build` in the same stage compiles the project itself, and must rerun after an edit.
 */
export function installSteps(resolved: ResolvedDockerfile, stages: readonly number[]): InstallStep[] {
  const out: InstallStep[] = [];
  for (const index of stages) {
    const stage = resolved.stages[index];
    if (!stage) continue;
    for (const step of stage.steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      const script = runScript(step.instruction);
      if (!script) continue;
      const command = parseShellScript(script.text).commands.find((c) => c.depth === 0 && installsDependencies(c));
      if (command) {
        out.push({ stage: index, line: step.instruction.range.start.line, run: step.instruction, command: script.text.slice(command.start, command.end).trim() });
        break;
      }
    }
  }
  return out;
}
