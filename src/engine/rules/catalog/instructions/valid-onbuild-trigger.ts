import type { Range } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { keywordCount } from './support.ts';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const validOnbuildTrigger: Rule = {
  id: 'valid-onbuild-trigger',
  title: 'Do not use ONBUILD, FROM or MAINTAINER as an ONBUILD trigger',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3043'] },
  docs: {
    rationale: `\`ONBUILD\` stores an instruction to run when another Dockerfile builds \`FROM\` this image. Three instructions cannot be stored that way: \`ONBUILD\` itself (no chaining), \`FROM\` (the child already has its base) and \`MAINTAINER\`. Docker refuses the Dockerfile, so the image never builds.

hadolint calls this DL3043. Put the trigger's real work in a \`RUN\`, \`COPY\` or other allowed instruction, and set metadata with \`LABEL\`.`,
    bad: 'FROM node:22-slim\nONBUILD MAINTAINER "Ops <ops@example.com>"\nONBUILD COPY . /app\n',
    good: 'FROM node:22-slim\nLABEL org.opencontainers.image.authors="Ops <ops@example.com>"\nONBUILD COPY . /app\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'ONBUILD', false) === 0) return;
    for (const instruction of ctx.parsed.instructions) {
      if (instruction.keyword !== 'ONBUILD') continue;
      const trigger = instruction.trigger;
      let keyword: string | null = null;
      let range: Range = instruction.range;
      if (trigger) {
        keyword = trigger.keyword === 'UNKNOWN' ? trigger.keywordText.toUpperCase() : trigger.keyword;
        range = trigger.keywordRange;
      } else {
        const m = /^\s*ONBUILD\s+(\S+)/i.exec(instruction.original);
        keyword = m ? m[1]!.toUpperCase() : null;
      }
      if (keyword && FORBIDDEN.has(keyword)) {
        ctx.report({ range, message: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.' });
      }
    }
  },
};
