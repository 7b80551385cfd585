import type { Rule } from '../../types.ts';
import { commandRange, passes, viewOf, runsAny } from './support.ts';

export const curlOrWgetNotBoth: Rule = {
  id: 'curl-or-wget-not-both',
  title: 'Use either wget or curl, not both',
  severity: 'warning',
  category: 'size',
  aliases: { hadolint: ['DL4001'] },
  docs: {
    rationale: `\`curl\` and \`wget\` do the same job. Using both in one stage means both (and their TLS libraries) have to be installed, which is a few megabytes of extra packages and two sets of CVEs to follow, and two sets of flags for retries, redirects and failures to get right.

Pick one per stage; \`curl -fsSLO\` and \`wget -q\` cover the usual downloads. Like hadolint (DL4001), the rule reports each \`RUN\` that uses one of them once both have appeared in the stage.`,
    bad: 'FROM debian:12-slim\nRUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
    good: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
  },
  check(ctx) {
    if (!runsAny(ctx, ['curl']) || !runsAny(ctx, ['wget'])) return;
    for (const pass of passes(ctx)) {
      const seen = new Set<string>();
      for (const { instruction } of pass) {
        if (instruction.keyword === 'FROM') {
          seen.clear();
          continue;
        }
        if (instruction.keyword !== 'RUN') continue;
        const view = viewOf(ctx, instruction);
        const tools = view.commands.filter((c) => c.name === 'curl' || c.name === 'wget');
        for (const t of tools) seen.add(t.name);
        if (tools.length > 0 && seen.size >= 2) {
          ctx.report({ range: commandRange(ctx, view, tools[0]!), message: 'Either use Wget or Curl but not both' });
        }
      }
    }
  },
};
