import type { RunState } from './types.ts';

/** A workspace package of the build context, read from its package.json. */
export interface WorkspacePackage {
  name: string;
  /** Directory relative to the context root (`apps/api`); "" for the root. */
  dir: string;
  /** Names of the workspace packages it depends on (`workspace:` versions), dev ones included. */
  internal: string[];
}

/** Every package.json of the context with a name (node_modules left out), parsed once per call. */
export function contextPackages(state: RunState): WorkspacePackage[] {
  const all: { name: string; dir: string; deps: Record<string, string> }[] = [];
  for (const file of state.input.context ?? []) {
    if (!/(^|\/)package\.json$/.test(file.path) || file.text === undefined || file.path.includes('node_modules/')) continue;
    let parsed: { name?: unknown; dependencies?: unknown; devDependencies?: unknown } | null;
    try {
      parsed = JSON.parse(file.text) as { name?: unknown; dependencies?: unknown; devDependencies?: unknown } | null;
    } catch {
      continue;
    }
    if (parsed === null || typeof parsed.name !== 'string') continue;
    const deps = { ...(parsed.dependencies as Record<string, string> | undefined), ...(parsed.devDependencies as Record<string, string> | undefined) };
    all.push({ name: parsed.name, dir: file.path.replace(/\/?package\.json$/, ''), deps });
  }
  const names = new Set(all.map((p) => p.name));
  return all.map((p) => ({
    name: p.name,
    dir: p.dir,
    internal: Object.entries(p.deps)
      .filter(([name, version]) => names.has(name) && typeof version === 'string' && version.startsWith('workspace:'))
      .map(([name]) => name),
  }));
}

/** The packages named and, transitively, the workspace packages they depend on. */
export function withInternalDependencies(packages: readonly WorkspacePackage[], names: readonly string[]): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const out = new Map<string, WorkspacePackage>();
  const visit = (name: string) => {
    const p = byName.get(name);
    if (!p || out.has(name)) return;
    out.set(name, p);
    p.internal.forEach(visit);
  };
  names.forEach(visit);
  return [...out.values()];
}

/** Where the context file `contextPath` was copied in this stage (the copy whose `from` it is), if anywhere. */
export function landedPath(state: RunState, contextPath: string): string | null {
  return state.fs.withTag('context').find((f) => f.from === contextPath)?.path ?? null;
}
