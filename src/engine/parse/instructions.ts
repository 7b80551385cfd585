/**
 * From BuildKit's syntax nodes to typed instructions, with the checks BuildKit's
 * `instructions` package makes (argument counts, accepted flags, stage names, durations).
 */
import { parseFlags, type FlagKind, type ParsedFlags } from './bflags.ts';
import { parseGoDuration } from './go-duration.ts';
import { equalFoldAs, goQuote, goToLower, goToUpper } from './go-text.ts';
import { chompHeredocContent, parseHeredocMarker } from './heredoc.ts';
import type { RawInstruction } from './line-parsers.ts';
import type { LogicalLine } from './logical-line.ts';
import { parseMount } from './run-mount.ts';
import type {
  Argument,
  Flag,
  Heredoc,
  Instruction,
  KeyValue,
  Mount,
  ParseError,
  Range,
} from './types.ts';

export interface InstructionContext {
  logical: LogicalLine;
  heredocs: Heredoc[];
  comments: string[];
  range: Range;
  /** Where the instruction's errors go (the parser's list, in source order). */
  errors: ParseError[];
}

/** The flags each instruction accepts in the current Dockerfile frontend. */
const ACCEPTED_FLAGS: Record<string, Record<string, FlagKind>> = {
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings', unpack: 'bool' },
  COPY: { chown: 'string', chmod: 'string', from: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
// Shared by every instruction without flags (most of them); nothing changes a parsed instruction.
const NO_FLAGS: Flag[] = Object.freeze([]) as unknown as Flag[];

/** Types one instruction; its errors are appended to `ctx.errors`. */
export function typeInstruction(raw: RawInstruction, ctx: InstructionContext): Instruction {
  return build(raw, ctx, ctx.heredocs);
}

function fail(ctx: InstructionContext, message: string, range: Range = ctx.range): void {
  ctx.errors.push({ kind: 'instruction', message, range });
}

/** BuildKit's handleJSONArgs: shell form is the whole text as one word. */
function commandLine(json: boolean, values: string[]): string[] {
  // `values` is the instruction's own fresh array, so a single word can be returned as it is.
  return json || values.length === 1 ? values : values.length ? [values.join(' ')] : [];
}

/** The range of all arguments (only needed to report an error), or the keyword's. */
function argsRange(args: Argument[], keywordRange: Range): Range {
  return args.length > 0 ? span(args[0]!.range, args[args.length - 1]!.range) : keywordRange;
}

function checkFlags(ctx: InstructionContext, flags: Flag[], accepted: Record<string, FlagKind> = {}): ParsedFlags {
  const parsed = parseFlags(flags, accepted);
  if (parsed.error) fail(ctx, parsed.error.message, parsed.error.flag.range);
  return parsed;
}

function toFlag(token: RawInstruction['flags'][number], logical: LogicalLine): Flag {
  const body = token.raw.startsWith('--') ? token.raw.slice(2) : token.raw;
  const eq = body.indexOf('=');
  return {
    raw: token.raw,
    name: eq < 0 ? body : body.slice(0, eq),
    value: eq < 0 ? null : body.slice(eq + 1),
    range: logical.rangeOf(token.start, token.end),
  };
}

function build(raw: RawInstruction, ctx: InstructionContext, heredocs: Heredoc[]): Instruction {
  const { logical } = ctx;
  const keyword = raw.upper;
  const n = raw.args.length;
  const args: Argument[] = new Array(n);
  const values: string[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const a = raw.args[k]!;
    args[k] = { value: a.value, range: logical.rangeOf(a.start, a.end) };
    values[k] = a.value;
  }
  const flags = raw.flags.length === 0 ? NO_FLAGS : raw.flags.map((f) => toFlag(f, logical));
  // The fields every instruction has, written into each kind's object literal below (one
  // allocation per instruction; spreading a shared base object would make three).
  const keywordText = raw.keyword;
  const keywordRange = logical.rangeOf(raw.keywordStart, raw.keywordEnd);
  const range = ctx.range;
  const original = logical.text;
  const segments = logical.segments();
  const json = raw.json;
  const comments = ctx.comments;


  switch (keyword) {
    case 'FROM': {
      let stageName: string | null = null;
      let stageNameRange: Range | null = null;
      if (args.length === 3 && equalFoldAs(args[1]!.value)) {
        stageName = goToLower(args[2]!.value);
        stageNameRange = args[2]!.range;
        if (!STAGE_NAME.test(stageName)) {
          fail(ctx, 
            `invalid name for build stage: ${goQuote(args[2]!.value)}, name can't start with a number or contain symbols`,
            args[2]!.range,
          );
        }
      } else if (args.length !== 1) {
        fail(ctx, 'FROM requires either one or three arguments', argsRange(args, keywordRange));
      }
      const parsed = checkFlags(ctx, flags, ACCEPTED_FLAGS.FROM);
      return {
        keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments,
        keyword: 'FROM',
        image: values[0] ?? '',
        stageName,
        stageNameRange,
        platform: parsed.strings.get('platform') ?? null,
      };
    }
    case 'RUN': {
      const parsed = checkFlags(ctx, flags, ACCEPTED_FLAGS.RUN);
      const mounts: Mount[] = [];
      for (const flag of parsed.lists.get('mount') ?? []) {
        const result = parseMount(flag.value ?? '', flag.range);
        if ('error' in result) fail(ctx, result.error, flag.range);
        else mounts.push(result.mount);
      }
      const network = parsed.strings.get('network') ?? null;
      if (network !== null && !['default', 'none', 'host'].includes(network) && !network.includes('$')) {
        fail(ctx, `unsupported network mode ${goQuote(network)}`, flagRange(flags, 'network'));
      }
      const security = parsed.strings.get('security') ?? null;
      if (security !== null && !['sandbox', 'insecure'].includes(security) && !security.includes('$')) {
        fail(ctx, `unsupported security mode ${goQuote(security)}`, flagRange(flags, 'security'));
      }
      return {
        keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments,
        keyword: 'RUN',
        form: raw.json ? 'exec' : 'shell',
        command: commandLine(raw.json, values),
        mounts,
        network: network as 'default' | 'none' | 'host' | null,
        security: security as 'sandbox' | 'insecure' | null,
      };
    }
    case 'CMD':
    case 'ENTRYPOINT':
      checkFlags(ctx, flags);
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword, form: raw.json ? 'exec' : 'shell', command: commandLine(raw.json, values) };
    case 'SHELL': {
      checkFlags(ctx, flags);
      const shell = commandLine(raw.json, values);
      if (shell.length === 0) fail(ctx, 'SHELL requires at least one argument', keywordRange);
      else if (!raw.json) fail(ctx, 'SHELL requires the arguments to be in JSON form', argsRange(args, keywordRange));
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword: 'SHELL', shell: raw.json ? shell : [] };
    }
    case 'COPY':
    case 'ADD': {
      if (args.length < 2) {
        fail(ctx, 
          `${keyword} requires at least two arguments, but only one was provided. Destination could not be determined.`,
          argsRange(args, keywordRange),
        );
      }
      const parsed = checkFlags(ctx, flags, ACCEPTED_FLAGS[keyword]);
      const sources: Argument[] = [];
      const sourceContents = [];
      const destination = args.length >= 2 ? args[args.length - 1]! : null;
      if (destination && safeMarker(destination.value)) {
        fail(ctx, `${keyword} cannot accept a heredoc as a destination`, destination.range);
      }
      for (let k = 0; k < args.length - 1; k++) {
        const arg = args[k]!;
        const marker = safeMarker(arg.value);
        if (marker) {
          const doc = heredocs.findLast((h) => h.name === marker.name);
          const content = doc?.content ?? '';
          sourceContents.push({
            path: marker.name,
            data: marker.chomp ? chompHeredocContent(content) : content,
            expand: marker.expand,
          });
        } else sources.push(arg);
      }
      const unpack = parsed.bools.get('unpack');
      return {
        keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments,
        keyword,
        sources,
        sourceContents,
        destination,
        from: parsed.strings.get('from') ?? null,
        chown: parsed.strings.get('chown') ?? null,
        chmod: parsed.strings.get('chmod') ?? null,
        link: parsed.bools.get('link') ?? false,
        parents: parsed.bools.get('parents') ?? false,
        exclude: (parsed.lists.get('exclude') ?? []).map((f) => f.value ?? ''),
        keepGitDir: parsed.bools.get('keep-git-dir') ?? false,
        checksum: parsed.strings.get('checksum') ?? null,
        unpack: unpack === undefined ? null : unpack,
      };
    }
    case 'ENV':
    case 'LABEL': {
      checkFlags(ctx, flags);
      if (args.length === 0) fail(ctx, `${keyword} requires at least one argument`, keywordRange);
      const pairs: KeyValue[] = [];
      for (let i = 0; i + 1 < args.length; i += 3) {
        const key = args[i]!;
        const value = args[i + 1]!;
        const sep = args[i + 2]?.value === '=' ? '=' : '';
        if (key.value === '') fail(ctx, `${keyword} names can not be blank`, key.range);
        pairs.push({ key: key.value, value: value.value, separator: sep, keyRange: key.range, valueRange: value.range });
      }
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword, pairs };
    }
    case 'ARG': {
      checkFlags(ctx, flags);
      if (args.length === 0) fail(ctx, `${keyword} requires at least one argument`, keywordRange);
      const definitions = args.map((a) => {
        const eq = a.value.indexOf('=');
        if (eq === 0) fail(ctx, 'ARG names can not be blank', a.range);
        return {
          name: eq < 0 ? a.value : a.value.slice(0, eq),
          defaultValue: eq < 0 ? null : a.value.slice(eq + 1),
          range: a.range,
        };
      });
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword: 'ARG', definitions };
    }
    case 'HEALTHCHECK':
      return healthcheck({ keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments }, raw, args, flags, (message, range) => fail(ctx, message, range), values);
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      if (args.length !== 1) fail(ctx, `${keyword} requires exactly one argument`, argsRange(args, keywordRange));
      if (keyword !== 'STOPSIGNAL') checkFlags(ctx, flags);
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword, value: values[0] ?? '' };
    case 'EXPOSE':
    case 'VOLUME':
      if (args.length === 0) fail(ctx, `${keyword} requires at least one argument`, keywordRange);
      checkFlags(ctx, flags);
      if (keyword === 'VOLUME') {
        for (const a of args) if (a.value.trim() === '') fail(ctx, 'VOLUME specified can not be an empty string', a.range);
      }
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword, values: keyword === 'VOLUME' ? values.map((v) => v.trim()) : values };
    case 'ONBUILD': {
      checkFlags(ctx, flags);
      const child = raw.child;
      if (!child) {
        fail(ctx, 'ONBUILD requires at least one argument', keywordRange);
        return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword: 'ONBUILD', trigger: null };
      }
      const triggerWord = goToUpper(child.keyword);
      const triggerRange = logical.rangeOf(child.keywordStart, child.keywordEnd);
      if (triggerWord === 'ONBUILD') fail(ctx, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", triggerRange);
      else if (triggerWord === 'MAINTAINER' || triggerWord === 'FROM') {
        fail(ctx, `${triggerWord} isn't allowed as an ONBUILD trigger`, triggerRange);
      }
      const trigger = build(child, ctx, heredocs);
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword: 'ONBUILD', trigger };
    }
    default:
      fail(ctx, `unknown instruction: ${keyword}`, keywordRange);
      return { keywordText, keywordRange, range, original, segments, flags, args, json, heredocs, comments, keyword: 'UNKNOWN' };
  }
}

