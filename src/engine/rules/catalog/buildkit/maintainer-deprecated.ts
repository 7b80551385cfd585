import type { SingleValueInstruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { reportAt } from './support.ts';

const CHECK = 'MaintainerDeprecated';

export const maintainerDeprecated: Rule = {
  id: 'maintainer-deprecated',
  title: 'Use a label instead of MAINTAINER',
  severity: 'warning',
  category: 'maintainability',
  aliases: { hadolint: ['DL4000'], buildkit: CHECK },
  // BuildKit checks it in its instruction parser (instructions/parse.go), up to where that stops.
  buildkitRunsIn: 'instructions',
  docs: {
    rationale: `\`MAINTAINER\` has been deprecated since Docker 1.13. It writes the image's \`Author\` field, which few tools read; the standard place for the author is the OCI label \`org.opencontainers.image.authors\`, which registries, scanners and \`docker inspect\` show alongside the other \`org.opencontainers.image.*\` labels.

Docker's build checks call this *MaintainerDeprecated*; hadolint calls it DL4000. The fix rewrites the instruction as that label, with the same text (quoted, and escaped so no variable is expanded: MAINTAINER never expanded any).`,
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'MAINTAINER', false) === 0) return;
    const escape = ctx.parsed.escapeCharacter;
    for (const instruction of ctx.parsed.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const value = (instruction as SingleValueInstruction).value;
      const quoted = [...value].map((ch) => (ch === '"' || ch === '$' || ch === escape ? escape + ch : ch)).join('');
      const label = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'label' : 'LABEL';
      const fixable = instruction.args.length === 1 && !/[\r\n]/.test(value);
      reportAt(ctx, CHECK, instruction, {
        range: instruction.keywordRange,
        message: 'Maintainer instruction is deprecated in favor of using label',
        ...(fixable
          ? {
              fix: {
                title: 'Replace with LABEL org.opencontainers.image.authors',
                edits: [{ range: instruction.range, text: `${label} org.opencontainers.image.authors="${quoted}"` }],
              },
            }
          : {}),
      });
    }
  },
};
