import type { CmdInstruction } from '../../../parse/types.ts';
import { parseShellScript } from '../../../script/index.ts';
import type { Rule } from '../../types.ts';
import { baseImageTools } from './image-facts.ts';
import { basename, finalStage, runtimeCommand } from './support.ts';

const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init', 's6-svscan', 'init', 'pm2-runtime', 'supervisord', 'runsvdir']);
const NODE = new Set(['node', 'nodejs']);

/** The program PID 1 runs for one CMD/ENTRYPOINT: exec form as is; shell form only through `exec`. */
function pid1Program(instruction: CmdInstruction): string | null {
  if (instruction.form === 'exec') return instruction.command[0] ? basename(instruction.command[0]) : null;
  const first = parseShellScript(instruction.command.join(' ')).commands[0];
  if (!first || first.name !== 'exec') return null;
  const program = first.args.find((a) => !a.value.startsWith('-'));
  return program ? basename(program.value) : null;
}

export const nodePid1WithoutInit: Rule = {
  id: 'node-pid1-without-init',
  title: 'Run Node.js behind an init process',
  severity: 'info',
  category: 'correctness',
  aliases: {},
  docs: {
    rationale: `The program a container starts runs as PID 1, and Linux does not apply a signal's default action (terminate) to PID 1: only signals the process handles itself have an effect. Node.js's own reaction to SIGTERM and SIGINT falls back on that default action, so, in the words of the Node.js Docker team's best practices (nodejs/docker-node \`docs/BestPractices.md\`), "a Node.js process running as PID 1 will not respond to SIGINT (CTRL-C) and similar signals". With \`CMD ["node", "server.js"]\`, \`docker stop\` sends SIGTERM, nothing happens, and after its timeout (10 seconds by default) Docker sends SIGKILL: every stop or redeploy is slow, and the app never gets a chance to finish its requests. PID 1 is also the process that must reap orphaned child processes (zombies), which Node does not do.

Either:
- start the container with \`docker run --init\` (Compose: \`init: true\`), which puts Docker's bundled tini in front;
- or make it part of the image: install \`tini\` or \`dumb-init\` and use it as the entrypoint, \`ENTRYPOINT ["tini", "--"]\` (Alpine: \`apk add --no-cache tini\`; Debian: \`apt-get install -y --no-install-recommends tini\`, binary in \`/usr/bin/tini\`);
- and, in any case, handle SIGTERM in the app (\`process.on('SIGTERM', ...)\`) to close the server cleanly.

This rule is info: \`--init\` may be set where the container is run, which the Dockerfile cannot show. It looks at the final stage's effective \`ENTRYPOINT\`/\`CMD\`, including the official image's \`docker-entrypoint.sh\`, which ends with \`exec "$@"\` and so leaves node as PID 1, and distroless Node.js images, whose entrypoint is node.`,
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    const { entrypoint, cmd, entrypointSet } = runtimeCommand(ctx, last);
    let culprit: CmdInstruction | null = null;
    // Words of node's command line, node included: a bare `node` is the REPL the official
    // images default to, a base image rather than an application.
    let nodeWords = 0;
    const words = (i: CmdInstruction | null) => (!i ? 0 : i.form === 'exec' ? i.command.length : 2);
    if (entrypointSet && entrypoint) {
      const program = pid1Program(entrypoint);
      if (program === null || INITS.has(program)) return;
      if (NODE.has(program)) {
        culprit = entrypoint;
        nodeWords = words(entrypoint) + words(cmd);
      } else if (program === 'docker-entrypoint.sh' && cmd && NODE.has(pid1Program(cmd) ?? '')) {
        culprit = cmd;
        nodeWords = words(cmd);
      }
    } else if (cmd) {
      const baseEntry = baseImageTools(ctx, last)?.facts.entrypoint;
      if (baseEntry && NODE.has(baseEntry[0]!)) {
        if (cmd.form === 'exec') {
          culprit = cmd;
          nodeWords = 1 + words(cmd);
        }
      } else if (NODE.has(pid1Program(cmd) ?? '')) {
        culprit = cmd;
        nodeWords = words(cmd);
      }
    }
    if (!culprit || nodeWords < 2) return;
    const range = culprit.args[0] && culprit.form === 'exec' ? { start: culprit.args[0].range.start, end: culprit.args.at(-1)!.range.end } : (culprit.args[0]?.range ?? culprit.range);
    ctx.report({
      range,
      message: 'Node.js runs as PID 1 without an init: it ignores SIGTERM (docker stop waits 10 s, then kills it) and does not reap zombie processes. Use `ENTRYPOINT ["tini", "--"]` (or dumb-init), or run with `docker run --init`',
    });
  },
};
