/**
 * Helpers for rule tests: run one rule over a Dockerfile, and check that its fix works.
 */
import { expect } from 'vitest';
import { createIgnoreTest, type ContextSelection } from '../../../src/engine/context/index.ts';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';
import { applyEdits, lintDockerfile, type Finding, type LintContext, type LintInput, type Rule } from '../../../src/engine/rules/index.ts';

/** Runs one rule; a rule that is off by default is turned on ("on") unless `extra.config` says otherwise. */
export function findings(rule: Rule, source: string, extra: Partial<LintInput> = {}): Finding[] {
  const config = extra.config ?? (rule.defaultOff ? { rules: { [rule.id]: 'on' as const } } : undefined);
  const result = lintDockerfile(source, { rules: [rule], ...extra, ...(config ? { config } : {}) });
  expect(result.crashed).toEqual([]);
  return result.findings;
}

/** The 1-based lines the rule flags. */
export function flaggedLines(rule: Rule, source: string, extra: Partial<LintInput> = {}): number[] {
  return findings(rule, source, extra).map((f) => f.range.start.line);
}

/** Applies every fix the rule offers, then checks the result parses cleanly and is no longer flagged. */
export function expectFixed(rule: Rule, source: string, expected?: string, extra: Partial<LintInput> = {}): string {
  const found = findings(rule, source, extra);
  expect(found.length, 'the rule should flag the input').toBeGreaterThan(0);
  const edits = found.flatMap((f) => f.fix?.edits ?? []);
  expect(edits.length, 'the rule should offer a fix').toBeGreaterThan(0);
  const fixed = applyEdits(source, edits);
  if (expected !== undefined) expect(fixed).toBe(expected);
  expect(parseDockerfile(fixed).errors).toEqual([]);
  expect(findings(rule, fixed, extra)).toEqual([]);
  return fixed;
}

/** A build context made of in-memory paths, with a simple ignore test. */
export function fakeContext(files: string[], ignored: (path: string) => boolean = () => false, ignoreFile: string | null = null): LintContext {
  return {
    files: files.filter((f) => !ignored(f)).map((path) => ({ path, bytes: 100 })),
    excluded: files.filter(ignored),
    ignoreFile,
    isIgnored: ignored,
    exceptions: false,
  };
}

/** The lint context of a context selection (moby's patternmatcher deciding, as in the CLI). */
export function contextOfSelection(selection: ContextSelection): LintContext {
  return {
    files: selection.files,
    excluded: selection.excluded,
    ignoreFile: selection.ignoreFile,
    isIgnored: createIgnoreTest(selection.patterns),
    exceptions: selection.patterns.some((p) => p.exception),
  };
}
