/**
 * The version check hadolint shares between `yum install` (DL3033) and `dnf install` (DL3041):
 * a package is pinned when it is an `.rpm` file or has a `-version` part, and a version written
 * as a variable counts when that variable is an ARG, or an ENV of the stage (or of the stage it
 * builds on).
 */
import type { Range } from '../../../parse/types.ts';
import type { RuleContext } from '../../types.ts';
import { type HArg, type HCommand, argsNoFlags, cmdHasArgs, fromKey, passes, runsAny, viewOf, wordRange } from './support.ts';

interface VersionState {
  stage: number;
  aliases: Map<number, string>;
  envs: Map<number, Set<string>>;
  args: Set<string>;
}

function versionChar(c: string): boolean {
  return /[A-Za-z0-9.~^_:+]/.test(c);
}

function envDefined(state: VersionState | null, pkg: string): boolean {
  if (!state) return false;
  const used = (v: string) => pkg.includes('${' + v + '}');
  return [...(state.envs.get(state.stage) ?? [])].some(used) || [...state.args].some(used);
}

function packageVersionFixed(state: VersionState | null, pkg: string): boolean {
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  if (pkg.endsWith('.rpm')) return true;
  if (pkg.includes('$')) return envDefined(state, pkg);
  const rest = parts.slice(1);
  return rest.every((p) => [...p].every(versionChar)) && rest.some((p) => /^[0-9]/.test(p));
}

/** Reports each RUN of the Dockerfile (and, separately, of its ONBUILD triggers) that installs unpinned packages. */
export function checkRpmVersions(ctx: RuleContext, names: readonly string[], moduleWords: readonly string[], message: string): void {
  if (!runsAny(ctx, names)) return;
  const isModule = (c: HCommand) => cmdHasArgs(c, names, moduleWords);
  const installed = (c: HCommand): HArg[] =>
    cmdHasArgs(c, names, ['install']) ? argsNoFlags(c).filter((a) => a.text !== 'install' && a.text !== 'module') : [];
  for (const pass of passes(ctx)) {
    let state: VersionState | null = null;
    const fresh = (stage: number, alias: string): VersionState => ({
      stage,
      aliases: new Map([[stage, alias]]),
      envs: new Map([[stage, new Set<string>()]]),
      args: new Set<string>(),
    });
    for (const { instruction } of pass) {
      switch (instruction.keyword) {
        case 'FROM': {
          const key = fromKey(instruction)!;
          const alias = key.alias ?? '';
          if (!state) {
            state = fresh(1, alias);
            break;
          }
          const next = state.stage + 1;
          let parent = next;
          for (const [index, name] of state.aliases) {
            if (name === key.name) {
              parent = index;
              break;
            }
          }
          const inherited = new Set(state.envs.get(parent) ?? []);
          state.stage = next;
          state.aliases.set(next, alias);
          state.envs.set(next, inherited);
          break;
        }
        case 'ENV': {
          const keys = instruction.pairs.map((p) => p.key);
          if (!state) state = fresh(0, '');
          for (const k of keys) state.envs.get(state.stage)?.add(k);
          break;
        }
        case 'ARG': {
          if (!state) state = fresh(0, '');
          for (const d of instruction.definitions) state.args.add(d.name);
          break;
        }
        case 'RUN': {
          const view = viewOf(ctx, instruction);
          let bad: Range | null = null;
          for (const c of view.commands) {
            if (bad) break;
            if (!isModule(c)) {
              const p = installed(c).find((a) => !packageVersionFixed(state, a.text));
              if (p) bad = wordRange(ctx, view, p.word);
            }
          }
          for (const c of view.commands) {
            if (bad) break;
            if (!cmdHasArgs(c, names, ['module'])) continue;
            const m = installed(c).find((a) => !a.text.includes(':'));
            if (m) bad = wordRange(ctx, view, m.word);
          }
          if (bad) ctx.report({ range: bad, message });
          break;
        }
        default:
          break;
      }
    }
  }
}
