import { processWord } from '../../../parse/shell/lex.ts';
import type { CopyInstruction, Range } from '../../../parse/types.ts';
import { DEFAULT_PATH, scopeOf } from '../../../stages/index.ts';
import type { ExpandedWord, Stage } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { familiarName } from './reference.ts';
import { baseChain, declaredArgNames, reportAt, suggest } from './support.ts';

const CHECK = 'UndefinedVar';

/** ARGs BuildKit reads itself and never puts in the environment. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const NONE: ReadonlySet<string> = new Set();

/** Words Docker expands but BuildKit does not check: EXPOSE (expanded apart) and COPY --from (no variables allowed). */
const UNCHECKED = new Set<ExpandedWord['field']>(['port', 'from']);

/** Images whose config sets no variable but PATH: every other name is undefined there too. */
const PLAIN_IMAGES =
  /^(?:alpine|busybox|debian|ubuntu|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|oraclelinux|photon|clearlinux|mageia|opensuse\/[a-z]+|redhat\/ubi\d+(?:-minimal|-micro)?)(?::[^@]*)?(?:@.*)?$/;

/**
 * Whether the variables the stage inherits are known: a chain that starts from scratch, from
 * an image the resolver was given the config of, or from a plain OS image. Otherwise the base
 * image may define variables (golang's GOPATH, dotnet's APP_UID) that BuildKit would see.
 */
function knowsInheritedEnv(ctx: RuleContext, stage: Stage): boolean {
  const root = baseChain(ctx.resolved, stage).at(-1) ?? stage;
  const image = root.base.value;
  if (image.toLowerCase() === 'scratch') return true;
  // The environment before the root stage's first instruction is the image's config: more than
  // BuildKit's default PATH means the resolver was given it.
  const inherited = root.steps[0]?.env ?? root.env;
  if (inherited.size > 1 || (inherited.size === 1 && inherited.get('PATH') !== DEFAULT_PATH)) return true;
  return PLAIN_IMAGES.test(familiarName(image));
}

/** Every name the Dockerfile itself defines with ARG or ENV, anywhere. */
function definedAnywhere(ctx: RuleContext): Set<string> {
  const names = new Set<string>(ctx.resolved.globalArgNames);
  for (const stage of ctx.resolved.stages) {
    for (const step of stage.steps) {
      const i = step.instruction;
      if (i.keyword === 'ARG') for (const d of i.definitions) names.add(d.name);
      if (i.keyword === 'ENV') for (const p of i.pairs) names.add(p.key);
    }
  }
  return names;
}

export const undefinedVar: Rule = {
  id: 'undefined-var',
  title: 'Define variables before using them',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  docs: {
    rationale: `Docker expands \`$VAR\` in ADD, COPY, ENV, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL, ARG defaults and \`RUN --mount\` options itself, at build time. A variable that no ARG or ENV defines (in the stage, or in the stages it builds on, or in the base image) expands to an empty string without any error: \`COPY $APP_DIR/ /srv/\` copies the whole context, \`ENV PATH=$PAHT:/opt/bin\` throws the \`PATH\` away.

Docker's build checks call this *UndefinedVar* and suggest the defined name closest to the one used. An \`ARG NAME\` without a value counts as defined (its value may come from \`--build-arg\`). RUN, CMD and ENTRYPOINT are not checked: the shell expands those when the container runs. Variables the base image's config defines are known only when the linter is given that config: on another image than scratch or a plain OS image (alpine, debian, ubuntu...), the rule then reports only names the Dockerfile defines elsewhere (a global ARG not declared again in the stage, an ARG used before its declaration) or near misses of them.`,
    bad: 'FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY . $APPDIR\n',
    good: 'FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY . $APP_DIR\n',
  },
  check(ctx) {
    // Only needed once a name is undefined, which most Dockerfiles never do.
    let defined: Set<string> | null = null;
    for (const stage of ctx.resolved.stages) {
      let complete: boolean | null = null;
      stage.steps.forEach((step, stepIndex) => {
        const instruction = step.instruction;
        const heredocs = (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.sourceContents.length > 0;
        if (!heredocs && !step.expansions.some((word) => word.unmatched.length > 0)) return;
        // Most steps use no undefined variable: what a report needs is built on its first use.
        let declared: Set<string> | null = null;
        let scope: Map<string, string> | null = null;
        let options: string[] | null = null;
        const scopeNow = () => (scope ??= scopeOf(step.args, step.env));
        const report = (names: Iterable<string>, range: Range, alsoDeclared: ReadonlySet<string> = NONE) => {
          for (const name of names) {
            declared ??= declaredArgNames(ctx.resolved, stage, stepIndex);
            if (declared.has(name) || alsoDeclared.has(name) || NON_ENV_ARGS.has(name)) continue;
            options ??= [...scopeNow().keys()];
            const hint = suggest(name, options);
            // On an image whose variables are unknown, only what is certainly a mistake: a name
            // the Dockerfile defines elsewhere, or a near miss of one it defines.
            complete ??= knowsInheritedEnv(ctx, stage);
            defined ??= definedAnywhere(ctx);
            if (!complete && !defined.has(name) && !(hint && hint !== 'PATH' && defined.has(hint))) continue;
            reportAt(ctx, CHECK, instruction, {
              range,
              message: `Usage of undefined variable '$${name}'${hint ? ` (did you mean $${hint}?)` : ''}`,
            });
          }
        };
        if (instruction.keyword === 'ARG') {
          // Each default sees the ARGs declared before it, in this instruction too.
          const before = new Set<string>();
          for (const def of instruction.definitions) {
            const word = step.expansions.find((e) => e.field === 'arg' && e.range === def.range);
            if (word) report(word.unmatched, word.range, before);
            before.add(def.name);
          }
          return;
        }
        for (const word of step.expansions) {
          if (UNCHECKED.has(word.field)) continue;
          report(word.unmatched, word.range);
        }
        // Here-documents of COPY/ADD with an unquoted delimiter are expanded too (quotes kept).
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          const copy = instruction as CopyInstruction;
          copy.sourceContents.forEach((content, i) => {
            if (!content.expand) return;
            const result = processWord(content.data, scopeNow(), { escape: '\\', skipProcessQuotes: true });
            const doc = copy.heredocs.find((h) => h.name === content.path) ?? copy.heredocs[i];
            report(result.unmatched, doc?.range ?? copy.range);
          });
        }
      });
    }
  },
};
