import type { Rule } from '../../types.ts';
import { chainOf, finalStage } from './support.ts';

export const missingHealthcheck: Rule = {
  id: 'missing-healthcheck',
  title: 'Give the final image a HEALTHCHECK',
  severity: 'info',
  category: 'correctness',
  aliases: { hadolint: ['DL3057'] },
  docs: {
    rationale: `Without a \`HEALTHCHECK\`, Docker only knows whether your process is *running*, not whether it *works*: a server stuck in a deadlock, or that lost its database connection, still shows as "Up". With one, \`docker ps\` shows \`healthy\`/\`unhealthy\`, Compose can wait for a service to be healthy (\`depends_on: condition: service_healthy\`), and Swarm replaces unhealthy containers.

Add a cheap check of the thing users rely on, e.g. \`HEALTHCHECK CMD ["node", "healthcheck.js"]\`, or a request to a \`/health\` endpoint with a tool the image has (see *healthcheck-tool-not-in-image*). Kubernetes ignores \`HEALTHCHECK\` and uses its own probes: if you deploy only there, turn this rule off.

Only the final stage is checked, with the stages it is built \`FROM\` (a \`HEALTHCHECK\` is inherited); \`HEALTHCHECK NONE\` counts as a decision. hadolint calls this rule DL3057 and leaves it off by default; Layerwise reports it as info, with the same message. hadolint also reports build stages that no later stage is built \`FROM\`; Layerwise only reports the final stage, since a build stage's \`HEALTHCHECK\` never runs.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nHEALTHCHECK --interval=30s --timeout=3s CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const has = chainOf(ctx, last).some((s) => s.steps.some((step) => step.instruction.keyword === 'HEALTHCHECK'));
    if (has) return;
    ctx.report({ range: last.from.range, message: '`HEALTHCHECK` instruction missing.' });
  },
};