function healthcheck(
  base: Omit<Extract<Instruction, { keyword: 'HEALTHCHECK' }>, 'keyword' | 'type' | 'form' | 'command' | 'intervalMs' | 'timeoutMs' | 'startPeriodMs' | 'startIntervalMs' | 'retries'>,
  raw: RawInstruction,
  args: Argument[],
  flags: Flag[],
  fail: (message: string, range?: Range) => void,
  values: string[],
): Instruction {
  const result = {
    ...base,
    keyword: 'HEALTHCHECK' as const,
    type: null as 'NONE' | 'CMD' | null,
    form: (raw.json ? 'exec' : 'shell') as 'exec' | 'shell',
    command: [] as string[],
    intervalMs: null as number | null,
    timeoutMs: null as number | null,
    startPeriodMs: null as number | null,
    startIntervalMs: null as number | null,
    retries: null as number | null,
  };
  if (args.length === 0) {
    fail('HEALTHCHECK requires at least one argument', base.keywordRange);
    return result;
  }
  const type = goToUpper(args[0]!.value);
  if (type === 'NONE') {
    result.type = 'NONE';
    if (args.length > 1) fail('HEALTHCHECK NONE takes no arguments', args[1]!.range);
    return result;
  }
  const parsed = parseFlags(flags, ACCEPTED_FLAGS.HEALTHCHECK!);
  if (parsed.error) {
    fail(parsed.error.message, parsed.error.flag.range);
    return result;
  }
  if (type !== 'CMD') {
    fail(`Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`, args[0]!.range);
    return result;
  }
  result.type = 'CMD';
  const all = commandLine(raw.json, values);
  // The type word is the first node; the command follows it.
  result.command = raw.json ? all.slice(1) : args.length > 1 ? [args.slice(1).map((a) => a.value).join(' ')] : [];
  if (result.command.length === 0) fail('Missing command after HEALTHCHECK CMD', args[0]!.range);
  const durations = [
    ['interval', 'intervalMs'],
    ['timeout', 'timeoutMs'],
    ['start-period', 'startPeriodMs'],
    ['start-interval', 'startIntervalMs'],
  ] as const;
  for (const [name, field] of durations) {
    const value = parsed.strings.get(name);
    if (value === undefined || value === '') continue;
    const range = flagRange(flags, name);
    const d = parseGoDuration(value);
    if ('error' in d) fail(d.error, range);
    else if (d.ms !== 0 && d.ms < 1) fail(`Interval ${goQuote(name)} cannot be less than 1ms`, range);
    else result[field] = d.ms;
  }
  const retries = parsed.strings.get('retries');
  if (retries !== undefined && retries !== '') {
    const range = flagRange(flags, 'retries');
    // strconv.ParseInt(value, 10, 32): its errors reach the user as they are.
    const n = /^[+-]?[0-9]+$/.test(retries) ? BigInt(retries) : null;
    if (n === null) fail(`strconv.ParseInt: parsing ${goQuote(retries)}: invalid syntax`, range);
    else if (n < -(2n ** 31n) || n > 2n ** 31n - 1n) fail(`strconv.ParseInt: parsing ${goQuote(retries)}: value out of range`, range);
    else if (n < 0n) fail(`--retries cannot be negative (${n})`, range);
    else result.retries = Number(n);
  }
  return result;
}

function safeMarker(word: string) {
  try {
    return parseHeredocMarker(word);
  } catch {
    return null;
  }
}

function flagRange(flags: Flag[], name: string): Range | undefined {
  return flags.find((f) => f.name === name)?.range;
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}
