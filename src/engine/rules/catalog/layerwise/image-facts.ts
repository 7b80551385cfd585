/**
 * What the rules know about the image a stage starts from, read from the data tables in
 * `src/engine/data/` (each fact cited there).
 */
import { findBaseImageTools, type BaseImageTools } from '../../../data/base-image-tools.ts';
import type { Stage } from '../../../stages/types.ts';
import type { RuleContext } from '../../types.ts';
import { commandsOf, basename, chainOf, packageName, parseImageRef, systemPackagesInstalled } from './support.ts';

const SCRATCH: BaseImageTools = {
  label: 'scratch',
  repository: /^scratch$/,
  tag: /.*/,
  curl: false,
  wget: false,
  shell: false,
  user: 'root',
  sources: ['scratch is the empty image: no files at all, and no USER (uid 0)'],
};

/** `node` / `gcr.io/distroless/static-debian12` and the tag (`latest` when none). */
export function repositoryAndTag(ref: string): { repository: string; tag: string } {
  const p = parseImageRef(ref);
  const repository = p.registry === 'docker.io' ? p.path.replace(/^library\//, '') : `${p.registry}/${p.path}`;
  return { repository, tag: p.tag ?? 'latest' };
}

/** The facts about the image at the root of a stage's chain, or null when it is unknown. */
export function baseImageTools(ctx: RuleContext, stage: Stage): KnownImage | null {
  // Several rules ask about the final stage's image: looked up once per lint.
  return ctx.memo(findBaseImageFacts, stage);
}

/** Shared by the rules that ask (one per stage and lint), hence read-only. */
interface KnownImage {
  readonly ref: string;
  readonly facts: Readonly<BaseImageTools>;
}

function findBaseImageFacts(ctx: RuleContext, stage: Stage): KnownImage | null {
  const root = chainOf(ctx, stage)[0]!;
  if (root.baseStage !== null) return null;
  const ref = root.base.value.trim();
  if (ref === '' || ref.includes('$')) return null;
  if (ref.toLowerCase() === 'scratch') return { ref: 'scratch', facts: SCRATCH };
  const { repository, tag } = repositoryAndTag(ref);
  const facts = findBaseImageTools(repository, tag);
  return facts ? { ref, facts } : null;
}

/**
 * Whether the chain adds `program` itself: a package of that name installed by a RUN, a file of
 * that name copied in, or BusyBox's applets installed.
 */
export function chainAddsProgram(ctx: RuleContext, stage: Stage, program: string): boolean {
  for (const s of chainOf(ctx, stage)) {
    for (const step of s.steps) {
      const i = step.instruction;
      if (i.keyword === 'RUN') {
        for (const { command } of commandsOf(ctx, i)) {
          const installed = systemPackagesInstalled(command);
          if (installed && installed.packages.some((p) => packageName(p.value) === program)) return true;
          if (basename(command.name) === 'busybox' && command.args.some((a) => a.value === '--install')) return true;
        }
      } else if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const names = [...i.sources.map((s) => basename(s.value)), i.destination ? basename(i.destination.value) : ''];
        if (names.includes(program)) return true;
      }
    }
  }
  return false;
}

/** The variables a step sees, with the base image's known ENV underneath (e.g. CARGO_HOME on rust). */
export function scopeWithBase(ctx: RuleContext, stage: Stage, scope: ReadonlyMap<string, string>): Map<string, string> {
  const base = baseImageTools(ctx, stage)?.facts.env ?? {};
  const out = new Map(Object.entries(base));
  for (const [k, v] of scope) out.set(k, v);
  return out;
}
