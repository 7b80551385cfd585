/**
 * What a rule's page shows, computed at build time from the rule itself: the lines its bad
 * example is flagged on, the result of `layerwise lint --fix` on it, and how to silence it.
 * Nothing here is typed by hand, so a page cannot drift from what the engine does.
 */
import { marked } from 'marked';
import { applyEdits, lintDockerfile } from '../engine/rules/index.ts';
import type { Finding, LintOptions, Rule } from '../engine/rules/types.ts';

export interface RuleExample {
  source: string;
  /** Findings of this rule on the example (line, column, message). */
  findings: Finding[];
}

export interface RulePage {
  rule: Rule;
  rationaleHtml: string;
  bad: RuleExample;
  good: RuleExample;
  /** The bad example after `layerwise lint --fix`, when the rule has a mechanical fix. */
  fixed: string | null;
  fixTitle: string | null;
  /** The `.layerwise.json` the examples were linted with, when the rule needs options. */
  exampleConfig: string | null;
  /** Every name the rule answers to in pragmas, config and the CLI. */
  names: string[];
  ignore: { label: string; code: string }[];
}

/** Options a few rules need before they say anything; their pages show them with the examples. */
const EXAMPLE_OPTIONS: Readonly<Record<string, LintOptions>> = {
  'trusted-registry': { trustedRegistries: ['registry.corp.example'] },
};

function run(rule: Rule, source: string): Finding[] {
  const options = EXAMPLE_OPTIONS[rule.id];
  // Rules that are off by default are switched on for their own examples.
  const config = { rules: { [rule.id]: rule.severity }, ...(options ? { options } : {}) };
  return lintDockerfile(source, { rules: [rule], config }).findings.filter((f) => f.rule === rule.id);
}

export function namesOf(rule: Rule): string[] {
  return [rule.id, ...(rule.aliases.hadolint ?? []), ...(rule.aliases.buildkit ? [rule.aliases.buildkit] : [])];
}

export function rulePage(rule: Rule): RulePage {
  const badFindings = run(rule, rule.docs.bad);
  const edits = badFindings.flatMap((f) => f.fix?.edits ?? []);
  const fixed = edits.length > 0 ? applyEdits(rule.docs.bad, edits) : null;
  const ignore: RulePage['ignore'] = [
    { label: 'On the next instruction, with a reason', code: `# layerwise-ignore=${rule.id} why it does not apply here` },
    { label: 'For the whole Dockerfile', code: `# layerwise-ignore-file=${rule.id}` },
  ];
  for (const code of rule.aliases.hadolint ?? []) ignore.push({ label: 'hadolint’s pragma (also honoured)', code: `# hadolint ignore=${code}` });
  if (rule.aliases.buildkit) ignore.push({ label: 'BuildKit’s check directive, first line of the file (also honoured)', code: `# check=skip=${rule.aliases.buildkit}` });
  if (rule.defaultOff) ignore.unshift({ label: 'Off by default, as in hadolint: turn it on in .layerwise.json', code: JSON.stringify({ rules: { [rule.id]: 'on' } }, null, 2) });
  else ignore.push({ label: 'Everywhere, in .layerwise.json', code: JSON.stringify({ rules: { [rule.id]: 'off' } }, null, 2) });
  return {
    rule,
    rationaleHtml: marked.parse(rule.docs.rationale, { async: false }),
    bad: { source: rule.docs.bad, findings: badFindings },
    good: { source: rule.docs.good, findings: run(rule, rule.docs.good) },
    fixed,
    fixTitle: badFindings.find((f) => f.fix)?.fix?.title ?? null,
    exampleConfig: EXAMPLE_OPTIONS[rule.id] ? JSON.stringify(EXAMPLE_OPTIONS[rule.id], null, 2) : null,
    names: namesOf(rule),
    ignore,
  };
}
