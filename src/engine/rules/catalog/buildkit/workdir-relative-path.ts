import { processWord } from '../../../parse/shell/lex.ts';
import type { Instruction } from '../../../parse/types.ts';
import { expandedField, scopeOf } from '../../../stages/index.ts';
import type { Stage, Step } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { dropQuotes, isWindowsImage, keywordCount } from '../instructions/support.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
import { baseChain, goQuote, parsePlatform, reportAt } from './support.ts';

const CHECK = 'WorkdirRelativePath';

/** hadolint's DL3000: a path that starts with `$`, `/` or a drive (`C:`) once quotes are dropped. */
function hadolintAccepts(text: string): boolean {
  const path = dropQuotes(text);
  // Haskell's Char.isLetter: any Unicode letter before the colon.
  return path.startsWith('$') || path.startsWith('/') || /^\p{L}:/u.test(path);
}

/**
 * BuildKit's `system.IsAbs` for the stage's OS: on Linux a path that starts with `/`; on Windows
 * one that does once a `C:` drive is dropped and backslashes made slashes (another drive, `C:`
 * alone or a UNC path is not).
 */
function isAbsolute(path: string, os: string): boolean {
  if (os !== 'windows') return path.startsWith('/');
  const slashed = path.replaceAll('\\', '/');
  if (/^.:$/s.test(path) || slashed.startsWith('//')) return false;
  const colon = path.indexOf(':');
  if (colon < 0) return slashed.startsWith('/');
  return path.slice(0, colon).toLowerCase() === 'c' && slashed.slice(colon + 1).startsWith('/');
}

/**
 * Whether `isAbsolute` holds on Linux and Windows alike: `/` then neither a second slash nor a
 * backslash (a UNC path on Windows), and no `:` (Windows reads `/a:b` as drive-relative).
 */
function isAbsoluteOnEveryOs(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\' && !path.includes(':');
}

/**
 * The OS a stage is built for, whose path rules BuildKit applies: the `--platform` of the stage
 * its chain starts from (a stage built on another takes its platform), else the target's. Without
 * `--platform` BuildKit takes the base image's platform when the builder runs it
 * (`autoDetectPlatform`): a Windows image is only built on a Windows builder.
 */
function stageOs(ctx: RuleContext, stage: Stage): string {
  const root = baseChain(ctx.resolved, stage).at(-1) ?? stage;
  const platform = root.platform && !root.platform.error ? parsePlatform(root.platform.value) : null;
  if (platform) return platform.os;
  if (isWindowsImage(root.base.value)) return 'windows';
  return ctx.resolved.globalArgs.get('TARGETOS') ?? 'linux';
}

/**
 * The path BuildKit checks (variables expanded), or null when it is not known: the expansion
 * fails (BuildKit stops there), or it uses variables this linter cannot see (a base image's,
 * which BuildKit would know) and they could make the path absolute.
 */
function expandedPath(ctx: RuleContext, step: Step, stage: Stage): string | null {
  const word = expandedField(step, 'workdir');
  if (!word || word.error) return null;
  if (word.unmatched.length === 0) return word.value;
  // BuildKit reads an undefined variable as empty: report only if the path stays relative
  // whatever the variables hold.
  const scope = scopeOf(step.args, step.env);
  for (const name of word.unmatched) scope.set(name, '/');
  const filled = processWord(word.raw, scope, { escape: ctx.parsed.escapeCharacter });
  return filled.error || isAbsolute(filled.value, stageOs(ctx, stage)) ? null : word.value;
}

function message(path: string): string {
  return `Relative workdir ${goQuote(path)} can have unexpected results if the base image changes`;
}

export const workdirRelativePath: Rule = {
  id: 'workdir-relative-path',
  title: 'Set an absolute WORKDIR before using relative ones',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3000'], buildkit: CHECK },
  docs: {
    rationale: `A relative \`WORKDIR app\` is resolved against the working directory the base image happens to set. With \`node:22\` that is \`/\`, so files land in \`/app\`; switch to an image whose config sets \`WorkingDir: /usr/src\` and they land in \`/usr/src/app\`, and every \`COPY\`, \`RUN\` and \`CMD\` that assumed \`/app\` breaks. An absolute path means the same thing on any base.

Docker's build checks call this *WorkdirRelativePath*; hadolint's DL3000 asks for the same thing. Like BuildKit, this rule checks the path after variable expansion and only the first WORKDIR of a stage (or of the stages it builds on): once an absolute directory is set, relative ones are well defined. A WORKDIR whose value uses an undefined variable is reported only when the path is relative whatever the variable holds (the variable itself is *UndefinedVar*'s). A \`C:\\\\...\` path is absolute only in a stage built for Windows (\`FROM --platform=windows/...\`, a Windows base image or a Windows target), as BuildKit reads paths by the stage's platform; hadolint accepts it anywhere. BuildKit also checks an \`ONBUILD WORKDIR\` where a later stage builds on its stage (at that stage's FROM). A WORKDIR before the first FROM is checked as written, as hadolint does (BuildKit rejects the file there).`,
    bad: 'FROM node:22-slim\nWORKDIR app\nCOPY . .\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
  },
  check(ctx) {
    if (keywordCount(ctx, 'WORKDIR') === 0) return;
    // BuildKit checks the first WORKDIR of each stage (or of the stages it builds on), after
    // expansion: once an absolute directory is set, relative ones are well defined.
    const isWorkdir = (step: Step) => step.instruction.keyword === 'WORKDIR';
    const buildkit = new Map<Instruction, string>();
    for (const stage of ctx.resolved.stages) {
      // A WORKDIR in a stage this one builds on (BuildKit copies the flag), or run there by an
      // ONBUILD trigger, is the first.
      if (baseChain(ctx.resolved, stage).some((s) => s.steps.some(isWorkdir) || triggerSteps(ctx, s).some(isWorkdir))) continue;
      // The ONBUILD triggers of the stage this one builds on run first, located at its FROM.
      const fromTrigger = triggerSteps(ctx, stage).find(isWorkdir);
      const step = fromTrigger ?? stage.steps.find(isWorkdir);
      if (!step) continue;
      const path = expandedPath(ctx, step, stage);
      // Most paths (`/app`) are absolute on every OS: the stage's OS is worked out for the others.
      if (path === null || isAbsoluteOnEveryOs(path) || isAbsolute(path, stageOs(ctx, stage))) continue;
      if (fromTrigger) ctx.report({ only: 'buildkit', range: triggerRange(stage), message: message(path) });
      else buildkit.set(step.instruction, path);
    }
    // hadolint checks every WORKDIR as written (before the first FROM too, where BuildKit stops
    // with a parse error), and passes `$DIR/app` and `C:\app`.
    for (const instruction of ctx.parsed.instructions) {
      if (instruction.keyword !== 'WORKDIR') continue;
      const path = buildkit.get(instruction);
      const hadolint = !hadolintAccepts(instruction.value);
      if (path === undefined && !hadolint) continue;
      reportAt(ctx, CHECK, instruction, {
        ...(path === undefined ? { only: 'hadolint' as const } : hadolint ? {} : { only: 'buildkit' as const }),
        range: instruction.args[0]?.range ?? instruction.range,
        message: message(path ?? dropQuotes(instruction.value)),
      });
    }
  },
};
