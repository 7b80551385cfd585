import { goToLower } from '../../../parse/go-text.ts';
import type { Rule } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { exposedPorts } from './expose.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { isGoLower, reportAt } from './support.ts';

const CHECK = 'ExposeProtoCasing';

function message(word: string): string {
  return `Defined protocol '${word}' in EXPOSE instruction should be lowercase`;
}

export const exposeProtoCasing: Rule = {
  id: 'expose-proto-casing',
  title: 'Write the EXPOSE protocol in lowercase',
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: CHECK },
  docs: {
    rationale: `\`EXPOSE 80/TCP\` works (Docker lowercases the protocol), but the image config, \`docker inspect\` and every tool that reads ports write \`80/tcp\`. Mixed spellings make the Dockerfile look like it declares different things from what the image shows.

Docker's build checks call this *ExposeProtoCasing*. The fix lowercases the protocol.`,
    bad: 'FROM nginx:1.27\nEXPOSE 80/TCP 443/Tcp\n',
    good: 'FROM nginx:1.27\nEXPOSE 80/tcp 443/tcp\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'EXPOSE') === 0) return;
    for (const stage of ctx.resolved.stages) {
      // The ONBUILD triggers of the stage this one builds on run first, located at its FROM.
      for (const step of triggerSteps(ctx, stage)) {
        if (step.instruction.keyword !== 'EXPOSE') continue;
        for (const port of exposedPorts(step)) {
          if (isGoLower(port.proto)) continue;
          ctx.report({ range: triggerRange(stage), message: message(port.word) });
        }
      }
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'EXPOSE') continue;
        for (const port of exposedPorts(step)) {
          if (isGoLower(port.proto)) continue;
          const fixable = port.literal && port.range.start.line === port.range.end.line;
          const at = port.word.lastIndexOf('/');
          const fixed = port.word.slice(0, at + 1) + goToLower(port.proto);
          reportAt(ctx, CHECK, step.instruction, {
            range: port.range,
            message: message(port.word),
            ...(fixable ? { fix: { title: 'Lowercase the protocol', edits: [{ range: port.range, text: fixed }] } } : {}),
          });
        }
      }
    }
  },
};
