import { processWord } from '../../../parse/shell/lex.ts';
import type { CopyInstruction, EscapeCharacter, Range } from '../../../parse/types.ts';
import { DEFAULT_PATH, scopeOf } from '../../../stages/index.ts';
import type { ExpandedWord, Stage, Step } from '../../../stages/types.ts';
import type { Rule, RuleContext } from '../../types.ts';
import { triggerRange, triggerSteps } from './onbuild.ts';
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

function message(name: string, hint: string): string {
  return `Usage of undefined variable '$${name}'${hint ? ` (did you mean $${hint}?)` : ''}`;
}

/**
 * The names ONBUILD triggers define in a stage or the stages it builds on (ARG names, ENV keys):
 * BuildKit declares them there, our resolver does not run triggers.
 */
function listTriggerDefined(ctx: RuleContext, index: number): Set<string> {
  const names = new Set<string>();
  const stage = ctx.resolved.stages[index]!;
  for (const s of [stage, ...baseChain(ctx.resolved, stage)]) {
    for (const step of triggerSteps(ctx, s)) {
      const i = step.instruction;
      if (i.keyword === 'ARG') for (const d of i.definitions) names.add(d.name);
      if (i.keyword === 'ENV') for (const e of step.expansions) if (e.field === 'key') names.add(e.value);
    }
  }
  return names;
}

function triggerDefined(ctx: RuleContext, stage: Stage): ReadonlySet<string> {
  return ctx.memo(listTriggerDefined, stage.index);
}

/**
 * The names BuildKit suggests from, in its order (`env.Keys()` of the step's llb state): each
 * name where it was last set, the image config's variables set again at the start of every
 * stage of the chain (dockerfile2llb adds `d.image.Config.Env` to the state), then ARGs with a
 * value and ENV keys as the steps set them. Only ties between equally close names depend on it.
 */
function suggestionOrder(ctx: RuleContext, stage: Stage, stepIndex: number, scope: ReadonlyMap<string, string>): string[] {
  const order = new Set<string>();
  const set = (name: string) => {
    order.delete(name);
    order.add(name);
  };
  for (const s of [...baseChain(ctx.resolved, stage).reverse(), stage]) {
    for (const name of (s.steps[0]?.env ?? s.env).keys()) set(name);
    const steps = s === stage ? s.steps.slice(0, stepIndex) : s.steps;
    steps.forEach((step, i) => {
      const after = (s.steps[i + 1] ?? s).args;
      const instruction = step.instruction;
      if (instruction.keyword === 'ARG') for (const d of instruction.definitions) if (after.has(d.name)) set(d.name);
      if (instruction.keyword === 'ENV') for (const e of step.expansions) if (e.field === 'key') set(e.value);
    });
  }
  for (const name of scope.keys()) if (!order.has(name)) order.add(name);
  return [...order].filter((name) => scope.has(name));
}

/**
 * The values of a `--mount` option, as BuildKit's `parseMount` reads its CSV fields (Go's
 * encoding/csv: fields quoted whole, `""` for a quote); null when that fails (a parse error).
 */
function mountValues(text: string): string[] | null {
  const values: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) return null;
        if (text[i] !== '"') field += text[i];
        else if (text[i + 1] === '"') field += text[i++];
        else break;
      }
      i++;
      if (i < text.length && text[i] !== ',') return null;
    } else {
      const end = text.indexOf(',', i) < 0 ? text.length : text.indexOf(',', i);
      field = text.slice(i, end);
      if (field.includes('"')) return null;
      i = end;
    }
    const eq = field.indexOf('=');
    if (eq >= 0) values.push(field.slice(eq + 1));
    if (i >= text.length) return values;
    i++;
  }
}

/** Whether a step may use an undefined variable: a word with one, or a COPY/ADD here-document. */
function mayUseUndefined(step: Step): boolean {
  const i = step.instruction;
  if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.sourceContents.length > 0) return true;
  return step.expansions.some((word) => word.unmatched.length > 0);
}

/**
 * Calls `flag` for each undefined variable BuildKit reports in one step (one `mayUseUndefined`
 * accepts): the words it expands
 * (BuildKit's `Expand`/`ExpandRaw`, and ARG defaults in `dispatchArg`), less the ARGs declared
 * before the step (`declared`, BuildKit's `d.buildArgs`), with the closest of the defined names
 * (`ordered` lists those in scope).
 */
