/**
 * Shell words as ShellCheck's `oversimplify` writes them, which is the text hadolint's rules
 * compare (`Hadolint.Shell.extractAllArgs`): quotes removed, `$X` and `${X...}` written
 * `${X}`/`${X...}`, `$(cmd)` as `${` + the words of cmd run together + `}`, backticks and
 * `$((...))` as `${VAR}`, brace expansions dropped.
 */
import { parseShellScript } from './parse.ts';
import type { ShellWord } from './types.ts';

/** Index just after the `close` that balances the opener before `i` (quotes honoured). */
function balanced(text: string, i: number, open: string, close: string): number {
  let depth = 1;
  let j = i;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let k = j + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' && c === '"' ? 2 : 1;
      j = k + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return text.length;
}

/** The words of a command substitution, simplified and run together. */
function simplifyScript(script: string): string {
  let out = '';
  for (const c of parseShellScript(script).commands) {
    if (c.depth !== 0) continue;
    for (const w of c.assignments) out += simplifyWord(w.raw);
    out += simplifyWord(c.nameWord.raw);
    for (const a of c.args) out += simplifyWord(a.raw);
  }
  return out;
}

/** At a `$` in `raw` at `i`: the simplified expansion and the index after it. */
function dollar(raw: string, i: number): [string, number] {
  const next = raw[i + 1];
  if (next === '(' && raw[i + 2] === '(') {
    const end = balanced(raw, i + 3, '(', ')');
    return ['${VAR}', Math.min(raw.length, end + (raw[end] === ')' ? 1 : 0))];
  }
  if (next === '(') {
    const end = balanced(raw, i + 2, '(', ')');
    return ['${' + simplifyScript(raw.slice(i + 2, end - 1)) + '}', end];
  }
  if (next === '{') {
    const end = balanced(raw, i + 2, '{', '}');
    return ['${' + raw.slice(i + 2, end - 1) + '}', end];
  }
  if (next === "'") {
    const close = raw.indexOf("'", i + 2);
    const end = close < 0 ? raw.length : close;
    return [raw.slice(i + 2, end), end + 1];
  }
  if (next === '"') return doubleQuoted(raw, i + 2);
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))!;
    return ['${' + m[0] + '}', i + 1 + m[0].length];
  }
  if (next !== undefined && /[0-9@*#?\-$!]/.test(next)) return ['${' + next + '}', i + 2];
  return ['$', i + 1];
}

/** The inside of a double-quoted string starting at `i` (after the quote). */
function doubleQuoted(raw: string, i: number): [string, number] {
  let out = '';
  let j = i;
  while (j < raw.length && raw[j] !== '"') {
    const c = raw[j]!;
    if (c === '\\') {
      const n = raw[j + 1];
      if (n === '\n') j += 2;
      else if (n !== undefined && '"\\$`'.includes(n)) {
        out += n;
        j += 2;
      } else {
        out += c;
        j++;
      }
      continue;
    }
    if (c === '$') {
      const [text, end] = dollar(raw, j);
      out += text;
      j = end;
      continue;
    }
    if (c === '`') {
      const close = raw.indexOf('`', j + 1);
      out += '${VAR}';
      j = close < 0 ? raw.length : close + 1;
      continue;
    }
    out += c;
    j++;
  }
  return [out, j + 1];
}

/** The characters `simplifyWord` treats specially; a word without any is returned as is. */
const SPECIAL_IN_WORD = /[\\'"$`{]/;

const NOT_LITERAL = /[$`*?]/;

/** A shell word as hadolint compares it (ShellCheck's simplified text). */
export function simplifyWord(raw: string): string {
  // Most words are plain text, which simplifies to itself.
  if (!SPECIAL_IN_WORD.test(raw)) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '\\') {
      if (raw[i + 1] !== '\n' && i + 1 < raw.length) out += raw[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      const end = close < 0 ? raw.length : close;
      out += raw.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const [text, end] = doubleQuoted(raw, i + 1);
      out += text;
      i = end;
      continue;
    }
    if (c === '$') {
      const [text, end] = dollar(raw, i);
      out += text;
      i = end;
      continue;
    }
    if (c === '`') {
      const close = raw.indexOf('`', i + 1);
      out += '${VAR}';
      i = close < 0 ? raw.length : close + 1;
      continue;
    }
    if (c === '{') {
      // A brace expansion ({a,b} or {1..3}) is dropped.
      const m = /^\{([^\s{}]*)\}/.exec(raw.slice(i));
      if (m && (m[1]!.includes(',') || m[1]!.includes('..'))) {
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Whether a word is plain literal text (what ShellCheck's `getLiteralString` accepts). */
export function isLiteralWord(word: ShellWord): boolean {
  if (!NOT_LITERAL.test(word.raw)) return true;
  return !/[$`*?]/.test(word.raw.replace(/'[^']*'/g, ''));
}
