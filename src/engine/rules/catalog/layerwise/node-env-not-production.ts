import type { Rule } from '../../types.ts';
import { chainOf, finalStage, runsNode, startedProgram } from './support.ts';

export const nodeEnvNotProduction: Rule = {
  id: 'node-env-not-production',
  title: 'Set NODE_ENV=production in the final stage of a Node.js image',
  severity: 'info',
  category: 'correctness',
  aliases: {},
  docs: {
    rationale: `Much of the Node.js ecosystem reads \`NODE_ENV\` to choose between development and production behaviour: Express caches view templates and generates less verbose error messages only when it is \`production\` (Express's *Production best practices: performance and reliability*), many libraries skip development checks and verbose logging, and \`npm ci\`, \`yarn install\` and \`pnpm install\` leave out devDependencies when it is set. Unset, your image runs the development code paths, slower and more talkative, and an install in the final stage brings in every dev dependency.

The Node.js Docker team recommends running with \`NODE_ENV\` set to \`production\` (nodejs/docker-node \`docs/BestPractices.md\`). Set it in the final stage, before installing dependencies: \`ENV NODE_ENV=production\`. Set it there rather than in a build stage: a build often needs its devDependencies (TypeScript, a bundler).

The rule looks at the final stage (with the stages it is built \`FROM\`) when its \`CMD\`/\`ENTRYPOINT\` starts \`node\`, \`npm\`, \`yarn\` or \`pnpm\`. It is info because the value can also be given when the container is run (\`docker run -e NODE_ENV=production\`), which the Dockerfile cannot show.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const started = startedProgram(ctx, last);
    if (!started || !runsNode(started.argv, true)) return;
    const value = last.env.get('NODE_ENV');
    if (value === 'production') return;
    if (value !== undefined) {
      // Point at the ENV that set it, when it is in the Dockerfile.
      for (const s of [...chainOf(ctx, last)].reverse()) {
        for (const step of [...s.steps].reverse()) {
          const i = step.instruction;
          if (i.keyword !== 'ENV') continue;
          const pair = i.pairs.find((p) => p.key === 'NODE_ENV');
          if (pair) {
            ctx.report({
              range: pair.valueRange,
              message: `NODE_ENV is \`${value}\` in the final stage, which starts Node.js: set it to \`production\``,
            });
            return;
          }
        }
      }
      return;
    }
    ctx.report({
      range: started.instruction.args[0] ? { start: started.instruction.args[0].range.start, end: started.instruction.args.at(-1)!.range.end } : started.instruction.range,
      message: 'The final stage starts Node.js without NODE_ENV=production: frameworks run their development code paths. Add `ENV NODE_ENV=production`',
    });
  },
};
