import type { Rule } from '../../types.ts';
import { keywordCount } from '../instructions/support.ts';
import { exposedPorts } from './expose.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { reportAt } from './support.ts';

const CHECK = 'ExposeInvalidFormat';

function message(word: string): string {
  return `EXPOSE instruction should not define an IP address or host-port mapping, found '${word}'`;
}

export const exposeInvalidFormat: Rule = {
  id: 'expose-invalid-format',
  title: 'Do not put IP addresses or host ports in EXPOSE',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  docs: {
    rationale: `EXPOSE documents the ports the container listens on; it publishes nothing. \`EXPOSE 127.0.0.1:8080:80\` or \`EXPOSE 8080:80\` look like \`docker run -p\` mappings, but Docker keeps only the container port (\`80/tcp\`) and silently drops the address and host port, so the Dockerfile promises something that never happens. Publish ports with \`docker run -p\` or in Compose.

Docker's build checks call this *ExposeInvalidFormat*, and Docker has announced it will become an error.`,
    bad: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
    good: 'FROM nginx:1.27\nEXPOSE 80\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'EXPOSE') === 0) return;
    for (const stage of ctx.resolved.stages) {
      // The ONBUILD triggers of the stage this one builds on run first, located at its FROM.
      for (const step of triggerSteps(ctx, stage)) {
        if (step.instruction.keyword !== 'EXPOSE') continue;
        for (const port of exposedPorts(step)) {
          if (port.ip === '' && port.hostPort === '') continue;
          ctx.report({ range: triggerRange(stage), message: message(port.word) });
        }
      }
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'EXPOSE') continue;
        for (const port of exposedPorts(step)) {
          if (port.ip === '' && port.hostPort === '') continue;
          reportAt(ctx, CHECK, step.instruction, {
            range: port.range,
            message: message(port.word),
          });
        }
      }
    }
  },
};
