import type { Rule } from '../../types.ts';
import { baseChain, imageRange } from './support.ts';

export const setUserInFinalStage: Rule = {
  id: 'set-user-in-final-stage',
  title: 'Set a USER in the final stage',
  severity: 'style',
  category: 'security',
  aliases: { hadolint: ['DL3063'] },
  docs: {
    rationale: `Without a \`USER\`, the image runs as whatever user its base image ends with, which for most official images (\`debian\`, \`python\`, \`golang\`, \`nginx\`) is root. Nothing in the Dockerfile then tells a reader, or a reviewer, which user the application runs as; stating it makes the choice explicit and lets security tooling check it.

Add \`USER\` with an unprivileged user (or numeric UID) to the final stage, or to a stage it builds on. hadolint ships this rule (DL3063) with severity *ignore*, so it only reports when a project opts in; Layerwise gives it the lowest severity, style.`,
    bad: 'FROM python:3.13-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.13-slim\nCOPY app.py /app/\nUSER 10001\nCMD ["python", "/app/app.py"]\n',
  },
  check(ctx) {
    const last = ctx.resolved.stages.at(-1);
    if (!last) return;
    const hasUser = [last, ...baseChain(ctx, last)].some((s) => s.steps.some((st) => st.instruction.keyword === 'USER'));
    if (!hasUser) ctx.report({ range: imageRange(last.from), message: 'A USER should be set after the last FROM' });
  },
};
