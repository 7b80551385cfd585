import type { Rule } from '../../types.ts';
import { flagRange } from './support.ts';

export const noFromPlatformFlag: Rule = {
  id: 'no-from-platform-flag',
  title: 'Do not pin FROM --platform to a fixed platform',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3029'] },
  docs: {
    rationale: `\`FROM --platform=linux/amd64 node:22\` forces one architecture whatever the build asks for. On an ARM machine (an Apple silicon laptop, a Graviton server) the image then runs under emulation, several times slower, or not at all, and \`docker buildx build --platform linux/arm64,linux/amd64\` quietly produces two amd64 images.

Leave the flag out so the stage follows the requested target platform, or use \`--platform=$BUILDPLATFORM\` for a builder stage that cross-compiles natively. hadolint calls this DL3029; like hadolint, the rule accepts any value that uses \`BUILDPLATFORM\` or \`TARGETPLATFORM\`.`,
    bad: 'FROM --platform=linux/amd64 node:22-slim\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    // Every FROM starts a stage.
    for (const { from: instruction } of ctx.resolved.stages) {
      if (instruction.platform === null) continue;
      const p = instruction.platform;
      if (p.includes('BUILDPLATFORM') || p.includes('TARGETPLATFORM')) continue;
      ctx.report({ range: flagRange(instruction, 'platform'), message: 'Do not use --platform flag with FROM' });
    }
  },
};
