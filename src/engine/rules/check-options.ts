/**
 * BuildKit's build-check options, `skip=A,B;error=true;experimental=C`, as its
 * `linter.ParseLintOptions` reads them. They come from the `# check=` directive or, replacing the
 * directive entirely, from the build argument `BUILDKIT_DOCKERFILE_CHECK` (moby/buildkit,
 * frontend/dockerui/config.go: when the build arg is set, `LinterConfig` is taken from it and
 * `newRuleLinter` in dockerfile2llb/convert.go never reads the directive).
 */

/** The build argument that overrides the `# check=` directive. */
export const CHECK_BUILD_ARG = 'BUILDKIT_DOCKERFILE_CHECK';

export interface CheckOptions {
  /** `skip=all`. */
  skipAll: boolean;
  /** Check names after `skip=` (BuildKit compares them case-sensitively). */
  skip: string[];
  /** `error=true`: a check's warning fails the build. */
  error: boolean;
  /** `experimental=all` or the experimental checks enabled by name. */
  experimentalAll: boolean;
  experimental: string[];
}

export type CheckOptionsResult = { ok: true; options: CheckOptions } | { ok: false; message: string };

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | null {
  if (/^(1|t|T|TRUE|true|True)$/.test(v)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(v)) return false;
  return null;
}

const names = (v: string) => v.split(',').map((s) => s.trim());

/**
 * Parses check options. Like Go's `strings.SplitN(s, ";", 3)`, at most three parts are read: a
 * third `;` stays inside the last part. An unknown key, a part without `=` or a bad boolean is an
 * error (BuildKit fails the build with it).
 */
export function parseCheckOptions(text: string): CheckOptionsResult {
  const options: CheckOptions = { skipAll: false, skip: [], error: false, experimentalAll: false, experimental: [] };
  const value = text.trim();
  if (value === '') return { ok: true, options };
  const parts: string[] = [];
  let rest = value;
  while (parts.length < 2) {
    const at = rest.indexOf(';');
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, message: `invalid check option "${part}"` };
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 'skip') {
      if (v === 'all') options.skipAll = true;
      else options.skip = names(v);
    } else if (key === 'experimental') {
      if (v === 'all') options.experimentalAll = true;
      else options.experimental = names(v);
    } else if (key === 'error') {
      const b = parseBool(v);
      if (b === null) return { ok: false, message: `failed to parse check option "${part}": invalid syntax` };
      options.error = b;
    } else {
      return { ok: false, message: `invalid check option "${key}"` };
    }
  }
  return { ok: true, options };
}
