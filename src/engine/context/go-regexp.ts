/**
 * Go's `regexp.Compile` (RE2 syntax with Go's Perl flags), translated to a JavaScript RegExp.
 *
 * moby/patternmatcher turns every non-trivial ignore pattern into a Go regexp and hands parts of
 * the pattern to Go's parser verbatim: `[...]` classes, `\x` escapes and `^`. Go and JavaScript
 * disagree on those (`[[:alpha:]]`, `[a-\d]`, `\Q...\E`, `\pL`, `.` against '\r', `[b-a]`...),
 * so the Go syntax is parsed here with Go's rules, malformed input is rejected exactly where Go
 * rejects it, and the result is re-emitted as an unambiguous `v`-flag RegExp whose characters
 * are all `\u{...}` escapes.
 *
 * Flags are Go's `syntax.Perl`: `^`/`$` anchor the whole text, `.` excludes only '\n', classes
 * may match '\n', Perl extensions (`\d`, `\A`, `\z`, `\Q`, non-greedy `*?`) are on. Flag groups
 * `(?i)` are not supported (patternmatcher escapes every '(' it copies, so it never makes one).
 */

export type GoRegexpResult = { regexp: RegExp; source: string; error: null } | { regexp: null; source: null; error: string };

const MAX_RUNE = 0x10ffff;
const MAX_REPEAT = 1000;

/** One piece of the concatenation being built: its JavaScript form. */
interface Item {
  js: string;
}

/** An open group: finished alternatives, and the items of the one being read. */
interface Frame {
  alternatives: string[];
  items: Item[];
}

class GoSyntaxError extends Error {}

/** Compiles `source` as Go's `regexp.Compile` would, or returns why Go would refuse it. */
export function compileGoRegexp(source: string): GoRegexpResult {
  let js: string;
  try {
    js = new Parser(source).parse();
  } catch (err) {
    if (err instanceof GoSyntaxError) return { regexp: null, source: null, error: err.message };
    throw err;
  }
  return { regexp: new RegExp(js, 'v'), source: js, error: null };
}

// Code points of the character classes Go builds in (all ASCII), as inclusive ranges.
type Ranges = [number, number][];
const PERL_GROUPS: Record<string, Ranges> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};
const POSIX_GROUPS: Record<string, Ranges> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** Go's general categories, by canonical name, as JavaScript class items (positive, negative). */
function unicodeCategory(name: string): [string, string] | null {
  switch (name) {
    case 'Any':
      return ['\\u{0}-\\u{10FFFF}', '[]'];
    case 'Assigned':
      return ['\\P{Cn}', '\\p{Cn}'];
    case 'Ascii':
      return ['\\u{0}-\\u{7F}', '\\u{80}-\\u{10FFFF}'];
    case 'Lc':
      return ['\\p{LC}', '\\P{LC}'];
    // Go's C is Cc|Cf|Co|Cs: unlike JavaScript's \p{C}, it leaves out unassigned code points.
    case 'C':
      return ['[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]', '[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]'];
  }
  if (/^(?:[LMNPSZ]|C[cfos]|L[lmotu]|M[cen]|N[dlo]|P[cdefios]|S[ckmo]|Z[lps])$/.test(name)) {
    return [`\\p{${name}}`, `\\P{${name}}`];
  }
  // Single-word script names (Greek, Latin, Han, ...); patternmatcher can never produce the
  // braces these need, so the long tail of Go's table is not reproduced.
  if (/^[A-Z][a-z]+$/.test(name) && SCRIPTS.has(name)) return [`\\p{Script=${name}}`, `\\P{Script=${name}}`];
  return null;
}
const SCRIPTS = new Set(
  'Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi Khojki Khudawadi Khmer Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Medefaidrin Mende Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nushu Ogham Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala Sogdian Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi'.split(
    ' ',
  ),
);

