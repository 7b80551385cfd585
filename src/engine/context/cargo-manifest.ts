/**
 * What a Cargo.toml in the build context says about the program `cargo build` makes: its name
 * and whether the release profile strips symbols. Read by the simulator (binary path and size)
 * and by the unstripped-binary rule. A line-based reader of the TOML subset Cargo.toml files use
 * for these keys (`[table]` headers, `key = value`), not a full TOML parser.
 */

/** The body of `[name]` (up to the next table header), or null when the table is absent. */
function table(text: string, name: string): string | null {
  const lines = text.split(/\r?\n/);
  const header = `[${name}]`;
  const start = lines.findIndex((l) => l.replace(/#.*$/, '').trim() === header);
  if (start < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\[/.test(line)) break;
    body.push(line.replace(/#.*$/, ''));
  }
  return body.join('\n');
}

function value(body: string, key: string): string | null {
  const m = new RegExp(`^\\s*${key}\\s*=\\s*(.+?)\\s*$`, 'm').exec(body);
  return m ? m[1]! : null;
}

/** `[package] name`, or null. */
export function cargoPackageName(text: string): string | null {
  const body = table(text, 'package');
  const raw = body !== null ? value(body, 'name') : null;
  return raw ? (/^"([^"]+)"$/.exec(raw)?.[1] ?? null) : null;
}

/**
 * Whether `cargo build --release` strips the symbol table: `[profile.release] strip = true` or
 * `"symbols"` (Cargo's profile docs). `"debuginfo"` is already the release default since Cargo
 * 1.77 (debug info only, symbols kept), and `false`/`"none"` keep everything.
 */
export function cargoReleaseStrips(text: string): boolean {
  const body = table(text, 'profile.release');
  const raw = body !== null ? value(body, 'strip') : null;
  return raw === 'true' || raw === '"symbols"';
}