function checkStep(
  step: Step,
  escape: EscapeCharacter,
  declared: () => ReadonlySet<string>,
  ordered: (scope: ReadonlyMap<string, string>) => string[],
  flag: (name: string, hint: string, range: Range) => void,
): void {
  const instruction = step.instruction;
  // Most steps use no undefined variable: what a report needs is built on its first use.
  let known: ReadonlySet<string> | null = null;
  let scope: Map<string, string> | null = null;
  let options: string[] | null = null;
  const scopeNow = () => (scope ??= scopeOf(step.args, step.env));
  const report = (names: Iterable<string>, range: Range, alsoDeclared: ReadonlySet<string> = NONE) => {
    for (const name of names) {
      known ??= declared();
      if (known.has(name) || alsoDeclared.has(name) || NON_ENV_ARGS.has(name)) continue;
      options ??= ordered(scopeNow());
      flag(name, suggest(name, options), range);
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
    if (UNCHECKED.has(word.field) || word.unmatched.length === 0) continue;
    // BuildKit expands each `key=value` of a mount apart (a variable used twice is two reports).
    const values = word.field === 'mount' ? mountValues(word.raw) : null;
    if (values === null) report(word.unmatched, word.range);
    else for (const value of values) report(processWord(value, scopeNow(), { escape }).unmatched, word.range);
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
}

export const undefinedVar: Rule = {
  id: 'undefined-var',
  title: 'Define variables before using them',
  severity: 'warning',
  category: 'correctness',
  aliases: { buildkit: CHECK },
  docs: {
    rationale: `Docker expands \`$VAR\` in ADD, COPY, ENV, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL, ARG defaults and \`RUN --mount\` options itself, at build time. A variable that no ARG or ENV defines (in the stage, or in the stages it builds on, or in the base image) expands to an empty string without any error: \`COPY $APP_DIR/ /srv/\` copies the whole context, \`ENV PATH=$PAHT:/opt/bin\` throws the \`PATH\` away.

Docker's build checks call this *UndefinedVar* and suggest the defined name closest to the one used. An \`ARG NAME\` without a value counts as defined (its value may come from \`--build-arg\`). RUN, CMD and ENTRYPOINT are not checked: the shell expands those when the container runs. Variables the base image's config defines are known only when the linter is given that config: on another image than scratch or a plain OS image (alpine, debian, ubuntu...), the rule then reports only names the Dockerfile defines elsewhere (a global ARG not declared again in the stage, an ARG used before its declaration) or near misses of them. As in BuildKit, the ONBUILD triggers of a stage are checked where a later stage builds on it (reported at that stage's FROM, where they run), and the ARGs and ENV they define count as defined there.`,
    bad: 'FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY . $APPDIR\n',
    good: 'FROM alpine:3.20\nARG APP_DIR=/srv/app\nCOPY . $APP_DIR\n',
  },
  check(ctx) {
    // Only needed once a name is undefined, which most Dockerfiles never do.
    let defined: Set<string> | null = null;
    for (const stage of ctx.resolved.stages) {
      let complete: boolean | null = null;
      // On an image whose variables are unknown, only what is certainly a mistake: a name the
      // Dockerfile defines elsewhere, or a near miss of one it defines.
      const certain = (name: string, hint: string): boolean => {
        complete ??= knowsInheritedEnv(ctx, stage);
        defined ??= definedAnywhere(ctx);
        return complete || defined.has(name) || (hint !== '' && hint !== 'PATH' && defined.has(hint));
      };
      // The ONBUILD triggers of the stage this one builds on run first (BuildKit's
      // initOnBuildTriggers), with the ARGs of that stage's chain, located at this stage's FROM
      // and without the comments above the ONBUILD.
      const triggers = triggerSteps(ctx, stage);
      const base = triggers.length > 0 ? ctx.resolved.stages[stage.baseStage!]! : null;
      let before: Set<string> | null = null;
      for (const step of triggers) {
        if (!mayUseUndefined(step) && step.instruction.keyword !== 'ARG') continue;
        before ??= new Set([...declaredArgNames(ctx.resolved, base!, base!.steps.length), ...triggerDefined(ctx, base!)]);
        const declared = before;
        checkStep(step, ctx.parsed.escapeCharacter, () => declared, (scope) => [...scope.keys()], (name, hint) => {
          if (certain(name, hint)) ctx.report({ range: triggerRange(stage), message: message(name, hint) });
        });
        if (step.instruction.keyword === 'ARG') before = new Set([...before, ...step.instruction.definitions.map((d) => d.name)]);
      }
      stage.steps.forEach((step, stepIndex) => {
        if (!mayUseUndefined(step)) return;
        const declared = () => {
          const names = declaredArgNames(ctx.resolved, stage, stepIndex);
          for (const name of triggerDefined(ctx, stage)) names.add(name);
          return names;
        };
        checkStep(step, ctx.parsed.escapeCharacter, declared, (scope) => suggestionOrder(ctx, stage, stepIndex, scope), (name, hint, range) => {
          if (certain(name, hint)) reportAt(ctx, CHECK, step.instruction, { range, message: message(name, hint) });
        });
      });
    }
  },
};
