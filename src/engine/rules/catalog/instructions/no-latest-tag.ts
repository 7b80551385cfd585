import type { Rule } from '../../types.ts';
import { hasVariable, imageRange, parseImageRef } from './support.ts';

export const noLatestTag: Rule = {
  id: 'no-latest-tag',
  title: 'Do not use the `latest` tag for base images',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3007'] },
  docs: {
    rationale: `\`latest\` is not a version: it is a label the publisher moves to each new release. \`FROM nginx:latest\` builds on whatever was pushed last, so a rebuild with no change in your repository can bring a new major version, a new distribution release or a new default configuration, and two builds of the same commit can differ.

Pin the release you tested (\`nginx:1.27-alpine\`), and let a tool such as Renovate or Dependabot propose updates as reviewed changes. hadolint calls this DL3007; a reference that also pins a digest (\`nginx:latest@sha256:...\`) is fully pinned and is not flagged.`,
    bad: 'FROM nginx:latest\nCOPY site/ /usr/share/nginx/html/\n',
    good: 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      if (stage.baseStage !== null) continue;
      let image = stage.from.image;
      if (hasVariable(image)) {
        // The tag may come from an ARG: judge the expanded reference when it is known.
        if (stage.base.error !== null || stage.base.unmatched.length > 0) continue;
        image = stage.base.value;
      }
      const ref = parseImageRef(image);
      if (ref.tag !== 'latest' || ref.digest !== null) continue;
      ctx.report({
        range: imageRange(stage.from),
        message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      });
    }
  },
};
