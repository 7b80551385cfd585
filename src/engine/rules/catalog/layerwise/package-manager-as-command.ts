import type { Rule } from '../../types.ts';
import { basename, finalStage, runtimeCommand, startedProgram } from './support.ts';

/** Inits that start the real command as their child: look through them to the program they run. */
const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init']);
const MANAGERS = new Set(['npm', 'yarn', 'pnpm']);
/** Package-manager subcommands that run a package.json script (the rest, like `npx`, are other tools). */
const RUNS_SCRIPT: Record<string, (args: readonly string[]) => string | null> = {
  npm: (a) => (a[0] === 'start' ? 'start' : ['run', 'run-script', 'rum', 'urn'].includes(a[0] ?? '') ? (a[1] ?? null) : null),
  pnpm: (a) => (a[0] === 'start' ? 'start' : a[0] === 'run' ? (a[1] ?? null) : null),
  // `yarn <script>` runs a script too, unless the word is one of yarn's own commands.
  yarn: (a) => (a[0] === 'run' ? (a[1] ?? null) : a[0] && !a[0].startsWith('-') && !YARN_COMMANDS.has(a[0]) ? a[0] : null),
};
const YARN_COMMANDS = new Set(['install', 'add', 'remove', 'up', 'upgrade', 'dlx', 'exec', 'node', 'workspace', 'workspaces', 'why', 'info', 'cache', 'config', 'set', 'bin', 'init', 'pack', 'npm', 'plugin', 'version', 'constraints', 'explain', 'link', 'unlink', 'rebuild', 'dedupe']);

export const packageManagerAsCommand: Rule = {
  id: 'package-manager-as-command',
  title: 'Start node directly, not through npm, yarn or pnpm',
  severity: 'info',
  category: 'correctness',
  aliases: {},
  docs: {
    rationale: `\`CMD ["npm", "start"]\` makes npm the container's main process: it reads \`package.json\` and runs the \`start\` script as its child, through a shell (\`sh -c\`). The signals \`docker stop\` sends (SIGTERM, then SIGKILL after the timeout) go to npm, not to your application, which then depends on npm relaying them to get a chance to shut down cleanly; the container also runs one more process than it needs, and needs npm at run time at all. yarn and pnpm behave the same way.

The Node.js best practices guide (goldbergyoni/nodebestpractices, *Bootstrap container using node command instead of npm*) recommends starting the application with node itself: copy the command out of the \`start\` script into the Dockerfile, \`CMD ["node", "src/server.js"]\`, and put an init in front if the process needs one (see *node-pid1-without-init*).

The rule looks at the final stage's effective command, through tini or dumb-init, and reports \`npm start\`, \`npm run <script>\`, \`pnpm start\`, \`pnpm run <script>\`, \`yarn <script>\` and \`yarn run <script>\`. Package-manager commands that are not scripts (\`npx\`, \`yarn node\`) are not reported.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const started = startedProgram(ctx, last);
    if (!started) return;
    let argv = started.argv;
    let instruction = started.instruction;
    if (INITS.has(basename(argv[0] ?? ''))) {
      // `ENTRYPOINT ["tini", "--"]` + `CMD ["npm", "start"]`: the CMD is the line to change.
      instruction = runtimeCommand(ctx, last).cmd ?? instruction;
      argv = argv.slice(1);
      while (argv[0]?.startsWith('-') && argv[0] !== '--') argv = argv.slice(1);
      if (argv[0] === '--') argv = argv.slice(1);
    }
    const manager = basename(argv[0] ?? '');
    if (!MANAGERS.has(manager)) return;
    const script = RUNS_SCRIPT[manager]!(argv.slice(1));
    if (script === null) return;
    const i = instruction;
    const range = i.args[0] ? { start: i.args[0].range.start, end: i.args.at(-1)!.range.end } : i.range;
    ctx.report({
      range,
      message: `The container starts \`${manager}\`, which runs the "${script}" script as its child: stop signals reach ${manager}, not your app. Start the script's command directly, e.g. \`CMD ["node", "src/server.js"]\``,
    });
  },
};