/** Go's `canonicalName`: first letter upper case, the rest lower case, no '_', '-' or ' '. */
function canonicalName(name: string): string {
  let out = '';
  let first = true;
  for (const ch of name) {
    if (ch === '_' || ch === '-' || ch === ' ') continue;
    out += first ? (ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch) : ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
    first = false;
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function esc(c: number): string {
  return `\\u{${c.toString(16).toUpperCase()}}`;
}

function rangesJs(ranges: Ranges): string {
  return ranges.map(([lo, hi]) => (lo === hi ? esc(lo) : `${esc(lo)}-${esc(hi)}`)).join('');
}

/** The code points not in `ranges` (which are sorted and disjoint). */
function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (next <= lo - 1) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

class Parser {
  private readonly cp: number[];
  private i = 0;
  private readonly frames: Frame[] = [{ alternatives: [], items: [] }];

  constructor(source: string) {
    this.cp = Array.from(source, (ch) => ch.codePointAt(0)!);
  }

  private at(i: number): number {
    return i < this.cp.length ? this.cp[i]! : -1;
  }

  private fail(what: string): never {
    throw new GoSyntaxError(what);
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private push(js: string): void {
    this.frame.items.push({ js });
  }

  parse(): string {
    const n = this.cp.length;
    // Go forbids stacking repetitions (`a**`): remember whether the last token was one.
    let lastWasRepeat = false;
    while (this.i < n) {
      const c = this.cp[this.i]!;
      let isRepeat = false;
      switch (c) {
        case 0x28: // (
          if (this.at(this.i + 1) === 0x3f) {
            this.parsePerlGroup();
            break;
          }
          this.frames.push({ alternatives: [], items: [] });
          this.i++;
          break;
        case 0x7c: // |
          this.frame.alternatives.push(this.frame.items.map((it) => it.js).join(''));
          this.frame.items = [];
          this.i++;
          break;
        case 0x29: {
          // )
          if (this.frames.length < 2) this.fail('unexpected )');
          const closed = this.frames.pop()!;
          this.push(`(?:${[...closed.alternatives, closed.items.map((it) => it.js).join('')].join('|')})`);
          this.i++;
          break;
        }
        case 0x5e: // ^ begins the text (OneLine)
          this.push('^');
          this.i++;
          break;
        case 0x24: // $ ends the text
          this.push('$');
          this.i++;
          break;
        case 0x2e: // . is anything but a newline
          this.push('[^\\n]');
          this.i++;
          break;
        case 0x5b: // [
          this.push(this.parseClass());
          break;
        case 0x2a:
        case 0x2b:
        case 0x3f: {
          const op = c === 0x2a ? '*' : c === 0x2b ? '+' : '?';
          this.repeat(op, lastWasRepeat, this.i + 1);
          isRepeat = true;
          break;
        }
        case 0x7b: {
          // { is a repetition only when it reads {n}, {n,} or {n,m}; otherwise a literal.
          const rep = this.parseRepeatBraces(this.i);
          if (!rep) {
            this.push(esc(c));
            this.i++;
            break;
          }
          const { min, max, end } = rep;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) this.fail('invalid repeat count');
          this.repeat(max === -1 ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`, lastWasRepeat, end);
          isRepeat = true;
          break;
        }
        case 0x5c: // \
          this.parseTopEscape();
          break;
        default:
          this.push(esc(c));
          this.i++;
      }
      lastWasRepeat = isRepeat;
    }
    if (this.frames.length !== 1) this.fail('missing closing )');
    const root = this.frame;
    return [...root.alternatives, root.items.map((it) => it.js).join('')].join('|');
  }

  /**
   * `(?P<name>`, `(?<name>`, `(?:`, `(?U)`... Named groups are plain groups here (nothing reads
   * captures), `U` only swaps greediness, which cannot change whether a path matches. The `i`,
   * `m` and `s` flags would change matching and are refused; patternmatcher escapes every '('
   * it copies, so it never produces any of these.
   */
  private parsePerlGroup(): void {
    let t = this.i + 2;
    const named = this.at(t) === 0x50 && this.at(t + 1) === 0x3c ? t + 2 : this.at(t) === 0x3c ? t + 1 : -1;
    if (named >= 0 && this.cp.length - this.i > (named === t + 1 ? 3 : 4)) {
      let end = named;
      while (end < this.cp.length && this.cp[end] !== 0x3e) end++;
      if (end >= this.cp.length) this.fail('invalid named capture');
      const name = this.cp.slice(named, end);
      if (name.length === 0 || !name.every((c) => c === 0x5f || isAlnum(c))) this.fail('invalid named capture');
      this.frames.push({ alternatives: [], items: [] });
      this.i = end + 1;
      return;
    }
    let negated = false;
    let sawFlag = false;
    while (t < this.cp.length) {
      const c = this.cp[t++]!;
      if (c === 0x69 || c === 0x6d || c === 0x73) this.fail('the i, m and s flags are not supported');
      if (c === 0x55) {
        sawFlag = true;
      } else if (c === 0x2d && !negated) {
        negated = true;
        sawFlag = false;
      } else if ((c === 0x3a || c === 0x29) && !(negated && !sawFlag)) {
        if (c === 0x3a) this.frames.push({ alternatives: [], items: [] });
        this.i = t;
        return;
      } else {
        break;
      }
    }
    this.fail('invalid or unsupported Perl syntax');
  }

  /** Applies a repetition operator, which ends at `end` (before an optional non-greedy '?'). */
  private repeat(op: string, lastWasRepeat: boolean, end: number): void {
    let next = end;
    let lazy = '';
    if (this.at(next) === 0x3f) {
      lazy = '?';
      next++;
    }
    if (lastWasRepeat) this.fail('invalid nested repetition operator');
    const items = this.frame.items;
    if (items.length === 0) this.fail('missing argument to repetition operator');
    const last = items[items.length - 1]!;
    // Wrapped, so that anchors and word boundaries, which JavaScript will not repeat, can be.
    last.js = `(?:${last.js})${op}${lazy}`;
    this.i = next;
  }

  /** `{n}`, `{n,}` (max -1) or `{n,m}`; min is -1 when a number is too big. */
  private parseRepeatBraces(from: number): { min: number; max: number; end: number } | null {
    let i = from + 1;
    let tooBig = false;
    const int = (): number | null => {
      const start = i;
      if (this.at(i) === 0x30 && this.at(i + 1) >= 0x30 && this.at(i + 1) <= 0x39) return null; // no leading zeros
      while (this.at(i) >= 0x30 && this.at(i) <= 0x39) i++;
      if (i === start) return null;
      if (i - start > 8) tooBig = true;
      return Number(String.fromCodePoint(...this.cp.slice(start, i)));
    };
    const min = int();
    if (min === null) return null;
    let max = min;
    if (this.at(i) === 0x2c) {
      i++;
      if (this.at(i) === 0x7d) max = -1;
      else {
        const m = int();
        if (m === null) return null;
        max = m;
      }
    }
    if (this.at(i) !== 0x7d) return null;
    return { min: tooBig ? -1 : min, max, end: i + 1 };
  }

  private parseTopEscape(): void {
    const next = this.at(this.i + 1);
    switch (next) {
      case 0x41: // \A
        this.push('^');
        this.i += 2;
        return;
      case 0x62: // \b
        this.push('\\b');
        this.i += 2;
        return;
      case 0x42: // \B
        this.push('\\B');
        this.i += 2;
        return;
      case 0x43: // \C: any byte, which Go does not support
        this.fail('invalid escape sequence: \\C');
      case 0x51: {
        // \Q...\E: everything in between is literal; without \E, the rest of the text.
        let j = this.i + 2;
        while (j < this.cp.length && !(this.cp[j] === 0x5c && this.at(j + 1) === 0x45)) {
          this.push(esc(this.cp[j]!));
          j++;
        }
        this.i = j < this.cp.length ? j + 2 : j;
        return;
      }
      case 0x7a: // \z
        this.push('$');
        this.i += 2;
        return;
    }
    const unicode = this.parseUnicodeClass(this.i);
    if (unicode) {
      this.push(`[${unicode.item}]`);
      this.i = unicode.next;
      return;
    }
    const perl = this.parsePerlClass(this.i);
    if (perl) {
      this.push(`[${rangesJs(perl)}]`);
      this.i += 2;
      return;
    }
    const { rune, next: after } = this.parseEscape(this.i);
    this.push(esc(rune));
    this.i = after;
  }

  /** `\d`, `\s`, `\w` and their negations, as ranges; null when `from` starts none. */
  private parsePerlClass(from: number): Ranges | null {
    if (this.at(from) !== 0x5c) return null;
    const c = this.at(from + 1);
    if (c < 0) return null;
    const letter = String.fromCodePoint(c);
    const lower = letter.toLowerCase();
    const group = PERL_GROUPS[lower];
    if (!group || !'dswDSW'.includes(letter)) return null;
    return letter === lower ? group : complement(group);
  }

  /** `\pL`, `\PL`, `\p{Greek}`: a JavaScript class item; null when `from` starts none. */
  private parseUnicodeClass(from: number): { item: string; next: number } | null {
    if (this.at(from) !== 0x5c) return null;
    const p = this.at(from + 1);
    if (p !== 0x70 && p !== 0x50) return null;
    let sign = p === 0x50 ? -1 : 1;
    let name: string;
    let next: number;
    const c = this.at(from + 2);
    if (c !== 0x7b) {
      // One-letter name; at the very end Go reads an empty name, which no table has.
      name = c < 0 ? '' : String.fromCodePoint(c);
      next = c < 0 ? from + 2 : from + 3;
    } else {
      let end = from + 3;
      while (end < this.cp.length && this.cp[end] !== 0x7d) end++;
      if (end >= this.cp.length) this.fail('invalid character class range');
      name = String.fromCodePoint(...this.cp.slice(from + 3, end));
      next = end + 1;
    }
    if (name.startsWith('^')) {
      sign = -sign;
      name = name.slice(1);
    }
    const table = unicodeCategory(canonicalName(name));
    if (!table) this.fail(`invalid character class range: \\p${name}`);
    return { item: sign > 0 ? table[0] : table[1], next };
  }

  /** An escape that stands for one character (Go's `parseEscape`). */
  private parseEscape(from: number): { rune: number; next: number } {
    let i = from + 1;
    if (i >= this.cp.length) this.fail('trailing backslash at end of expression');
    const c = this.cp[i++]!;
    const octal = (x: number) => x >= 0x30 && x <= 0x37;
    if (c >= 0x31 && c <= 0x37 && !octal(this.at(i))) {
      // A lone \1..\7 would be a backreference, which RE2 does not have.
      this.fail('invalid escape sequence');
    }
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let k = 1; k < 3 && octal(this.at(i)); k++) r = r * 8 + this.cp[i++]! - 0x30;
      return { rune: r, next: i };
    }
    switch (c) {
      case 0x78: {
        // \x41 or \x{10FFFF}
        if (i >= this.cp.length) break;
        const d = this.cp[i++]!;
        if (d === 0x7b) {
          let r = 0;
          let digits = 0;
          for (;;) {
            if (i >= this.cp.length) this.fail('invalid escape sequence');
            const h = this.cp[i++]!;
            if (h === 0x7d) break;
            const v = unhex(h);
            if (v < 0) this.fail('invalid escape sequence');
            r = r * 16 + v;
            if (r > MAX_RUNE) this.fail('invalid escape sequence');
            digits++;
          }
          if (digits === 0) this.fail('invalid escape sequence');
          return { rune: r, next: i };
        }
        const x = unhex(d);
        const y = unhex(this.at(i));
        if (i < this.cp.length) i++;
        if (x < 0 || y < 0) break;
        return { rune: x * 16 + y, next: i };
      }
      case 0x61:
        return { rune: 0x07, next: i };
      case 0x66:
        return { rune: 0x0c, next: i };
      case 0x6e:
        return { rune: 0x0a, next: i };
      case 0x72:
        return { rune: 0x0d, next: i };
      case 0x74:
        return { rune: 0x09, next: i };
      case 0x76:
        return { rune: 0x0b, next: i };
      default:
        // Punctuation stands for itself; letters and digits Go does not know are errors.
        if (c < 0x80 && !isAlnum(c)) return { rune: c, next: i };
    }
    this.fail('invalid escape sequence');
  }

  /** One character of a class: escaped or not. */
  private parseClassChar(from: number): { rune: number; next: number } {
    if (from >= this.cp.length) this.fail('missing closing ]');
    if (this.cp[from] === 0x5c) return this.parseEscape(from);
    return { rune: this.cp[from]!, next: from + 1 };
  }

  /** A `[...]` class starting at `this.i`, as a JavaScript class. */
  private parseClass(): string {
    let t = this.i + 1;
    let negated = false;
    if (this.at(t) === 0x5e) {
      negated = true;
      t++;
    }
    const ranges: Ranges = [];
    const items: string[] = [];
    // ']' right after '[' or '[^' is a literal ']'.
    let first = true;
    while (t >= this.cp.length || this.cp[t] !== 0x5d || first) {
      first = false;
      // POSIX [:alpha:]; Go looks for the closing ":]" anywhere further on.
      if (this.cp.length - t > 2 && this.cp[t] === 0x5b && this.cp[t + 1] === 0x3a) {
        let close = -1;
        for (let k = t + 2; k + 1 < this.cp.length; k++) {
          if (this.cp[k] === 0x3a && this.cp[k + 1] === 0x5d) {
            close = k;
            break;
          }
        }
        if (close >= 0) {
          let name = String.fromCodePoint(...this.cp.slice(t + 2, close));
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const group = Object.hasOwn(POSIX_GROUPS, name) ? POSIX_GROUPS[name]! : null;
          if (!group) this.fail('invalid character class range');
          ranges.push(...(neg ? complement(group) : group));
          t = close + 2;
          continue;
        }
      }
      const unicode = this.parseUnicodeClass(t);
      if (unicode) {
        items.push(unicode.item);
        t = unicode.next;
        continue;
      }
      const perl = this.parsePerlClass(t);
      if (perl) {
        ranges.push(...perl);
        t += 2;
        continue;
      }
      const lo = this.parseClassChar(t);
      t = lo.next;
      let hi = lo.rune;
      // [a-] is 'a' or '-': a '-' followed by ']' is literal.
      if (this.cp.length - t >= 2 && this.cp[t] === 0x2d && this.cp[t + 1] !== 0x5d) {
        const h = this.parseClassChar(t + 1);
        t = h.next;
        hi = h.rune;
        if (hi < lo.rune) this.fail('invalid character class range');
      }
      ranges.push([lo.rune, hi]);
    }
    this.i = t + 1;
    return `[${negated ? '^' : ''}${rangesJs(ranges)}${items.join('')}]`;
  }
}
