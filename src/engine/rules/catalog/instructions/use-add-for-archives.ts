import type { CopyInstruction, Range } from '../../../parse/types.ts';
import type { ShellCommand } from '../../../script/types.ts';
import type { Rule } from '../../types.ts';
import { basename, isArchive, keywordCount, visit } from './support.ts';

const UNZIP = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

/** `tar` with `--extract`, `--get` or a short flag cluster containing `x`, or an unzip tool. */
function extracts(command: ShellCommand): boolean {
  if (UNZIP.has(command.name)) return true;
  if (command.name !== 'tar') return false;
  return command.args.some((a) => a.value === '--extract' || a.value === '--get' || (a.value.startsWith('-') && a.value.includes('x')));
}

interface Copied {
  copy: CopyInstruction;
  name: string;
  range: Range;
}

export const useAddForArchives: Rule = {
  id: 'use-add-for-archives',
  title: 'Use ADD to extract a local archive instead of COPY then `tar -x`',
  severity: 'info',
  category: 'size',
  aliases: { hadolint: ['DL3010'] },
  docs: {
    rationale: `Copying an archive into the image and extracting it in a later \`RUN\` stores it twice: the \`COPY\` layer keeps the compressed archive forever, even if the \`RUN\` deletes it afterwards, because a later layer cannot shrink an earlier one. A 200 MB tarball costs 200 MB of image for nothing.

\`ADD app.tar.gz /opt/app/\` extracts a local tar archive (plain, gzip, bzip2 or xz) straight into the layer, so only the extracted files are stored. hadolint calls this DL3010; like hadolint, the rule flags a \`COPY\` (from the build context) of an archive that a later \`RUN\` of the same stage extracts with \`tar -x\` or an unzip tool.`,
    bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
    good: 'FROM debian:12-slim\nADD app.tar.gz /opt/\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'COPY', false) === 0) return;
    let copied: Copied[] = [];
    const extracted = new Set<Copied>();
    const flush = () => {
      for (const c of copied) {
        if (extracted.has(c)) ctx.report({ range: c.range, message: 'Use `ADD` for extracting archives into an image' });
      }
      copied = [];
    };
    // Instructions before the first FROM count as a stage of their own, as in hadolint.
    for (const { instruction } of visit(ctx, false)) {
      if (instruction.keyword === 'FROM') {
        flush();
      } else if (instruction.keyword === 'COPY' && instruction.from === null) {
        const target = instruction.destination;
        if (target && isArchive(target.value)) {
          copied.push({ copy: instruction, name: basename(target.value), range: target.range });
        } else {
          const seen = new Set<string>();
          for (const source of instruction.sources) {
            const name = basename(source.value);
            if (!isArchive(name) || seen.has(name)) continue;
            seen.add(name);
            copied.push({ copy: instruction, name, range: source.range });
          }
        }
      } else if (instruction.keyword === 'RUN' && copied.length > 0) {
        for (const command of ctx.scriptOf(instruction)?.commands ?? []) {
          if (!extracts(command)) continue;
          const names = new Set(command.args.filter((a) => !a.value.startsWith('-')).map((a) => basename(a.value)));
          for (const c of copied) if (names.has(c.name)) extracted.add(c);
        }
      }
    }
    flush();
  },
};
