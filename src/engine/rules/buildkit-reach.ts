/**
 * How far BuildKit gets with a Dockerfile, for the build checks: it runs each check at one point
 * of reading and converting the file (`BuildkitPhase`), and a build error ends everything after
 * it. A check that BuildKit never gets to reports nothing, though the same rule may still report
 * as a hadolint rule.
 */
import type { CopyInstruction, ParseResult } from '../parse/types.ts';
import type { ResolvedDockerfile, Stage } from '../stages/types.ts';

/**
 * Where BuildKit runs a build check (see `Rule.buildkitRunsIn`):
 * - 'lines': while its parser reads the lines (parser.Parse);
 * - 'instructions': in its instruction parser (instructions.Parse), as each instruction is read;
 * - 'validation': on the parsed stages, before anything is expanded (validateStageNames,
 *   validateCommandCasing, validateBaseImagesWithDefaultArgs);
 * - 'stages': while each FROM is expanded, stage by stage in file order;
 * - 'images': while the base images are resolved, once every FROM has been read;
 * - 'dispatch': while the instructions are converted, stage by stage (the default).
 */
export type BuildkitPhase = 'lines' | 'instructions' | 'validation' | 'stages' | 'images' | 'dispatch';

/**
 * The line of the instruction BuildKit's instruction parser stops at (`instructions.Parse`): the
 * first it rejects, or the first before any FROM that is not an ARG ("no build stage in current
 * context"); null when it gets through the file.
 */
export function instructionParserStop(parsed: ParseResult): number | null {
  let stop: number | null = null;
  for (const e of parsed.errors) if (e.kind === 'instruction' && (stop === null || e.range.start.line < stop)) stop = e.range.start.line;
  for (const i of parsed.instructions) {
    if (i.keyword === 'FROM') break;
    if (i.keyword !== 'ARG') {
      if (stop === null || i.range.start.line < stop) stop = i.range.start.line;
      break;
    }
  }
  return stop;
}

/**
 * The first error of BuildKit's conversion (dockerfile2llb's toDispatchState), after the
 * instruction parser has read the whole file:
 * - a global ARG default that fails to expand: buildMetaArgs fails before any FROM is read
 *   (phase 'stages', line 0);
 * - a FROM whose image or `--platform` fails to expand or expands to nothing ("base name (...)
 *   should not be blank"): the stage loop stops at that FROM (phase 'stages', its line);
 * - a `COPY --from` naming its own stage (a circular dependency) or a stage index that does not
 *   exist: the build fails before any image is resolved (phase 'images');
 * - an instruction with a word that fails to expand, or a `COPY --from` of a stage defined later
 *   ("it needs to be defined before current stage"): the conversion stops there (phase
 *   'dispatch', its line).
 */
export interface ConversionHalt {
  phase: 'stages' | 'images' | 'dispatch';
  line: number;
}

export function conversionHalt(resolved: ResolvedDockerfile): ConversionHalt | null {
  if (resolved.globalArgError) return { phase: 'stages', line: 0 };
  for (const stage of resolved.stages) {
    const words = stage.platform ? [stage.base, stage.platform] : [stage.base];
    if (words.some((w) => w.error !== null || w.value === '')) return { phase: 'stages', line: stage.from.range.start.line };
  }
  let dispatch: ConversionHalt | null = null;
  for (const stage of resolved.stages) {
    for (const step of stage.steps) {
      const instruction = step.instruction;
      const failed = step.expansions.some((e) => e.error !== null);
      let copied: number | 'missing' | null = null;
      if (!failed && instruction.keyword === 'COPY' && (instruction as CopyInstruction).from !== null) {
        const word = step.expansions.find((e) => e.field === 'from');
        copied = stageReferenced(resolved.stages, word ? word.value : (instruction as CopyInstruction).from!, true);
        if (copied === 'missing' || copied === stage.index) return { phase: 'images', line: instruction.range.start.line };
      }
      if (dispatch === null && (failed || (typeof copied === 'number' && copied > stage.index))) {
        dispatch = { phase: 'dispatch', line: instruction.range.start.line };
      }
    }
  }
  return dispatch;
}

/**
 * The stage a `--from` names, as BuildKit's toCommand and `findStateByName` find it: with
 * `byIndex` (COPY), a number is a stage index ('missing' when no stage has it); otherwise the
 * last stage of that name, compared in lower case; null for an image.
 */
export function stageReferenced(stages: readonly Stage[], ref: string, byIndex: boolean): number | 'missing' | null {
  // Atoi fails on values out of int64's range: the value is then read as a name.
  if (byIndex && /^[+-]?\d+$/.test(ref) && BigInt.asIntN(64, BigInt(ref)) === BigInt(ref)) {
    const index = Number(ref);
    return index >= 0 && index < stages.length ? index : 'missing';
  }
  const name = ref.toLowerCase();
  return stages.findLast((s) => s.name === name)?.index ?? null;
}

/**
 * Whether BuildKit gets to run a check of `phase` on `line`: nothing when its parser rejects the
 * file; up to the instruction its instruction parser stops at, only what runs in that parser;
 * after a conversion error, only what runs before it.
 */
export function reachesLine(
  phase: BuildkitPhase,
  line: number,
  reach: { parses: boolean; parserStop: number | null; halt: () => ConversionHalt | null },
): boolean {
  if (!reach.parses) return false;
  if (phase === 'lines') return true;
  // The instruction it stops at is checked first (the check runs as it is read).
  if (reach.parserStop !== null) return phase === 'instructions' && line <= reach.parserStop;
  if (phase === 'instructions' || phase === 'validation') return true;
  const halt = reach.halt();
  if (halt === null) return true;
  if (phase === 'stages') return halt.phase !== 'stages' || line <= halt.line;
  if (phase === 'images') return halt.phase === 'dispatch';
  // On the instruction that fails, the rules themselves tell what runs before the error (an ARG
  // checks each name before expanding its default; an ENV expands all its words first).
  return halt.phase === 'dispatch' && line <= halt.line;
}
