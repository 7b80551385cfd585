import type { Rule } from '../../types.ts';
import { imageRange } from '../instructions/support.ts';

export const setUserInFinalStage: Rule = {
  id: 'set-user-in-final-stage',
  title: 'Set a USER in the final stage',
  severity: 'style',
  category: 'security',
  // Proposed to hadolint as DL3063 with severity "ignore" (pull request #1032, not merged;
  // hadolint 2.15 gave DL3063 to reserved stage names): opt-in here too.
  aliases: {},
  defaultOff: true,
  docs: {
    rationale: `Without a \`USER\`, the image runs as whatever user its base image ends with, which for most official images (\`debian\`, \`python\`, \`golang\`, \`nginx\`) is root. Nothing in the Dockerfile then tells a reader, or a reviewer, which user the application runs as; stating it makes the choice explicit and lets security tooling check it.

Add \`USER\` with an unprivileged user (or numeric UID) after the last \`FROM\`. The rule asks for it there even when the stage builds on one that set a user: it is about saying so where a reader looks. It was proposed to hadolint with severity *ignore* (as DL3063, a code hadolint 2.15 gave to reserved stage names instead), and Layerwise keeps it off unless the configuration turns it on (\`"set-user-in-final-stage": "on"\` reports it as style). The security question, whether the container really runs as root, is *final-stage-runs-as-root*'s, on by default; when both report, only that finding is kept.`,
    bad: 'FROM python:3.13-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    good: 'FROM python:3.13-slim\nCOPY app.py /app/\nUSER 10001\nCMD ["python", "/app/app.py"]\n',
  },
  check(ctx) {
    const last = ctx.resolved.stages.at(-1);
    if (!last) return;
    // hadolint resets at every FROM: only a USER after the last FROM counts (a base stage's does not).
    const hasUser = last.steps.some((st) => st.instruction.keyword === 'USER');
    if (!hasUser) ctx.report({ range: imageRange(last.from), message: 'A USER should be set after the last FROM' });
  },
};
