import { argsWithoutFlags, flagValue, programName } from '../../../script/index.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { CopyInstruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { chainSteps, commandsOf, isPip, nodeInstall, subcommand, type Cmd } from './support.ts';

/** A dependency install that only needs the manifest files, and which files those are. */
function dependencyInstall(command: ShellCommand): { label: string; manifests: string } | null {
  const prog = programName(command);
  const install = nodeInstall(command);
  if (install && install.kind === 'project') {
    if (install.pm === 'npm') return { label: `npm ${install.verb.value}`, manifests: 'package.json and package-lock.json' };
    if (install.pm === 'yarn') return { label: install.verb === command.nameWord ? 'yarn' : 'yarn install', manifests: 'package.json and yarn.lock' };
    return { label: 'pnpm install', manifests: 'package.json and pnpm-lock.yaml' };
  }
  const verb = subcommand(command, ['o']);
  const args = argsWithoutFlags(command).map((a) => a.value);
  const requirement = flagValue(command, 'r', 'requirement');
  if (isPip(prog) && verb === 'install' && requirement) return { label: `pip install -r ${requirement}`, manifests: requirement };
  if (/^python[0-9.]*$/.test(prog) && command.args[0]?.value === '-m' && /^pip/.test(command.args[1]?.value ?? '') && requirement) {
    return { label: `pip install -r ${requirement}`, manifests: requirement };
  }
  if (prog === 'poetry' && verb === 'install') return { label: 'poetry install', manifests: 'pyproject.toml and poetry.lock (install with --no-root first)' };
  if (prog === 'uv' && verb === 'sync') return { label: 'uv sync', manifests: 'pyproject.toml and uv.lock (sync with --no-install-project first)' };
  if (prog === 'pipenv' && verb === 'install') return { label: 'pipenv install', manifests: 'Pipfile and Pipfile.lock' };
  if (prog === 'go' && verb === 'mod' && args[1] === 'download') return { label: 'go mod download', manifests: 'go.mod and go.sum' };
  if (prog === 'bundle' && (verb === 'install' || verb === undefined || verb === null)) return { label: 'bundle install', manifests: 'Gemfile and Gemfile.lock' };
  if ((prog === 'composer' || prog === 'composer.phar') && verb === 'install') return { label: 'composer install', manifests: 'composer.json and composer.lock (install with --no-scripts --no-autoloader first)' };
  if (prog === 'dotnet' && verb === 'restore') return { label: 'dotnet restore', manifests: 'the *.csproj / *.sln files' };
  if (prog === 'cargo' && verb === 'fetch') return { label: 'cargo fetch', manifests: 'Cargo.toml and Cargo.lock' };
  return null;
}

/** `COPY . .`, `COPY ./ /app`, `ADD . /src`: the whole build context. */
function copiesWholeContext(copy: CopyInstruction): boolean {
  if (copy.from !== null) return false;
  return copy.sources.some((s) => /^(\.\/?|\.\/\.|\*)$/.test(s.value.trim()));
}

export const copyAllBeforeInstall: Rule = {
  id: 'copy-all-before-install',
  title: 'Copy dependency manifests and install before copying the rest of the code',
  severity: 'warning',
  category: 'cache',
  aliases: {},
  docs: {
    rationale: `Docker reuses a layer only if the instruction and everything before it are unchanged, and for a \`COPY\` "unchanged" means every copied file has the same content. After \`COPY . .\`, any edit (one line of one source file) invalidates that layer and **every layer after it**. If the dependency install comes after, it runs again on every build: minutes of downloading and compiling the same packages, for a change that did not touch them.

Copy only the files the install reads first, install, then copy the rest:

\`\`\`dockerfile
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
\`\`\`

Now a code change only invalidates the last \`COPY\` and what follows; the install layer comes from the cache until the manifest or lockfile changes. The same order works for \`pip install -r requirements.txt\`, \`go mod download\` (go.mod, go.sum), \`bundle install\` (Gemfile, Gemfile.lock), \`composer install\`, \`poetry install --no-root\`, \`uv sync --no-install-project\` and \`dotnet restore\`.

The rule reports a copy of the whole build context (\`COPY . .\`, \`ADD . /app\`) that comes before a dependency install in the same stage (or a stage it is built \`FROM\`).`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const reported = new Set<CopyInstruction>();
    for (const stage of ctx.resolved.stages) {
      const own = new Set(stage.steps);
      let whole: CopyInstruction | null = null;
      for (const { step } of chainSteps(ctx, stage)) {
        const i = step.instruction;
        if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !whole && copiesWholeContext(i)) whole = i;
        if (i.keyword !== 'RUN' || !whole || !own.has(step) || reported.has(whole)) continue;
        let found: { cmd: Cmd; label: string; manifests: string } | null = null;
        for (const cmd of commandsOf(ctx, i)) {
          const install = dependencyInstall(cmd.command);
          if (install) {
            found = { cmd, ...install };
            break;
          }
        }
        if (!found) continue;
        reported.add(whole);
        const source = whole.sources.find((s) => /^(\.\/?|\.\/\.|\*)$/.test(s.value.trim())) ?? whole.sources[0];
        ctx.report({
          range: source ? { start: source.range.start, end: (whole.destination ?? source).range.end } : whole.range,
          message: `\`${whole.keyword} ${whole.sources.map((s) => s.value).join(' ')} ${whole.destination?.value ?? ''}\` comes before \`${found.label}\` (line ${i.range.start.line}): every code change reruns the install. Copy ${found.manifests} first, install, then copy the rest`,
        });
      }
    }
  },
};
