import type { Rule } from '../../types.ts';
import { commandRange, keywordCount, visit } from './support.ts';

export const noCdUseWorkdir: Rule = {
  id: 'no-cd-use-workdir',
  title: 'Use WORKDIR to switch to a directory, not `cd` in RUN',
  severity: 'warning',
  category: 'maintainability',
  aliases: { hadolint: ['DL3003'] },
  docs: {
    rationale: `Each \`RUN\` starts a new shell in the working directory, so a \`cd\` lasts only until the end of that \`RUN\`. Builds that rely on it are easy to break: the next instruction silently runs somewhere else, and paths written relative to the \`cd\` stop resolving when someone splits or reorders the commands.

\`WORKDIR /app\` sets the directory for every following \`RUN\`, \`COPY\`, \`CMD\` and \`ENTRYPOINT\`, creates it if needed, and shows up in the image config. hadolint calls this DL3003; like hadolint, the rule flags any \`cd\` command in a \`RUN\`, ONBUILD triggers included.`,
    bad: 'FROM golang:1.23\nCOPY . /src\nRUN cd /src && go build -o /bin/app .\n',
    good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'RUN') === 0) return;
    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword !== 'RUN') continue;
      const cd = ctx.scriptOf(instruction)?.commands.find((c) => c.name === 'cd');
      if (cd) ctx.report({ range: commandRange(ctx, instruction, cd), message: 'Use WORKDIR to switch to a directory.' });
    }
  },
};
