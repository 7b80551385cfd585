import { argsWithoutFlags, programName } from '../../../script/index.ts';
import type { Rule } from '../../types.ts';
import { chainOf, commandsOf, finalStage, nodeInstall, runsNode, startedProgram } from './support.ts';

/** Tools that build or install a Node.js project, and are not needed to run it. */
const BUILD_TOOLS = new Set(['pnpm', 'yarn', 'turbo', 'lerna', 'nx', 'typescript', 'tsc', '@nestjs/cli', 'rimraf', 'npm-run-all', 'corepack']);

function packageName(spec: string): string {
  // `pnpm@9.1.0`, `@nestjs/cli@10`, `yarn@latest`
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at > 0 ? spec.slice(0, at) : spec;
}

export const globalBuildToolInFinalStage: Rule = {
  id: 'global-build-tool-in-final-stage',
  title: 'Keep global build tools out of the final stage',
  severity: 'info',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `Package managers and build orchestrators (pnpm, Yarn, Turborepo, Nx, the TypeScript compiler) are needed to **install and build** a Node.js project, not to run it. Installed globally in the final stage (\`npm install -g pnpm\`, or \`corepack enable\`, which puts pnpm and yarn shims on the PATH and downloads the package manager on first use), they add their files to the image and their code to what an attacker inside the container can use, while the container only ever runs \`node\`.

Do the install and build in a build stage, where these tools belong, and copy the result (\`node_modules\` with production dependencies only, and the built files) into a final stage that only has Node.js. If the container really starts through the tool (\`CMD ["pnpm", "start"]\`), prefer starting \`node\` directly: the Node.js Docker team's best practices (nodejs/docker-node \`docs/BestPractices.md\`) note that npm in between swallows SIGTERM and SIGINT instead of passing them to Node.js.

The rule only reports when the final stage's command starts \`node\` itself.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nRUN npm install -g pnpm\nCOPY . .\nRUN pnpm install --prod --frozen-lockfile\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim AS deps\nWORKDIR /app\nRUN corepack enable\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --prod --frozen-lockfile\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const started = startedProgram(ctx, last);
    if (!started || !runsNode(started.argv)) return;
    for (const s of chainOf(ctx, last)) {
      for (const step of s.steps) {
        if (step.instruction.keyword !== 'RUN') continue;
        for (const cmd of commandsOf(ctx, step.instruction)) {
          const c = cmd.command;
          const prog = programName(c);
          if (prog === 'corepack') {
            const verb = argsWithoutFlags(c)[0];
            if (verb && verb.value === 'enable') {
              ctx.report({
                range: cmd.range,
                message: '`corepack enable` puts package-manager shims (pnpm, yarn) into the final stage, which only runs node: enable it in a build stage instead',
              });
            }
            continue;
          }
          const install = nodeInstall(c);
          if (!install || install.kind !== 'global') continue;
          const names = argsWithoutFlags(c, ['prefix', 'location', 'registry'])
            .slice(install.pm === 'yarn' ? 2 : 1)
            .map((w) => ({ word: w, name: packageName(w.value) }))
            .filter((p) => BUILD_TOOLS.has(p.name));
          for (const { word, name } of names) {
            ctx.report({
              range: cmd.wordRange(word),
              message: `\`${name}\` is installed globally in the final stage, which only runs node: it is needed to build, not to run. Install and build in a build stage, and copy the result`,
            });
          }
        }
      }
    }
  },
};
