/**
 * Reading a failed start the way a developer reads the log: Node's own error messages say which
 * module or file was missing. These are Node's fixed message formats (CommonJS `Cannot find module
 * 'x'`, ESM `ERR_MODULE_NOT_FOUND: Cannot find package 'x'` / `Cannot find module '/abs/path'`,
 * `ENOENT: no such file or directory, open 'path'`).
 */
import type { FailureKind } from './outcome.ts';

export interface Classified {
  kind: FailureKind;
  subject: string | null;
  message: string;
}

const PACKAGE = /Cannot find (?:package|module) '([^']+)'/;
/**
 * Prisma's client without its generated code: its own message (CommonJS), or Node's when an ES
 * module imports `PrismaClient` from the ungenerated stub.
 */
const PRISMA_NOT_GENERATED = /@prisma\/client did not initialize yet|Named export 'PrismaClient' not found/;
const ENOENT = /ENOENT: no such file or directory, \w+ '([^']+)'/;

/** A bare specifier names a package (`express`, `@prisma/client`); a path names a file. */
function isPath(specifier: string): boolean {
  return specifier.startsWith('/') || specifier.startsWith('.') || /^[A-Za-z]:[\\/]/.test(specifier);
}

/** Why the final command stopped before listening, from its exit code and output. */
export function classifyExit(code: number | null, output: string): Classified {
  if (PRISMA_NOT_GENERATED.test(output)) {
    return { kind: 'missing-generated-client', subject: '@prisma/client', message: '@prisma/client has no generated client: run prisma generate in the final stage, or copy node_modules/.prisma from the stage that ran it' };
  }
  const module = PACKAGE.exec(output);
  if (module) {
    const subject = module[1]!;
    if (isPath(subject)) return { kind: 'missing-file', subject, message: `the app could not load ${subject}: the file is not in the final image` };
    return { kind: 'cannot-find-module', subject, message: `Cannot find module '${subject}': the package is not in the final image's node_modules` };
  }
  const missing = ENOENT.exec(output);
  if (missing) return { kind: 'missing-file', subject: missing[1]!, message: `the app needs ${missing[1]}, which is not in the final image` };
  if (code === 0) return { kind: 'exited', subject: null, message: 'the command finished with status 0 without ever listening: it is not a server, or it stopped early' };
  const last = output.trim().split('\n').filter((l) => /error/i.test(l)).at(-1) ?? output.trim().split('\n').at(-1) ?? '';
  return { kind: 'crash', subject: null, message: `the app exited with status ${code ?? 'killed'}${last ? `: ${last.trim()}` : ''}` };
}
