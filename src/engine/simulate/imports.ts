/**
 * Which dev dependencies a Node project's own code loads at run time: the packages its source
 * files import or require that package.json lists only under devDependencies. A production
 * install (`npm ci --omit=dev`) leaves them out, and the app stops with `Cannot find module`.
 *
 * The specifiers are read with the module syntax's fixed forms (`import ... from 'x'`,
 * `import 'x'`, `import('x')`, `require('x')`, `export ... from 'x'`); `import type` is erased by
 * TypeScript and does not count. Tests, type declarations and tool configs are not run by the app.
 */
import type { ContextFile } from './input.ts';

const SPECIFIERS = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gm;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const NOT_RUN = /(?:^|\/)(?:__tests__|test|tests)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$|(?:^|\/)[^/]*\.config\.[cm]?[jt]s$/;

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; null for relative, absolute and `node:` specifiers. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface RuntimeDevImport {
  name: string;
  /** The context file that imports it. */
  file: string;
}

/** The packages the code of the project at `dir` imports (tests and tool configs left out). */
export function packagesImported(context: readonly ContextFile[], dir: string): Map<string, string> {
  const prefix = dir === '' ? '' : `${dir}/`;
  const found = new Map<string, string>();
  for (const file of context) {
    if (file.text === undefined || !file.path.startsWith(prefix) || !SOURCE.test(file.path)) continue;
    const rel = file.path.slice(prefix.length);
    if (rel.includes('node_modules/') || NOT_RUN.test(rel)) continue;
    for (const match of file.text.matchAll(SPECIFIERS)) {
      if (match[1]) continue;
      const name = packageOf(match[2] ?? match[3] ?? '');
      if (name && !found.has(name)) found.set(name, file.path);
    }
  }
  return found;
}

/**
 * Whether the project's code needs a Prisma client generated into node_modules/.prisma: it
 * imports `@prisma/client` and a schema uses the `prisma-client-js` generator (the newer
 * `prisma-client` generator writes into the sources instead).
 */
export function needsGeneratedPrismaClient(context: readonly ContextFile[], dir: string): string | null {
  const prefix = dir === '' ? '' : `${dir}/`;
  const importer = packagesImported(context, dir).get('@prisma/client');
  if (!importer) return null;
  const schema = context.find((f) => f.path.startsWith(prefix) && f.path.endsWith('.prisma') && /provider\s*=\s*"prisma-client-js"/.test(f.text ?? ''));
  return schema ? importer : null;
}

/** The dev-only packages that the code of the project at `dir` ("" for the root) imports. */
export function devDependenciesImported(context: readonly ContextFile[], dir: string): RuntimeDevImport[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const manifest = context.find((f) => f.path === `${prefix}package.json`)?.text;
  if (!manifest) return [];
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(manifest);
  } catch {
    return [];
  }
  const prod = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const devOnly = new Set(Object.keys(pkg.devDependencies ?? {}).filter((name) => !prod.has(name) && !name.startsWith('@types/')));
  if (devOnly.size === 0) return [];
  return [...packagesImported(context, dir)].filter(([name]) => devOnly.has(name)).map(([name, file]) => ({ name, file }));
}
