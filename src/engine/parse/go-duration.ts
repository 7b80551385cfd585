/** Go's duration units, in milliseconds (a Map: `1constructor` must be an unknown unit). */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['ns', 1e-6],
  ['us', 1e-3],
  ['µs', 1e-3],
  ['μs', 1e-3],
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
]);

/** Go's `time.ParseDuration`, returning milliseconds, or an error message as Go words it. */
export function parseGoDuration(text: string): { ms: number } | { error: string } {
  const invalid = { error: `time: invalid duration ${JSON.stringify(text)}` };
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ms: 0 };
  if (s === '') return invalid;
  let total = 0;
  const part = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s !== '') {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return invalid;
    const unit = m[3]!;
    if (unit === '') return { error: `time: missing unit in duration ${JSON.stringify(text)}` };
    const scale = UNITS.get(unit);
    if (scale === undefined) {
      return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}` };
    }
    total += Number(`${m[1] || '0'}.${m[2] ?? '0'}`) * scale;
    s = s.slice(m[0].length);
  }
  return { ms: negative ? -total : total };
}
