/**
 * EXPOSE as BuildKit's dispatcher reads it (`convert_expose.go`): every argument is expanded and
 * split into words, then each word is parsed as `[ip:][hostPort:]port[-end][/proto]`. The lint
 * checks run on a word once its protocol is known; the first malformed word stops the
 * instruction (the build fails there), so the words after it are not checked.
 */
import type { Range } from '../../../parse/types.ts';
import type { Step } from '../../../stages/types.ts';

export interface ExposedPort {
  /** The word after expansion, as BuildKit quotes it in its messages. */
  word: string;
  /** The argument the word came from. */
  range: Range;
  /** Whether the argument was written without variables (so the word is its text). */
  literal: boolean;
  ip: string;
  hostPort: string;
  /** The protocol as written (may be empty). */
  proto: string;
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  if (parts.length === 1) return ['', '', parts[0]!];
  if (parts.length === 2) return ['', parts[0]!, parts[1]!];
  if (parts.length === 3) return [parts[0]!, parts[1]!, parts[2]!];
  const n = parts.length;
  return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, parts[n - 1]!];
}

function parsePortNumber(raw: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(raw)) return null;
  const n = Number(raw);
  return n < 0 || n > 65535 ? null : n;
}

/** `[start, end]` of `80` or `8000-9000`, or null when invalid. */
function parsePortRange(ports: string): [number, number] | null {
  if (ports === '') return null;
  const dash = ports.indexOf('-');
  const start = parsePortNumber(dash < 0 ? ports : ports.slice(0, dash));
  if (start === null) return null;
  if (dash < 0 || ports.slice(0, dash) === ports.slice(dash + 1)) return [start, start];
  const end = parsePortNumber(ports.slice(dash + 1));
  if (end === null || end < start) return null;
  return [start, end];
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** Go's `net.ParseIP` (no zones). */
function parseIP(s: string): boolean {
  if (isIPv4(s)) return true;
  if (!s.includes(':')) return false;
  let text = s;
  let groups = 8;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parse = (half: string): string[] | null => {
    if (half === '') return [];
    const g = half.split(':');
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : null;
  };
  const head = parse(halves[0]!);
  if (head === null) return false;
  if (halves.length === 1) return head.length === groups;
  const tail = parse(halves[1]!);
  if (tail === null) return false;
  groups -= 1;
  return head.length + tail.length <= groups;
}

/**
 * The words of an EXPOSE that BuildKit gets to check, in the order it dispatches them:
 * `parseExpose` sorts the arguments as written (`slices.Sort(portsTab)`), so a malformed one
 * stops the checks of those after it in that order, not in the source order.
 */
export function exposedPorts(step: Step): ExposedPort[] {
  const words = step.expansions.filter((e) => e.field === 'port').sort((a, b) => (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
  if (words.some((w) => w.error)) return [];
  const out: ExposedPort[] = [];
  for (const expanded of words) {
    for (const word of expanded.values) {
      const [ip0, hostPort, containerPart] = splitParts(word);
      const slash = containerPart.indexOf('/');
      const port = slash < 0 ? containerPart : containerPart.slice(0, slash);
      const proto = slash < 0 ? '' : containerPart.slice(slash + 1);
      if (port === '' || !['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) return out;
      out.push({ word, range: expanded.range, literal: expanded.matched.length === 0 && expanded.unmatched.length === 0, ip: ip0, hostPort, proto });
      let ip = ip0;
      if (ip !== '' && ip[0] === '[') {
        const m = /^\[([^\]]*)\]$/.exec(ip);
        if (!m) return out;
        ip = m[1]!;
      }
      if (ip !== '' && !parseIP(ip)) return out;
      const range = parsePortRange(port);
      if (!range) return out;
      if (hostPort !== '') {
        const host = parsePortRange(hostPort);
        if (!host) return out;
        if (range[1] - range[0] !== host[1] - host[0] && range[1] !== range[0]) return out;
      }
    }
  }
  return out;
}
