import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';
import { conversionHalt, instructionParserStop, reachesLine } from '../../../src/engine/rules/buildkit-reach.ts';
import { allRules, lintDockerfile } from '../../../src/engine/rules/index.ts';
import { resolveStages } from '../../../src/engine/stages/index.ts';

const halt = (src: string) => conversionHalt(resolveStages(parseDockerfile(src)));
/** The build-check names reported, with their lines. */
const checks = (src: string) =>
  lintDockerfile(src, { rules: allRules })
    .findings.flatMap((f) => f.aliases.filter((a) => /^[A-Z][a-z]/.test(a)).map((a) => [f.range.start.line, a]));

describe('conversionHalt: the first error of BuildKit’s conversion', () => {
  it('a global ARG default that fails to expand stops before any FROM', () => {
    expect(halt('ARG X=${Y:?required}\nFROM alpine\n')).toEqual({ phase: 'stages', line: 0 });
    // With the value given as a build arg, the default is never expanded.
    expect(conversionHalt(resolveStages(parseDockerfile('ARG X=${Y:?required}\nFROM alpine\n'), { buildArgs: { X: '1' } }))).toBeNull();
  });

  it('a FROM that fails to expand or is blank stops the stage loop there', () => {
    expect(halt('FROM alpine AS a\nFROM $UNSET\nFROM a\n')).toEqual({ phase: 'stages', line: 2 });
    expect(halt('FROM ${X:?no}\n')).toEqual({ phase: 'stages', line: 1 });
    expect(halt('ARG P\nFROM --platform=$P alpine\n')).toEqual({ phase: 'stages', line: 2 });
  });

  it('COPY --from its own stage or a stage index that does not exist fails before the images', () => {
    expect(halt('FROM alpine AS a\nCOPY --from=a /x /y\n')).toEqual({ phase: 'images', line: 2 });
    expect(halt('FROM alpine\nCOPY --from=3 /x /y\n')).toEqual({ phase: 'images', line: 2 });
    expect(halt('FROM alpine\nCOPY --from=-1 /x /y\n')).toEqual({ phase: 'images', line: 2 });
    // Out of int64's range, the value is a name: an image, not an index.
    expect(halt('FROM alpine\nCOPY --from=99999999999999999999 /x /y\n')).toBeNull();
  });

  it('a word that fails to expand, or COPY --from a later stage, stops the dispatch there', () => {
    expect(halt('FROM alpine\nENV A=1\nWORKDIR ${D:?no}\nENV B=2\n')).toEqual({ phase: 'dispatch', line: 3 });
    expect(halt('FROM alpine AS a\nCOPY --from=B /x /y\nFROM alpine AS b\n')).toEqual({ phase: 'dispatch', line: 2 });
    expect(halt('FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /x /y\nCOPY --from=0 /x /z\nCOPY --from=node:22 /x /w\n')).toBeNull();
  });
});

describe('reachesLine', () => {
  const reach = (h: ReturnType<typeof conversionHalt>, parserStop: number | null = null) => ({ parses: true, parserStop, halt: () => h });
  it('follows the phase order of BuildKit', () => {
    const stages = reach({ phase: 'stages', line: 5 });
    expect(reachesLine('validation', 9, stages)).toBe(true);
    expect(reachesLine('stages', 5, stages)).toBe(true);
    expect(reachesLine('stages', 6, stages)).toBe(false);
    expect(reachesLine('images', 1, stages)).toBe(false);
    expect(reachesLine('dispatch', 1, stages)).toBe(false);
    const dispatch = reach({ phase: 'dispatch', line: 5 });
    expect(reachesLine('images', 9, dispatch)).toBe(true);
    expect(reachesLine('dispatch', 5, dispatch)).toBe(true);
    expect(reachesLine('dispatch', 6, dispatch)).toBe(false);
    expect(reachesLine('lines', 9, { parses: false, parserStop: null, halt: () => null })).toBe(false);
    expect(reachesLine('instructions', 3, reach(null, 3))).toBe(true);
    expect(reachesLine('validation', 1, reach(null, 3))).toBe(false);
  });

  it('the instruction parser stops at a rejected instruction or at anything but ARG before FROM', () => {
    expect(instructionParserStop(parseDockerfile('ARG A\nFROM alpine\nBADCMD\n'))).toBe(3);
    expect(instructionParserStop(parseDockerfile('ARG A\nRUN x\nFROM alpine\n'))).toBe(2);
    expect(instructionParserStop(parseDockerfile('FROM alpine\nRUN x\n'))).toBeNull();
  });
});

describe('build checks stop where BuildKit does', () => {
  it('a blank FROM: warnings up to it, none from the instructions', () => {
    const src = 'FROM alpine AS a\nENV key value\nFROM $BASE\nWORKDIR rel\n';
    // InvalidDefaultArgInFrom runs before any FROM is expanded; UndefinedArgInFrom as line 3 is.
    expect(checks(src)).toEqual([
      [3, 'InvalidDefaultArgInFrom'],
      [3, 'UndefinedArgInFrom'],
    ]);
  });

  it('an instruction that fails to expand: dispatch warnings before it, and the casing checks', () => {
    const src = 'FROM alpine\nENV key value\nenv A=${X:?no}\nENV other value\n';
    // Line 3 reports the variable it fails on (reported as the word is expanded), line 4 nothing.
    expect(checks(src)).toEqual([
      [2, 'LegacyKeyValueFormat'],
      [2, 'SecretsUsedInArgOrEnv'],
      [3, 'ConsistentInstructionCasing'],
      [3, 'UndefinedVar'],
    ]);
  });

  it('what hadolint also reports stays, under hadolint’s name', () => {
    const found = lintDockerfile('FROM $BASE\nWORKDIR rel\n', { rules: allRules }).findings.filter((f) => f.rule === 'workdir-relative-path');
    expect(found.map((f) => f.aliases)).toEqual([['DL3000']]);
  });
});
