import type { Rule } from '../../types.ts';
import { parseImageRef } from './support.ts';

export const baseImageNotPinned: Rule = {
  id: 'base-image-not-pinned',
  title: 'Pin base images by digest',
  severity: 'info',
  category: 'security',
  aliases: {},
  docs: {
    rationale: `A tag such as \`node:22-slim\` is a name the publisher moves: every rebuild of the official images (a new Node.js patch, a Debian security update) points it at a different image. Two builds of the same Dockerfile can then differ, a cached layer can silently sit on a different base than a fresh build, and if a registry account were compromised, the tag could be pointed at anything.

A digest names one exact image: \`FROM node:22-slim@sha256:<digest>\` always pulls the same bytes, and Docker checks them. Keep the tag in front of the digest so readers still see the version (Docker ignores it once a digest is given), and let a bot (Renovate, Dependabot) bump the digest so you still receive security fixes.

\`scratch\`, earlier stages (\`FROM build\`) and references made only of a build argument (\`FROM $BASE\`) are not flagged: they are not pulled from a registry, or are chosen at build time.`,
    bad: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
    good:
      '# The digest `docker buildx imagetools inspect node:22-slim` prints (this one is a placeholder)\nFROM node:22-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nCOPY . .\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    for (const stage of ctx.resolved.stages) {
      if (stage.baseStage !== null) continue;
      const raw = stage.from.image.trim();
      // A reference written only as a variable is chosen at build time.
      if (/^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(raw)) continue;
      const value = stage.base.value.trim();
      // A variable without a value: the reference is only known at build time.
      if (stage.base.unmatched.length > 0 || stage.base.error !== null) continue;
      if (value === '' || value.toLowerCase() === 'scratch') continue;
      if (parseImageRef(value).digest !== null) continue;
      ctx.report({
        range: stage.base.range,
        message: `\`${value}\` is not pinned by digest: the tag can point at a different image on the next build. Use \`${value}@sha256:<digest>\``,
      });
    }
  },
};
