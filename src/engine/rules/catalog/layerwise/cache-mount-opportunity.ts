import { argsWithoutFlags, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Rule } from '../../types.ts';
import { scopeWithBase } from './image-facts.ts';
import { commandsOf, finalChain, isPip, nodeInstall, scopeAt, subcommand } from './support.ts';

const CACHE_TOOLS = new Set(['npm', 'yarn', 'yarnpkg', 'pnpm', 'apt-get', 'apt', 'go', 'cargo', 'uv', 'mvn', 'mvnw', 'gradle', 'gradlew', 'bundle']);

/** The programs `cacheTargets` can answer for. */
function mayFillCache(prog: string): boolean {
  return CACHE_TOOLS.has(prog) || isPip(prog) || /^python[0-9.]*$/.test(prog);
}

/** The cache directories a command would reuse from a cache mount, or null when it has none worth mounting. */
function cacheTargets(command: ShellCommand, home: string, env: ReadonlyMap<string, string>): { tool: string; targets: string[] } | null {
  const prog = programName(command);
  const install = nodeInstall(command);
  if (install) {
    if (install.pm === 'npm') return { tool: 'npm', targets: [`${home}/.npm`] };
    if (install.pm === 'yarn') return { tool: 'yarn', targets: ['/usr/local/share/.cache/yarn'] };
    return { tool: 'pnpm', targets: [`${home}/.local/share/pnpm/store`] };
  }
  const verb = subcommand(command, ['o', 'm']);
  const args = argsWithoutFlags(command).map((a) => a.value);
  if (prog === 'pnpm' && verb === 'fetch') return { tool: 'pnpm', targets: [`${home}/.local/share/pnpm/store`] };
  if (isPip(prog) && verb === 'install') return { tool: 'pip', targets: [`${home}/.cache/pip`] };
  if (/^python[0-9.]*$/.test(prog) && command.args[0]?.value === '-m' && isPip(command.args[1]?.value ?? '') && command.args.some((a) => a.value === 'install')) {
    return { tool: 'pip', targets: [`${home}/.cache/pip`] };
  }
  if ((prog === 'apt-get' || prog === 'apt') && verb === 'install') return { tool: 'apt-get', targets: ['/var/cache/apt', '/var/lib/apt'] };
  if (prog === 'go' && (verb === 'build' || verb === 'install' || (verb === 'mod' && args[1] === 'download'))) {
    const gopath = env.get('GOPATH') ?? '/go';
    return { tool: 'go', targets: verb === 'mod' ? [`${gopath}/pkg/mod`] : [`${home}/.cache/go-build`, `${gopath}/pkg/mod`] };
  }
  if (prog === 'cargo' && (verb === 'build' || verb === 'install' || verb === 'fetch')) {
    const cargoHome = env.get('CARGO_HOME') ?? `${home}/.cargo`;
    return { tool: 'cargo', targets: [`${cargoHome}/registry`] };
  }
  if (prog === 'uv' && (verb === 'sync' || (verb === 'pip' && (args[1] === 'install' || args[1] === 'sync')))) return { tool: 'uv', targets: [`${home}/.cache/uv`] };
  if ((prog === 'mvn' || prog === 'mvnw') && args.some((a) => /^(package|install|verify|compile|dependency:go-offline|dependency:resolve)$/.test(a))) return { tool: 'mvn', targets: [`${home}/.m2`] };
  if ((prog === 'gradle' || prog === 'gradlew') && args.some((a) => /^(build|assemble|bootJar|jar|installDist|shadowJar|dependencies)$/.test(a))) return { tool: 'gradle', targets: [`${home}/.gradle`] };
  if (prog === 'bundle' && verb === 'install') return { tool: 'bundle', targets: ['/usr/local/bundle/cache'] };
  return null;
}

export const cacheMountOpportunity: Rule = {
  id: 'cache-mount-opportunity',
  title: 'Use a cache mount for downloads in build stages',
  severity: 'info',
  category: 'cache',
  aliases: {},
  docs: {
    rationale: `When a layer's cache is invalidated (you changed \`package.json\`, or the build runs on a fresh CI machine), the whole install runs again and downloads every package again, although most did not change. A cache mount keeps the package manager's download cache in BuildKit between builds, outside the image:

\`\`\`dockerfile
RUN --mount=type=cache,target=/root/.npm npm ci
\`\`\`

The next install finds its packages locally and only downloads what changed. In a build stage this is pure gain: nothing of the mount ends up in any layer, so you can also drop \`--no-cache-dir\`/\`cache clean\` there.

Usual targets (as root): npm \`/root/.npm\`, Yarn 1 \`/usr/local/share/.cache/yarn\`, pnpm its store (\`/root/.local/share/pnpm/store\`), pip \`/root/.cache/pip\`, Go \`/root/.cache/go-build\` and \`/go/pkg/mod\`, cargo \`/usr/local/cargo/registry\` on the rust image, uv \`/root/.cache/uv\`, Maven \`/root/.m2\`, Gradle \`/root/.gradle\`. For apt, mount \`/var/cache/apt\` and \`/var/lib/apt\` with \`sharing=locked\` and remove \`/etc/apt/apt.conf.d/docker-clean\` first, since Debian's images delete downloaded packages after each install. On CI, the mount only helps when the builder is kept between runs.

The rule is info and only looks at stages that are not part of the final image; for the final image, *package-cache-in-layer* and hadolint's cache rules say what stays in the layers. Where hadolint's DL3042 asks for \`pip install --no-cache-dir\`, a cache mount is the alternative that also speeds up rebuilds.`,
    bad: 'FROM node:22 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    good: 'FROM node:22 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
  },
  check(ctx) {
    const shipped = new Set(finalChain(ctx).map((s) => s.index));
    for (const stage of ctx.resolved.stages) {
      if (shipped.has(stage.index)) continue;
      for (const step of stage.steps) {
        const run = step.instruction;
        if (run.keyword !== 'RUN') continue;
        if (run.mounts.some((m) => m.type === 'cache')) continue;
        const cmds = commandsOf(ctx, run);
        // The variables are only worked out for a RUN that runs a tool with a download cache.
        if (!cmds.some(({ command }) => mayFillCache(programName(command)))) continue;
        const scope = scopeWithBase(ctx, stage, scopeAt(ctx, step));
        const home = scope.get('HOME') ?? '/root';
        for (const cmd of cmds) {
          const found = cacheTargets(cmd.command, home, scope);
          if (!found) continue;
          const mounts = found.targets.map((t) => `--mount=type=cache,target=${t}${found.tool === 'apt-get' ? ',sharing=locked' : ''}`).join(' ');
          ctx.report({
            range: cmd.range,
            message: `\`${found.tool}\` downloads everything again whenever this layer is rebuilt: \`RUN ${mounts}\` keeps its cache between builds${found.tool === 'apt-get' ? ' (remove /etc/apt/apt.conf.d/docker-clean first)' : ''}`,
          });
          break;
        }
      }
    }
  },
};
