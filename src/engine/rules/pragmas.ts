/**
 * In-file switches that silence rules:
 * - hadolint's `# hadolint ignore=DL3008,DL3015` (applies to the instruction on the next line)
 *   and `# hadolint global ignore=DL3059` (the whole file);
 * - Layerwise's `# layerwise-ignore=<id>[,<id>] reason` (next line) and
 *   `# layerwise-ignore-file=<id>` (whole file);
 * - BuildKit's `# check=skip=JSONArgsRecommended,StageNameCasing;error=true` directive
 *   (`skip=all` silences every build check; `error=true` makes them fail the build).
 */
import type { Directive } from '../parse/types.ts';
import { parseCheckOptions, type CheckOptions } from './check-options.ts';

export interface Pragmas {
  /** Codes or ids ignored on a given line (the pragma's line + 1). */
  byLine: Map<number, Set<string>>;
  /** Codes or ids ignored everywhere. */
  global: Set<string>;
  /**
   * The `# check=` directive's options, or null when there is none or it does not parse (BuildKit
   * then fails the build with `checkError`; the checks run unconfigured here).
   */
  checks: CheckOptions | null;
  checkError: string | null;
}

const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*$/;
const LAYERWISE = /^#\s*layerwise-ignore(-file)?\s*=\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/i;

function codes(list: string): string[] {
  return list
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export function readPragmas(lines: readonly string[], directives: readonly Directive[]): Pragmas {
  const pragmas: Pragmas = { byLine: new Map(), global: new Set(), checks: null, checkError: null };
  lines.forEach((line, i) => {
    // Most lines hold no comment at all; only those with `#` need trimming and matching.
    if (!line.includes('#')) return;
    const text = line.trim();
    if (!text.startsWith('#')) return;
    const hadolint = HADOLINT.exec(text);
    const layerwise = hadolint ? null : LAYERWISE.exec(text);
    const match = hadolint ?? layerwise;
    if (!match) return;
    const list = codes(match[2]!);
    if (match[1]) {
      for (const c of list) pragmas.global.add(c);
      return;
    }
    const target = i + 2; // the next physical line, 1-based
    const set = pragmas.byLine.get(target) ?? new Set<string>();
    for (const c of list) set.add(c);
    pragmas.byLine.set(target, set);
  });
  // BuildKit reads the first `check` directive only (parser.ParseDirective).
  const directive = directives.find((d) => d.name === 'check');
  if (directive) {
    const parsed = parseCheckOptions(directive.value);
    if (parsed.ok) pragmas.checks = parsed.options;
    else pragmas.checkError = `failed to parse check options: ${parsed.message}`;
  }
  return pragmas;
}
