import { findRule } from '../../rules/registry.ts';
import type { ObjectiveCheck } from '../types.ts';
import type { Evaluation, GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'rule' }>;

/** A lint rule (by id, hadolint code or build-check name) must be absent, or present. */
export function ruleObjective(check: Check, facts: GradeFacts): Evaluation {
  const rule = findRule(check.rule);
  if (!rule) return { passed: false, message: `Unknown rule "${check.rule}" (the exercise is wrong)`, line: null };
  const found = facts.findings.filter((f) => f.rule === rule.id);
  const first = found[0];
  if (!check.present) {
    if (!first) return { passed: true, message: `No ${rule.id} finding: ${lowerFirst(rule.title)}`, line: null };
    const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
    return { passed: false, message: `Line ${first.range.start.line}: ${first.message}${more}`, line: first.range.start.line };
  }
  if (first) return { passed: true, message: `${rule.id} reports line ${first.range.start.line}: ${first.message}`, line: first.range.start.line };
  return { passed: false, message: `${rule.id} reports nothing yet: the Dockerfile should ${lowerFirst(rule.title)}`, line: null };
}

/** "Use a cache mount" -> "use a cache mount", but an acronym stays as it is ("HEALTHCHECK must ..."). */
function lowerFirst(title: string): string {
  return /^[A-Z][A-Z]/.test(title) ? title : `${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}
