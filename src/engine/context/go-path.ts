/**
 * Go's `path/filepath` string helpers for '/' separators, which BuildKit applies to ignore
 * patterns and to the paths it matches against them. Ported so that `a/../b`, `./a`, `a//b`
 * and trailing slashes end up exactly where Go puts them.
 */

/**
 * Go's `filepath.Clean`: the shortest equivalent path by lexical processing. Empty becomes
 * ".", a rooted `/..` stays `/`, and the result ends in '/' only when it is the root.
 */
export function goClean(path: string): string {
  if (path === '') return '.';
  const rooted = path.charCodeAt(0) === 0x2f;
  const n = path.length;
  let out = rooted ? '/' : '';
  let r = rooted ? 1 : 0;
  // `..` may not backtrack past this index: the root's slash or a leading run of `..`.
  let dotdot = rooted ? 1 : 0;
  while (r < n) {
    const c = path[r];
    if (c === '/') {
      r++;
    } else if (c === '.' && (r + 1 === n || path[r + 1] === '/')) {
      r++;
    } else if (c === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        out += out.length > 0 ? '/..' : '..';
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      const start = r;
      while (r < n && path[r] !== '/') r++;
      out += path.slice(start, r);
    }
  }
  return out === '' ? '.' : out;
}

/** Go's `filepath.Dir`: everything before the last '/', cleaned ("." when there is none). */
export function goDir(path: string): string {
  const i = path.lastIndexOf('/');
  return goClean(path.slice(0, i + 1));
}

/**
 * Orders strings as Go compares them, by UTF-8 bytes, which is code point order. (JavaScript's
 * `<` compares UTF-16 units and puts U+E000..U+FFFF after astral characters.) Go's
 * `filepath.WalkDir` sorts directory entries this way.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate encodes a code point above U+FFFF: it sorts after every BMP character.
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
