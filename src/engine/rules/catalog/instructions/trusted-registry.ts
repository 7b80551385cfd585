import type { Range } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { expanded, flagRange, hasVariable, imageRange, parseImageRef, visit } from './support.ts';

/** hadolint's registry patterns: `*`, `*.example.com`, `registry.example.*` or an exact name. */
function matches(allow: string, registry: string): boolean {
  if (allow === '*') return true;
  if (allow.startsWith('*')) return registry.endsWith(allow.slice(1));
  if (allow.endsWith('*')) return registry.startsWith(allow.slice(0, -1));
  return registry === allow;
}

export const trustedRegistry: Rule = {
  id: 'trusted-registry',
  title: 'Pull images only from trusted registries',
  severity: 'error',
  category: 'security',
  aliases: { hadolint: ['DL3026'] },
  docs: {
    rationale: `Every image a build pulls runs code in your build and ships code in your product. Organisations that mirror and scan images in their own registry want every \`FROM\`, \`COPY --from=<image>\` and \`RUN --mount=from=<image>\` to go through it: an image pulled straight from a public registry skips the scanning, can change or vanish without notice, and is an easy way in for a supply-chain attack.

Set the allowed registries with the \`trustedRegistries\` option (\`*\` and prefix or suffix wildcards such as \`*.corp.example\` work); the rule says nothing while the list is empty. An image without a registry host comes from Docker Hub, so it is allowed when \`docker.io\` or \`hub.docker.com\` is in the list. hadolint calls this DL3026.`,
    bad: 'FROM node:22-slim\nCOPY . /app\n',
    good: 'FROM registry.corp.example/node:22-slim\nCOPY . /app\n',
  },
  check(ctx) {
    const allowed = ctx.options.trustedRegistries ?? [];
    if (allowed.length === 0) return;
    const registryAllowed = (registry: string) => allowed.some((a) => matches(a, registry));
    const imageAllowed = (image: string): boolean => {
      const ref = parseImageRef(image);
      if (ref.registry !== null) return registryAllowed(ref.registry);
      return ref.path === 'scratch' || registryAllowed('docker.io') || registryAllowed('hub.docker.com');
    };
    const stages = new Set<string>();
    const isStage = (name: string) => stages.has(name.toLowerCase()) || /^\d+$/.test(name);
    const report = (range: Range) => ctx.report({ range, message: 'Use only an allowed registry in the FROM image' });

    for (const { instruction, step } of visit(ctx, false)) {
      if (instruction.keyword === 'FROM') {
        const stage = ctx.stageOf(instruction);
        let image = instruction.image;
        let known = true;
        if (hasVariable(image)) {
          known = !!stage && stage.from === instruction && stage.base.error === null && stage.base.unmatched.length === 0;
          if (known) image = stage!.base.value;
        }
        if (known && image !== '' && !isStage(image) && !imageAllowed(image)) report(imageRange(instruction));
        if (instruction.stageName) stages.add(instruction.stageName);
      } else if (instruction.keyword === 'COPY' && instruction.from !== null) {
        let from = instruction.from;
        if (hasVariable(from)) {
          const e = expanded(step, 'from');
          if (!e?.known) continue;
          from = e.value;
        }
        if (!isStage(from) && !imageAllowed(from)) report(flagRange(instruction, 'from'));
      } else if (instruction.keyword === 'RUN') {
        for (const mount of instruction.mounts) {
          if (mount.from === null || hasVariable(mount.from)) continue;
          if (!isStage(mount.from) && !imageAllowed(mount.from)) report(mount.range);
        }
      }
    }
  },
};
