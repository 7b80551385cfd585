import type { Rule } from '../../types.ts';
import { hasVariable, imageRange, parseImageRef } from './support.ts';

export const tagBaseImage: Rule = {
  id: 'tag-base-image',
  title: 'Tag the version of base images explicitly',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3006'] },
  docs: {
    rationale: `\`FROM node\` means \`FROM node:latest\`: whatever the publisher pushed most recently. The same Dockerfile then builds a different image next month, with a new major version of the runtime, a different distribution underneath, and new bugs, and nothing in your repository changed to explain it. Builds on two machines can disagree, and a rollback rebuilds a different image than the one you are rolling back to.

Name the version you tested with (\`node:22.11-bookworm-slim\`), or pin the digest (\`node@sha256:...\`) for a fully reproducible base. Like hadolint (DL3006), the rule accepts \`scratch\`, earlier build stages, references with a digest and images given by a variable.`,
    bad: 'FROM python\nCOPY app.py .\nCMD ["python", "app.py"]\n',
    good: 'FROM python:3.13-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n',
  },
  check(ctx) {
    const stageNames = new Set<string>();
    for (const stage of ctx.resolved.stages) {
      const from = stage.from;
      const raw = from.image;
      const earlierStage = stageNames.has(raw.toLowerCase());
      if (from.stageName) stageNames.add(from.stageName);
      if (raw === '' || earlierStage || hasVariable(raw)) continue;
      const ref = parseImageRef(raw);
      if (ref.path === 'scratch' || ref.digest !== null || ref.tag !== null) continue;
      ctx.report({ range: imageRange(from), message: 'Always tag the version of an image explicitly' });
    }
  },
};
