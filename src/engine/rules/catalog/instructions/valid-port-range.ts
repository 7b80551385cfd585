import type { Rule } from '../../types.ts';
import { hasVariable, keywordCount, visit } from './support.ts';

const PORT = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]*)?$/;

export const validPortRange: Rule = {
  id: 'valid-port-range',
  title: 'EXPOSE only ports from 0 to 65535',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3011'] },
  docs: {
    rationale: `TCP and UDP port numbers are 16-bit: 65535 is the largest there is. \`EXPOSE 80800\` is a typo that no tool will ever connect to, and \`docker run -P\` or an orchestrator reading the image config fails on it or silently skips it.

hadolint calls this DL3011. Ports given by a variable (\`EXPOSE $PORT\`) are only known at build time and are not checked.`,
    bad: 'FROM nginx:1.27-alpine\nEXPOSE 80800\n',
    good: 'FROM nginx:1.27-alpine\nEXPOSE 8080\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'EXPOSE') === 0) return;
    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword !== 'EXPOSE') continue;
      const bad = instruction.args.find((arg) => {
        if (hasVariable(arg.value)) return false;
        const m = PORT.exec(arg.value);
        if (!m) return false;
        return Number(m[1]) > 65535 || (m[2] !== undefined && Number(m[2]) > 65535);
      });
      if (bad) ctx.report({ range: bad.range, message: 'Valid UNIX ports range from 0 to 65535' });
    }
  },
};
