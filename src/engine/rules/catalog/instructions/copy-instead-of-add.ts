import type { Rule } from '../../types.ts';
import { dropQuotes, expanded, hasVariable, isArchive, keywordCount, visit } from './support.ts';

/** A remote source: http(s), or a Git repository, which ADD clones. */
function isRemote(path: string): boolean {
  const p = dropQuotes(path);
  return /^https?:\/\//.test(p) || /^git@/.test(p) || /^(?:git|ssh):\/\//.test(p);
}

/** Flags only ADD understands: the rewrite to COPY must keep none of them. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const copyInsteadOfAdd: Rule = {
  id: 'copy-instead-of-add',
  title: 'Use COPY instead of ADD for files and folders',
  severity: 'error',
  category: 'correctness',
  aliases: { hadolint: ['DL3020'] },
  docs: {
    rationale: `\`ADD\` does more than copy: it downloads URLs and, for a local tar archive, extracts it instead of copying it. Used for plain files, that magic is a trap: rename \`vendor.bin\` to \`vendor.tar\` and the next build unpacks it where you expected a file, and a reader cannot tell from \`ADD config/ /etc/app/\` whether anything else is meant.

\`COPY\` only copies, so it says exactly what happens. Keep \`ADD\` for what only it does: extracting a local archive or fetching a URL (better with \`--checksum\`). hadolint calls this DL3020; the fix rewrites \`ADD\` to \`COPY\` when every source is a local file or directory that is not an archive.`,
    bad: 'FROM python:3.13-slim\nADD requirements.txt /app/\nADD src/ /app/src/\n',
    good: 'FROM python:3.13-slim\nCOPY requirements.txt /app/\nCOPY src/ /app/src/\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'ADD') === 0) return;
    for (const { instruction, step } of visit(ctx, true)) {
      if (instruction.keyword !== 'ADD') continue;
      let local = 0;
      let unknown = false;
      instruction.sources.forEach((source, i) => {
        let path = source.value;
        if (hasVariable(path)) {
          const e = expanded(step, 'source', i);
          if (!e?.known) {
            // Only known at build time: it may well be a URL.
            unknown = true;
            return;
          }
          path = e.value;
        }
        if (!isArchive(path) && !isRemote(path)) local++;
      });
      if (local === 0) continue;
      const rewritable =
        !unknown &&
        local === instruction.sources.length &&
        !instruction.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const copy = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'copy' : 'COPY';
      ctx.report({
        range: instruction.keywordRange,
        message: 'Use COPY instead of ADD for files and folders',
        ...(rewritable ? { fix: { title: 'Replace ADD with COPY', edits: [{ range: instruction.keywordRange, text: copy }] } } : {}),
      });
    }
  },
};
