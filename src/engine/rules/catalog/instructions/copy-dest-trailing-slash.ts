import type { Fix, Rule } from '../../types.ts';
import { dropQuotes, expanded, hasVariable, keywordCount, visit } from './support.ts';

export const copyDestTrailingSlash: Rule = {
  id: 'copy-dest-trailing-slash',
  title: 'End the COPY destination with `/` when copying several sources',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3021'] },
  docs: {
    rationale: `With more than one source, \`COPY\` needs a directory to copy into, and Docker only treats the destination as one when it ends with \`/\`. \`COPY package.json package-lock.json /app\` fails the build with *When using COPY with more than one source file, the destination must be a directory and end with a /*.

hadolint calls this DL3021. The fix adds the trailing slash, which is what the instruction needs to build at all.`,
    bad: 'FROM node:22-slim\nCOPY package.json package-lock.json /app\n',
    good: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY') === 0) return;
    for (const { instruction, step } of visit(ctx, true)) {
      if (instruction.keyword !== 'COPY' || !instruction.destination) continue;
      if (instruction.sources.length + instruction.sourceContents.length < 2) continue;
      const dest = instruction.destination;
      let value = dropQuotes(dest.value);
      if (hasVariable(dest.value)) {
        const e = expanded(step, 'destination');
        if (e?.known) value = e.value;
      }
      // A trailing backslash is a directory too, on Windows (where it cannot be a line continuation).
      if (value.endsWith('/') || value.endsWith('\\')) continue;
      let fix: Fix | undefined;
      const r = dest.range;
      if (r.start.line === r.end.line) {
        const text = (ctx.lines[r.start.line - 1] ?? '').slice(r.start.column - 1, r.end.column - 1);
        const quoted = text.length >= 2 && (text.endsWith('"') || text.endsWith("'"));
        const at = { line: r.end.line, column: quoted ? r.end.column - 1 : r.end.column };
        fix = { title: 'Add a trailing / to the destination', edits: [{ range: { start: at, end: at }, text: '/' }] };
      }
      ctx.report({
        range: dest.range,
        message: 'COPY with more than 2 arguments requires the last argument to end with /',
        ...(fix ? { fix } : {}),
      });
    }
  },
};
