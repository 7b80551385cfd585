/**
 * What the two cross-compilation rules share: the `go build`s of the stages whose output another
 * stage takes, and where each stage runs (the build platform or the target one).
 */
import type { RunInstruction } from '../../../parse/types.ts';
import { programName } from '../../../script/index.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';
import { commandsOf, finalStage, stagesFeedingFinal, subcommand, type Cmd } from './support.ts';

/** go's flags that take a value, so that `go -C dir build` still reads as a build. */
const GO_VALUE_FLAGS = ['C'];

export interface GoBuild {
  stage: Stage;
  step: Step;
  run: RunInstruction;
  cmd: Cmd;
  /** `xx-go` (tonistiigi/xx) sets GOOS, GOARCH and GOARM from TARGETPLATFORM by itself. */
  xx: boolean;
}

/**
 * `go build` / `go install` (and `xx-go build`) in stages that are not the image itself but
 * whose files reach it: the stages that compile for another stage, the ones worth moving to the
 * build platform.
 */
export function goBuildsFeedingImage(ctx: RuleContext): GoBuild[] {
  const last = finalStage(ctx);
  const feeding = stagesFeedingFinal(ctx);
  // The stages the final one is built on (FROM build) run on its platform: they are the image.
  const image = new Set<number>();
  for (let s: Stage | undefined = last ?? undefined; s; s = s.baseStage !== null ? ctx.resolved.stages[s.baseStage] : undefined) {
    if (image.has(s.index)) break;
    image.add(s.index);
  }
  const out: GoBuild[] = [];
  for (const stage of ctx.resolved.stages) {
    if (!feeding.has(stage.index) || image.has(stage.index)) continue;
    for (const step of stage.steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      const run = step.instruction;
      for (const cmd of commandsOf(ctx, run)) {
        const program = programName(cmd.command);
        if (program !== 'go' && program !== 'xx-go') continue;
        const verb = subcommand(cmd.command, GO_VALUE_FLAGS);
        if (verb === 'build' || verb === 'install') out.push({ stage, step, run, cmd, xx: program === 'xx-go' });
      }
    }
  }
  return out;
}

/** How a stage's `FROM --platform` places it. */
export type StagePlacement = 'build-platform' | 'target-platform' | 'constant' | 'other';

export function placement(stage: Stage): StagePlacement {
  const platform = stage.platform;
  if (!platform) return 'target-platform';
  const raw = stage.from.platform ?? platform.raw;
  if (/\$\{?BUILDPLATFORM\b/.test(raw)) return 'build-platform';
  if (/^\$\{?TARGETPLATFORM\}?$/.test(raw.trim())) return 'target-platform';
  if (platform.matched.length === 0 && platform.unmatched.length === 0) return 'constant';
  return 'other';
}
