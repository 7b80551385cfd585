import { goClean } from '../../../context/go-path.ts';
import type { CopyInstruction } from '../../../parse/types.ts';
import type { LintContext, Rule } from '../../types.ts';
import { goQuote, reportAt } from './support.ts';

const CHECK = 'CopyIgnoredFile';

/** Sources that do not come from the build context: URLs and Git repositories. */
function isRemote(src: string): boolean {
  return /^(?:https?|git|ssh):\/\//i.test(src) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.test(src);
}

/**
 * Whether the ignore file excludes every entry at the root (`*`, `**`, `**` + `/*`): BuildKit's
 * only reason to warn about copying the context root. Probed with names no pattern aims at.
 */
function rootIgnored(context: LintContext): boolean {
  return context.isIgnored('*') && context.isIgnored('layerwise-probe') && context.isIgnored('Layerwise.Probe_9');
}

export const copyIgnoredFile: Rule = {
  id: 'copy-ignored-file',
  title: 'Do not COPY or ADD files that .dockerignore excludes',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  // Experimental in BuildKit (linter/ruleset.go): run only when `# check=experimental=` names it.
  buildkitExperimental: true,
  needsContext: true,
  docs: {
    rationale: `Files that \`.dockerignore\` excludes are never sent to the builder. \`COPY config.yml /etc/app/\` then fails with \`"/config.yml": not found\`, an error that points at the file rather than at the ignore pattern that hid it; with a wildcard (\`COPY *.yml\`) nothing fails and the file is simply missing from the image.

Docker's build checks call this *CopyIgnoredFile*. It is experimental there, run only when the check options enable it: \`# check=experimental=CopyIgnoredFile\` at the top of the Dockerfile (or \`experimental=all\`, or the same in \`--build-arg BUILDKIT_DOCKERFILE_CHECK=...\`), and so it is here; \`skip\` does not apply to experimental checks. Like BuildKit, the rule tests each source of COPY and ADD from the build context (not \`--from\`, URLs or Git) against the ignore file, the source itself and its parent directories. It says nothing when the ignore file has any \`!\` exception: what an exception brings back cannot be told reliably without building. For the context root (\`COPY . .\`) it warns only when the patterns exclude everything at the root (\`*\`, \`**\`).`,
    bad: '# check=experimental=CopyIgnoredFile\n# .dockerignore: *.yml\nFROM alpine:3.20\nCOPY config.yml /etc/app/\n',
    good: '# check=experimental=CopyIgnoredFile\n# .dockerignore: *.yml and !config.yml\nFROM alpine:3.20\nCOPY config.yml /etc/app/\n',
  },
  check(ctx) {
    const context = ctx.context;
    // BuildKit: `if matcher == nil || matcher.Exclusions() { return nil }`.
    if (!context || context.ignoreFile === null || context.exceptions) return;
    for (const stage of ctx.resolved.stages) {
      for (const step of stage.steps) {
        const instruction = step.instruction;
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const copy = instruction as CopyInstruction;
        if (copy.from !== null) continue;
        // BuildKit expands every word of the instruction first: one that fails stops the build.
        if (step.expansions.some((e) => e.error)) continue;
        const verb = instruction.keyword === 'ADD' ? 'Add' : 'Copy';
        for (const source of copy.sources) {
          const word = step.expansions.find((e) => e.field === 'source' && e.range === source.range);
          const raw = word ? word.value : source.value;
          if (isRemote(raw)) continue;
          // An empty source (`COPY $UNSET /x`) is cleaned to "." and copies the whole context.
          const src = goClean(raw);
          let ignored: boolean;
          // BuildKit matches "/app" as it is: only its parent "" can match, and only the patterns
          // that exclude everything at the root ("*", "**") match that. The context root itself
          // is flagged by those patterns too, not by `.*` (moby/buildkit#6930).
          if (src.startsWith('/') || src === '.') ignored = rootIgnored(context);
          else ignored = context.isIgnored(src);
          if (!ignored) continue;
          reportAt(ctx, CHECK, instruction, {
            range: source.range,
            message: `Attempting to ${verb} file ${goQuote(src)} that is excluded by .dockerignore`,
          });
        }
      }
    }
  },
};
