import type { HealthcheckInstruction } from '../../../parse/types.ts';
import type { Rule } from '../../types.ts';
import { baseImageTools, chainAddsProgram } from './image-facts.ts';
import { basename, chainOf, finalStage, programsOf } from './support.ts';

const HTTP_TOOLS = ['curl', 'wget'] as const;

export const healthcheckToolNotInImage: Rule = {
  id: 'healthcheck-tool-not-in-image',
  title: 'HEALTHCHECK must only call programs the final image has',
  severity: 'error',
  category: 'correctness',
  aliases: {},
  docs: {
    rationale: `A \`HEALTHCHECK\` runs inside the container, with the programs of the final image only. \`HEALTHCHECK CMD curl -f http://localhost:3000/health\` on \`node:22-slim\` fails every time, because the slim image does not ship curl (its Dockerfile installs curl to download Node.js and removes it in the same step). Docker then marks the container *unhealthy*, and an orchestrator may restart it in a loop, although the application is fine.

The same goes for wget on Debian-based slim images, for everything on distroless images (no curl, no wget, no shell: a shell-form \`HEALTHCHECK CMD ...\` needs \`/bin/sh\`), and for \`scratch\`.

Fix it with a check the image can run: a small script in your own runtime (\`HEALTHCHECK CMD ["node", "healthcheck.js"]\`), BusyBox \`wget\` on Alpine images, or install the tool explicitly (\`apt-get install -y --no-install-recommends curl\`), knowing it adds to the image. Layerwise knows what common official images ship (\`src/engine/data/base-image-tools.ts\`, with the Dockerfile each fact comes from); for images it does not know, it says nothing.`,
    bad: 'FROM node:22-slim\nCOPY . .\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
    good: 'FROM node:22-slim\nCOPY . .\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  },
  check(ctx) {
    const last = finalStage(ctx);
    if (!last) return;
    let hc: HealthcheckInstruction | null = null;
    for (const s of chainOf(ctx, last)) {
      for (const step of s.steps) if (step.instruction.keyword === 'HEALTHCHECK') hc = step.instruction;
    }
    if (!hc || hc.type !== 'CMD' || hc.command.length === 0) return;
    const base = baseImageTools(ctx, last);
    if (!base) return;
    const { facts, ref } = base;
    const commandRange = hc.args[1]
      ? { start: hc.args[1].range.start, end: hc.args.at(-1)!.range.end }
      : hc.range;

    if (hc.form === 'shell' && facts.shell === false && !chainAddsProgram(ctx, last, 'sh') && !chainAddsProgram(ctx, last, 'busybox')) {
      ctx.report({
        range: commandRange,
        message: `HEALTHCHECK in shell form runs \`/bin/sh -c\`, and \`${ref}\` has no shell: every check fails. Use the exec form \`HEALTHCHECK CMD ["program", "arg"]\``,
      });
      return;
    }
    const programs = programsOf(hc.form, hc.command);
    const used = HTTP_TOOLS.filter((t) => programs.includes(t));
    if (used.length === 0) return;
    const missing = used.filter((t) => facts[t] === false && !chainAddsProgram(ctx, last, t));
    // `curl ... || wget ...` works as long as one of them is there.
    if (missing.length === 0 || missing.length < used.length) return;
    for (const tool of missing) {
      const word = hc.form === 'exec' ? hc.args.slice(1).find((a) => basename(a.value.replace(/^"|"$/g, '')) === tool) : undefined;
      ctx.report({
        range: word?.range ?? commandRange,
        message: `HEALTHCHECK calls ${tool}, which \`${ref}\` does not have (${facts.label}): every check fails and the container is marked unhealthy. Check with a program the image has (e.g. \`node healthcheck.js\`), or install ${tool} in the final stage`,
      });
    }
  },
};
