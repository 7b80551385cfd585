/**
 * hadolint's spec helpers (test/Helpers.hs) over one rule: `ruleCatches` wants at least one
 * finding, the ONBUILD variants wrap every RUN in `ONBUILD` and want exactly one (or none).
 */
import { expect } from 'vitest';
import type { Rule } from '../../../../src/engine/rules/index.ts';
import { findings } from '../support.ts';

const text = (lines: string | string[]) => (Array.isArray(lines) ? lines.join('\n') : lines) + '\n';
const onbuild = (source: string) => source.replace(/^RUN /gim, 'ONBUILD RUN ');

export function ruleCatches(rule: Rule, source: string | string[]): void {
  expect(findings(rule, text(source)).length, text(source)).toBeGreaterThan(0);
}

export function ruleCatchesNot(rule: Rule, source: string | string[]): void {
  expect(findings(rule, text(source)), text(source)).toEqual([]);
}

export function onBuildRuleCatches(rule: Rule, source: string | string[]): void {
  expect(findings(rule, onbuild(text(source))).length, onbuild(text(source))).toBe(1);
}

export function onBuildRuleCatchesNot(rule: Rule, source: string | string[]): void {
  expect(findings(rule, onbuild(text(source))), onbuild(text(source))).toEqual([]);
}

/** Both the plain and the ONBUILD check, as most hadolint specs do. */
export function catchesBoth(rule: Rule, source: string | string[]): void {
  ruleCatches(rule, source);
  onBuildRuleCatches(rule, source);
}

export function catchesNeither(rule: Rule, source: string | string[]): void {
  ruleCatchesNot(rule, source);
  onBuildRuleCatchesNot(rule, source);
}
