import type { Rule } from '../../types.ts';

/**
 * hadolint's inline pragma, `# hadolint ignore=DL3008,SC2086`, as the linter itself honours it
 * (codes or rule ids); the `global` form is not matched.
 */
const PRAGMA = /^([ \t]*)#[ \t]*hadolint[ \t]+ignore[ \t]*=[ \t]*[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*[ \t]*$/;

export const noInlineIgnorePragma: Rule = {
  id: 'no-inline-ignore-pragma',
  title: 'Do not silence rules with inline `# hadolint ignore=` comments',
  severity: 'style',
  category: 'maintainability',
  aliases: { hadolint: ['DL1001'] },
  // hadolint ships DL1001 with severity "ignore" (src/Hadolint/Rule/DL1001.hs): opt-in only.
  defaultOff: true,
  docs: {
    rationale: `An inline \`# hadolint ignore=DL3008\` comment switches a rule off for the next instruction, and nothing makes anyone look at it again: the reason is rarely written down, and the exception outlives the situation that justified it. Teams that want every exception reviewed in one place keep them in the linter's configuration file instead, where a change shows up in review.

hadolint ships this rule (DL1001) with severity *ignore*, and so does Layerwise: it is off unless the configuration turns it on (\`"DL1001": "on"\` reports it as style). The \`global\` form (\`# hadolint global ignore=...\`) is not flagged.`,
    bad: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
  },
  check(ctx) {
    // Lines inside heredoc bodies are data, not Dockerfile comments.
    const inHeredoc = new Set<number>();
    for (const instruction of ctx.parsed.instructions) {
      const docs = instruction.keyword === 'ONBUILD' && instruction.trigger ? instruction.trigger.heredocs : instruction.heredocs;
      for (const doc of docs) for (let l = doc.range.start.line; l <= doc.range.end.line; l++) inHeredoc.add(l);
    }
    ctx.lines.forEach((text, i) => {
      const line = i + 1;
      if (inHeredoc.has(line)) return;
      const m = PRAGMA.exec(text);
      if (!m) return;
      ctx.report({
        range: { start: { line, column: m[1]!.length + 1 }, end: { line, column: text.trimEnd().length + 1 } },
        message: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
      });
    });
  },
};
