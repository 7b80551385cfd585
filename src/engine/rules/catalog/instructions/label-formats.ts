/**
 * The value formats of hadolint's label schema (DL3052–DL3058), written after the libraries
 * hadolint uses: network-uri's `parseURI`, timerep's RFC 3339 parser, Cabal's SPDX license ids,
 * the `semver` package and email-validate (RFC 5322 addr-spec).
 */
import { SPDX_LICENSE_IDS } from './spdx-ids.ts';

const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

/** An absolute URI (RFC 3986 `absolute-URI` with an optional fragment), as `parseURI` accepts it. */
export function isUrl(value: string): boolean {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:([\s\S]*)$/.exec(value);
  if (!m) return false;
  const rest = m[1]!;
  if (!URI_CHARS.test(rest)) return false;
  const hash = rest.indexOf('#');
  const fragment = hash < 0 ? '' : rest.slice(hash + 1);
  if (fragment.includes('#') || /[[\]]/.test(fragment)) return false;
  const beforeFragment = hash < 0 ? rest : rest.slice(0, hash);
  const q = beforeFragment.indexOf('?');
  const query = q < 0 ? '' : beforeFragment.slice(q + 1);
  if (/[[\]]/.test(query)) return false;
  const hier = q < 0 ? beforeFragment : beforeFragment.slice(0, q);
  if (!hier.startsWith('//')) return !/[[\]]/.test(hier);
  const afterSlashes = hier.slice(2);
  const slash = afterSlashes.indexOf('/');
  const authority = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
  const path = slash < 0 ? '' : afterSlashes.slice(slash);
  if (/[[\]]/.test(path)) return false;
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  if (/[@[\]]/.test(userinfo)) return false;
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  let host = hostPort;
  let port = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return false;
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return false;
    port = after.slice(1);
    if (!/^\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]$/.test(host)) return false;
  } else {
    const colon = hostPort.indexOf(':');
    if (colon >= 0) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
    if (/[:[\]]/.test(host)) return false;
  }
  return /^\d*$/.test(port);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An RFC 3339 date-time: `2024-05-01T12:30:00Z`, `2021-03-10T10:26:33.56+01:00`. */
export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !leap ? 28 : DAYS[month - 1]!)) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

/** A license identifier of the SPDX list (not an expression such as `MIT OR Apache-2.0`). */
export function isSpdx(value: string): boolean {
  return SPDX_LICENSE_IDS.has(value);
}

/** A git commit hash, short (7) or full (40), lower-case hex. */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A Semantic Versioning 2.0.0 version: `1.2.3`, `2.0.1-rc1`, `1.0.0+build.5`. */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const EMAIL = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${LITERAL})$`);

/** An RFC 5322 address (`local@domain`), without display name or angle brackets. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}
