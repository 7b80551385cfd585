import { argsWithoutFlags, flagValue, hasFlag, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Rule } from '../../types.ts';
import { NODE_PACKAGE_MANAGERS, commandsOf, finalChainSteps, installsProductionOnly, nodeInstall, scopeAt, type Cmd } from './support.ts';

/** `export NODE_ENV=production` (and other exports) earlier in the same script. */
function withExports(scope: ReadonlyMap<string, string>, before: readonly Cmd[]): ReadonlyMap<string, string> {
  // Nothing exported: the scope as it is (read only), without a copy per command.
  if (!before.some(({ command }) => command.name === 'export')) return scope;
  const out = new Map(scope);
  for (const { command } of before) {
    if (command.name !== 'export') continue;
    for (const a of command.args) {
      const eq = a.value.indexOf('=');
      if (eq > 0) out.set(a.value.slice(0, eq), a.value.slice(eq + 1));
    }
  }
  return out;
}

/** `npm prune --omit=dev`, `npm prune --production`, `pnpm prune --prod`, `yarn workspaces focus --production`. */
function prunesDev(command: ShellCommand, scope: () => ReadonlyMap<string, string>): boolean {
  const prog = programName(command);
  if (!NODE_PACKAGE_MANAGERS.has(prog)) return false;
  const args = argsWithoutFlags(command, ['omit', 'include']);
  const verb = args[0]?.value;
  if (prog === 'npm' && verb === 'prune') {
    const values = command.args.map((a) => a.value);
    const omitDev = values.some((v, i) => v === '--omit=dev' || (v === '--omit' && values[i + 1] === 'dev'));
    return omitDev || (hasFlag(command, 'production') && flagValue(command, 'production') !== 'false') || scope().get('NODE_ENV') === 'production';
  }
  if (prog === 'pnpm' && verb === 'prune') return hasFlag(command, 'prod', 'P', 'production');
  if ((prog === 'yarn' || prog === 'yarnpkg') && verb === 'workspaces' && args[1]?.value === 'focus') return hasFlag(command, 'production');
  return false;
}

export const devDependenciesInFinalStage: Rule = {
  id: 'dev-dependencies-in-final-stage',
  title: 'Install only production dependencies in the final stage',
  severity: 'warning',
  category: 'size',
  aliases: {},
  docs: {
    rationale: `\`npm ci\`, \`npm install\`, \`yarn install\` and \`pnpm install\` install **devDependencies** too unless told not to: compilers, bundlers, test runners, linters and their own dependency trees. None of them run in production, yet in the final stage they all ship: more to download on every deploy, and more code for a vulnerability scanner (or an attacker) to find. In Layerwise's reference measurements (npm 11.19.1), a Vite + React project's \`node_modules\` is 121.9 MB with all dependencies and 24.4 MB with \`--omit=dev\`; a Fastify service's, 27.2 MB and 14.1 MB.

In the final stage, install production dependencies only:
- npm: \`npm ci --omit=dev\` (older npm: \`--production\`);
- Yarn 1: \`yarn install --production --frozen-lockfile\`;
- pnpm: \`pnpm install --prod --frozen-lockfile\`;
- or set \`ENV NODE_ENV=production\` first: all three then leave devDependencies out.

If the build needs devDependencies (TypeScript, a bundler), build in a separate stage and copy the output, or prune after building in the same stage (\`npm prune --omit=dev\`, \`pnpm prune --prod\`).

The rule checks the stages whose layers form the final image (the last stage and those it is built \`FROM\`). A \`npm install <package>\` that names packages, and global installs, are not project installs and are left alone.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const steps = finalChainSteps(ctx);
    const devInstalls: { cmd: Cmd; order: number; index: number; label: string }[] = [];
    const cleanups: { order: number; index: number }[] = [];
    for (const { step, order } of steps) {
      if (step.instruction.keyword !== 'RUN') continue;
      const cmds = commandsOf(ctx, step.instruction);
      for (let index = 0; index < cmds.length; index++) {
        const cmd = cmds[index]!;
        // Only the package managers install (nodeInstall) or prune (prunesDev): the other commands need no closure.
        if (!NODE_PACKAGE_MANAGERS.has(programName(cmd.command))) continue;
        // The variables in force are only worked out for the few commands that read them.
        const scope = () => withExports(scopeAt(ctx, step), cmds.slice(0, index));
        const install = nodeInstall(cmd.command);
        if (install && install.kind === 'project') {
          if (installsProductionOnly(install, cmd.command, scope())) cleanups.push({ order, index });
          else devInstalls.push({ cmd, order, index, label: `${cmd.command.name}${install.verb === cmd.command.nameWord ? '' : ` ${install.verb.value}`}` });
        } else if (prunesDev(cmd.command, scope)) {
          cleanups.push({ order, index });
        }
      }
    }
    for (const d of devInstalls) {
      const pruned = cleanups.some((c) => c.order > d.order || (c.order === d.order && c.index > d.index));
      if (pruned) continue;
      const how = d.label.startsWith('npm') ? '--omit=dev' : d.label.startsWith('pnpm') ? '--prod' : '--production';
      ctx.report({
        range: d.cmd.range,
        message: `\`${d.label}\` installs devDependencies into the final image: use \`${how}\` (or ENV NODE_ENV=production), or build in another stage and prune`,
      });
    }
  },
};
