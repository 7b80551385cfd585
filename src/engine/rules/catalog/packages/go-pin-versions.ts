import type { Rule } from '../../types.ts';
import { argsNoFlags, cmdHasArgs, eachRunWith, type HArg, type RunView, wordRange } from './support.ts';

/**
 * The packages hadolint checks: the first argument of each `go run` when there is one (the rest
 * are the program's arguments), otherwise every argument of `go install`/`go get`.
 */
function goPackages(view: RunView): HArg[] {
  const run = view.commands
    .filter((c) => cmdHasArgs(c, 'go', ['run']))
    .flatMap((c) => argsNoFlags(c).filter((a, i) => a.text !== 'run' && i <= 1));
  if (run.length > 0) return run;
  return view.commands
    .filter((c) => cmdHasArgs(c, 'go', ['install', 'get']))
    .flatMap((c) => argsNoFlags(c).filter((a) => !['install', 'get', 'tool'].includes(a.text)));
}

function pinned(p: string): boolean {
  const local = p === '.' || p.startsWith('/') || p.startsWith('.');
  return local || (p.includes('@') && !['latest', 'none'].some((t) => p.endsWith(`@${t}`)));
}

export const goPinVersions: Rule = {
  id: 'go-pin-versions',
  title: 'Pin versions in go install, go get and go run',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3062'] },
  docs: {
    rationale: `\`go install example.com/tool\` (or \`@latest\`) builds whatever the newest tagged release is when the image is built, so the same Dockerfile can produce a different binary from one day to the next, and a breaking release upstream breaks your build.

Name the module version: \`go install golang.org/x/tools/gopls@v0.16.2\`. Local packages (\`.\`, \`./cmd/app\`, absolute paths) are fine. This is hadolint's DL3062; it checks \`go install\`, \`go get\` and the package of \`go run\`.`,
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
  },
  check(ctx) {
    eachRunWith(ctx, ['go'], (view) => {
      const loose = goPackages(view).find((p) => !pinned(p.text));
      if (loose) {
        ctx.report({
          range: wordRange(ctx, view, loose.word),
          message: 'Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`',
        });
      }
    });
  },
};
