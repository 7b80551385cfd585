import type { Rule } from '../../types.ts';
import { commandRange, eachRunWith } from './support.ts';

const POINTLESS_NAMES = ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];
const POINTLESS = new Set(POINTLESS_NAMES);

export const noPointlessCommands: Rule = {
  id: 'no-pointless-commands',
  title: 'Do not run interactive or system-management commands in RUN',
  severity: 'info',
  category: 'correctness',
  aliases: { hadolint: ['DL3001'] },
  docs: {
    rationale: `A \`RUN\` step executes once, at build time, in a throwaway container with no init system, no terminal and no running services. Commands such as \`service nginx start\`, \`vim\`, \`top\`, \`ps\`, \`ssh\`, \`kill\`, \`mount\` or \`shutdown\` either hang waiting for input, fail for lack of privileges, or change state that is thrown away when the step ends: a service "started" in a \`RUN\` is not running when the container starts.

Start long-running processes from \`CMD\`/\`ENTRYPOINT\`, and configure files with \`COPY\` or non-interactive tools (\`sed\`, \`printf\`). hadolint calls this DL3001 and checks for \`free\`, \`kill\`, \`mount\`, \`ps\`, \`service\`, \`shutdown\`, \`ssh\`, \`top\` and \`vim\`.`,
    bad: 'FROM debian:12-slim\nRUN service nginx start\n',
    good: 'FROM debian:12-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
  },
  check(ctx) {
    eachRunWith(ctx, POINTLESS_NAMES, (view) => {
      const cmd = view.commands.find((c) => POINTLESS.has(c.name));
      if (!cmd) return;
      ctx.report({
        range: commandRange(ctx, view, cmd),
        message:
          'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`',
      });
    });
  },
};
