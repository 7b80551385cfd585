import type { ArgInstruction, FromInstruction, Instruction } from '../../../parse/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { attachedComments, directiveLinesAbove, reportAt } from './support.ts';

const CHECK = 'InvalidDefinitionDescription';

/**
 * The names a description comment above `instruction` may start with: the stage name of a
 * `FROM ... AS name` (lower-cased, as BuildKit stores it), or every key of an ARG. Null for any
 * other instruction, or one BuildKit's instruction parser rejects (it checks after parsing).
 */
function definedNames(instruction: Instruction): readonly string[] | null {
  if (instruction.keyword === 'FROM') {
    const name = (instruction as FromInstruction).stageName;
    return name === null ? null : [name];
  }
  if (instruction.keyword === 'ARG') return (instruction as ArgInstruction).definitions.map((d) => d.name);
  return null;
}

/** BuildKit's instruction parser refused the instruction: its check never ran. */
function rejected(ctx: RuleContext, instruction: Instruction): boolean {
  const { start, end } = instruction.range;
  return ctx.parsed.errors.some((e) => e.kind === 'instruction' && e.range.start.line >= start.line && e.range.start.line <= end.line);
}

/**
 * An empty `#` line above the instruction: BuildKit then attaches no comment. Not indented:
 * BuildKit trims a comment after dropping the line's first byte, so `  #` reads as "#", not empty.
 */
function separate(instruction: Instruction) {
  const at = { line: instruction.range.start.line, column: 1 };
  return { title: 'Separate the comment from the instruction with an empty # line', edits: [{ range: { start: at, end: at }, text: '#\n' }] };
}

export const invalidDefinitionDescription: Rule = {
  id: 'invalid-definition-description',
  title: 'Start a comment above FROM ... AS or ARG with the name it describes',
  severity: 'warning',
  category: 'maintainability',
  aliases: { buildkit: CHECK },
  // Experimental in BuildKit (linter/ruleset.go): run only when `# check=experimental=` names it.
  buildkitExperimental: true,
  // BuildKit checks it in its instruction parser (instructions/parse.go), up to where that stops.
  buildkitRunsIn: 'instructions',
  docs: {
    rationale: `\`docker buildx build --call=outline\` and \`--call=targets\` list a Dockerfile's build stages and arguments with a description, taken from the comment right above the \`FROM ... AS name\` or \`ARG\` that starts with the stage's or argument's name: \`# VERSION the release to package\` above \`ARG VERSION\`. A comment in that place that starts with anything else is either a description with a typo in the name, or an ordinary comment that the outline would otherwise show.

Docker's build checks call this *InvalidDefinitionDescription*. It is experimental there, run only when the check options enable it (\`# check=experimental=InvalidDefinitionDescription\`, or \`experimental=all\`), and so it is here. Like BuildKit, the rule reads the comments BuildKit's parser attaches to the instruction: the comment lines above it, back to the nearest empty \`#\` line. Only the last of them counts, and its first word (up to a space) must be the stage name (in lower case, as BuildKit stores it) or one of the ARG's names. Blank lines do not detach a comment in BuildKit's parser, so the fix inserts an empty \`#\` line between the comment and the instruction.`,
    bad: '# check=experimental=InvalidDefinitionDescription\n\n# the version we ship\nARG VERSION=1.4.2\n\n# compile the sources\nFROM golang:1.23 AS build\n',
    good: '# check=experimental=InvalidDefinitionDescription\n\n# VERSION the version we ship\nARG VERSION=1.4.2\n\n# build compiles the sources\nFROM golang:1.23 AS build\n',
  },
  check(ctx) {
    for (const instruction of ctx.parsed.instructions) {
      const names = definedNames(instruction);
      if (names === null || names.length === 0) continue;
      const comments = attachedComments(instruction, directiveLinesAbove(ctx, instruction));
      if (comments.length === 0 || rejected(ctx, instruction)) continue;
      const first = comments[comments.length - 1]!.split(' ')[0]!;
      if (names.includes(first)) continue;
      const example = names.length > 1 ? '<arg_key>' : names[0]!;
      reportAt(ctx, CHECK, instruction, {
        range: instruction.keywordRange,
        message: `Comment for ${instruction.keyword} should follow the format: \`# ${example} <description>\``,
        fix: separate(instruction),
      });
    }
  },
};
