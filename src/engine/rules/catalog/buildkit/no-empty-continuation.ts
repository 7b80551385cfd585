import type { Rule, TextEdit } from '../../types.ts';
import { lineRange } from './support.ts';

export const noEmptyContinuation: Rule = {
  id: 'no-empty-continuation',
  title: 'Do not leave empty lines inside a continued instruction',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: 'NoEmptyContinuation' },
  // A warning of BuildKit's line parser, reported before the instructions are parsed.
  buildkitRunsIn: 'lines',
  docs: {
    rationale: `An empty line after a line ending in \`\\\` does not end the instruction: Docker skips it and keeps reading, so

\`\`\`dockerfile
RUN apt-get update && \\

    apt-get install -y curl
\`\`\`

is still one RUN. That surprises readers (the blank line looks like the end), and Docker has announced that empty continuation lines will become an error in a future release.

Docker's build checks call this *NoEmptyContinuation* and report the line where the instruction ends. The fix deletes the empty lines, which changes nothing in the build.`,
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n',
  },
  check(ctx) {
    for (const warning of ctx.parsed.warnings) {
      if (!warning.message.startsWith('Empty continuation line')) continue;
      const { start, end } = warning.range;
      const edits: TextEdit[] = [];
      for (let line = start.line + 1; line <= end.line; line++) {
        const text = ctx.lines[line - 1];
        if (text === undefined || text.trim() !== '') continue;
        // Delete the line with its line break (the one before it when it is the last line).
        edits.push(
          line < ctx.lines.length
            ? { range: { start: { line, column: 1 }, end: { line: line + 1, column: 1 } }, text: '' }
            : { range: { start: { line: line - 1, column: (ctx.lines[line - 2] ?? '').length + 1 }, end: { line, column: text.length + 1 } }, text: '' },
        );
      }
      // BuildKit reports the last line of the instruction (where its parser stood).
      ctx.report({
        range: lineRange(ctx, end.line),
        message: 'Empty continuation line',
        ...(edits.length > 0 ? { fix: { title: 'Remove the empty continuation lines', edits } } : {}),
      });
    }
  },
};
