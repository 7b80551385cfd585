/**
 * Rules share what they derive within one lint (the chain of stages a stage is built on, a RUN's
 * commands): a rule that changed a shared list would change what the rules after it see. These
 * cases run a rule that walks a chain backwards before rules that read it forwards.
 */
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/engine/rules/lint.ts';
import { finalStageRunsAsRoot } from '../../../src/engine/rules/catalog/layerwise/final-stage-runs-as-root.ts';
import { nodeEnvNotProduction } from '../../../src/engine/rules/catalog/layerwise/node-env-not-production.ts';

const SOURCE = 'FROM node:22 AS base\nENV NODE_ENV=development\n\nFROM base\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('shared chains of stages', () => {
  it('keep their order for the rules that run after one that walks them backwards', () => {
    const alone = lintDockerfile(SOURCE, { rules: [finalStageRunsAsRoot] }).findings;
    const after = lintDockerfile(SOURCE, { rules: [nodeEnvNotProduction, finalStageRunsAsRoot] }).findings;
    expect(alone.map((f) => f.rule)).toEqual(['final-stage-runs-as-root']);
    expect(after.map((f) => [f.rule, f.range.start.line])).toEqual([
      ['node-env-not-production', 2],
      ['final-stage-runs-as-root', 4],
    ]);
    expect(after.find((f) => f.rule === 'final-stage-runs-as-root')?.message).toBe(alone[0]!.message);
  });
});
