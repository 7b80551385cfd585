import type { Rule } from '../../types.ts';
import { cmdHasArgs, cmdHasPrefixArg, eachRunWith, type HArg, type HCommand, wordRange } from './support.ts';

/**
 * The gems of a `gem install`/`gem i`, the way hadolint reads them: the words before `--`, where
 * every word starting with `-` is skipped together with the word after it.
 */
function gems(cmd: HCommand): HArg[] {
  if (!cmdHasArgs(cmd, 'gem', ['install', 'i'])) return [];
  if (cmdHasArgs(cmd, 'gem', ['-v']) || cmdHasArgs(cmd, 'gem', ['--version']) || cmdHasPrefixArg(cmd, 'gem', '--version=')) return [];
  const end = cmd.args.findIndex((a) => a.text === '--');
  const args = end < 0 ? cmd.args : cmd.args.slice(0, end);
  const out: HArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t.startsWith('-')) {
      i++;
      continue;
    }
    if (t !== 'install' && t !== 'i') out.push(args[i]!);
  }
  return out;
}

export const gemPinVersions: Rule = {
  id: 'gem-pin-versions',
  title: 'Pin versions in gem install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3028'] },
  docs: {
    rationale: `\`gem install bundler\` installs the newest release at build time. When a new major version comes out, a rebuild of an unchanged Dockerfile can produce an image whose tooling no longer matches your lock file or your code.

Pin the version: \`gem install bundler:2.5.22\` (or \`-v 2.5.22\`). For application gems, install from a \`Gemfile.lock\` with \`bundle install\`. This is hadolint's DL3028.`,
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['gem'], (view) => {
      for (const cmd of view.commands) {
        const loose = gems(cmd).find((g) => !g.text.includes(':'));
        if (!loose) continue;
        ctx.report({
          range: wordRange(ctx, view, loose.word),
          message: 'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`',
        });
        return;
      }
    });
  },
};
