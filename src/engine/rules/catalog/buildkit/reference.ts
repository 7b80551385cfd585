/**
 * distribution/reference's `ParseNormalizedNamed`: whether a string is an image reference Docker
 * accepts (`alpine`, `ghcr.io/org/app:1.2`, `busybox@sha256:...`). Returns the error text, or null.
 */
import { mapsToItself } from '../../../parse/go-text.ts';

// distribution's `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`, written so that the engine
// does not try each name twice: the same strings match.
const DOMAIN_COMPONENT = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);

/** Whether `toLowerCase` leaves `s` as it is (image names are nearly always ASCII). */
function isLowerCase(s: string): boolean {
  return mapsToItself(s, 0x41, 0x5a, toLowerCase);
}

const toLowerCase = (s: string): string => s.toLowerCase();

/** `splitDockerDomain`: the registry and the path, with docker.io and library/ filled in. */
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  const first = i === -1 ? '' : name.slice(0, i);
  let domain: string;
  let remainder: string;
  if (i === -1 || (!first.includes('.') && !first.includes(':') && first !== 'localhost' && isLowerCase(first))) {
    domain = 'docker.io';
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

/** `reference.Parse` on a full name. */
function parse(s: string): string | null {
  // Without `@` there is no digest to check, and a name no longer than the whole string is
  // within the limit: whether it matches is all (most references), and needs no match array.
  if (s.length <= NAME_TOTAL_LENGTH_MAX && !s.includes('@') && REFERENCE.test(s)) return null;
  const m = REFERENCE.exec(s);
  if (!m) {
    if (s === '') return 'repository name must have at least one component';
    if (REFERENCE.test(s.toLowerCase())) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  if (m[1]!.length > NAME_TOTAL_LENGTH_MAX) return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  const digest = m[3];
  if (digest) {
    const colon = digest.indexOf(':');
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    const want = DIGEST_HEX_LENGTH.get(algorithm);
    if (want === undefined) return 'unsupported digest algorithm';
    if (hex.length !== want || !/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
  }
  return null;
}

/**
 * The error `ParseNormalizedNamed(s)` returns, or null when `s` is a valid reference. Not cached
 * between lints: a cache keyed by image name would make a benchmark that lints the same files
 * again and again look faster than linting new files is.
 */
export function normalizedNamedError(s: string): string | null {
  // Only a 64-character string can be a bare image ID: most are answered by their length.
  if (s.length === 64 && ANCHORED_IDENTIFIER.test(s)) return 'invalid repository name (cannot specify 64-byte hexadecimal strings)';
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (!isLowerCase(remoteName)) return `invalid reference format: repository name (${remoteName}) must be lowercase`;
  return parse(`${domain}/${remainder}`);
}

/** A reference in Docker's short ("familiar") form: `docker.io/library/alpine:latest` → `alpine`. */
export function familiarName(ref: string): string {
  let r = ref;
  if (normalizedNamedError(r) !== null) return r;
  const [domain, remainder] = splitDockerDomain(r);
  r = domain === 'docker.io' ? remainder.replace(/^library\/(?=[^/]+$)/, '') : `${domain}/${remainder}`;
  return r.replace(/:latest$/, '');
}
