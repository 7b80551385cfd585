/**
 * The message protocol between an embedded exercise (the iframe at /embed/<id>) and the page that
 * hosts it. Versioned and documented on /embed/docs; DOM-free so that the widget, the loader's
 * tests and any host written in another framework read the same definitions.
 *
 * Every message is an envelope `{ protocol, version, channel, type, payload }`. The channel is a
 * random id the loader puts in the iframe's URL: with several widgets on one page, each only
 * answers the messages of its own loader, and a stray message from another script is ignored.
 */
import type { GradedEvent } from '../workshop/events.ts';

export const PROTOCOL = 'layerwise-embed';
export const PROTOCOL_VERSION = 1;

export type Theme = 'light' | 'dark' | 'auto';
export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** Panels the widget can show; the `panels` query parameter lists the visible ones. */
export type Panel = 'objectives' | 'results' | 'context' | 'hints';
export const PANELS: readonly Panel[] = ['objectives', 'results', 'context', 'hints'];

/** Events the widget sends to its host. */
export interface WidgetEvents {
  /** The widget has loaded and listens for commands. */
  ready: { exercise: string; version: number };
  /** The document's height changed; the loader sets the iframe's height to it. */
  resize: { height: number };
  /** The learner edited the Dockerfile. */
  change: { exercise: string; dockerfile: string };
  /** A grading run finished: the same shape the workshop server stores. */
  graded: GradedEvent;
}

/** Commands a host sends to the widget. */
export interface HostCommands {
  reset: Record<string, never>;
  setDockerfile: { dockerfile: string };
  check: Record<string, never>;
  setTheme: { theme: Theme };
}

export type WidgetEventType = keyof WidgetEvents;
export type HostCommandType = keyof HostCommands;

export interface Envelope<T extends string, P> {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
  channel: string;
  type: T;
  payload: P;
}

export type WidgetMessage = { [K in WidgetEventType]: Envelope<K, WidgetEvents[K]> }[WidgetEventType];
export type HostMessage = { [K in HostCommandType]: Envelope<K, HostCommands[K]> }[HostCommandType];

/** The largest Dockerfile a host may set, as the workshop server accepts (64 KB). */
export const MAX_DOCKERFILE_BYTES = 64 * 1024;

export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function envelopeProblem(data: unknown, channel: string): string | null {
  if (!isRecord(data)) return 'not an object';
  if (data.protocol !== PROTOCOL) return `protocol is not "${PROTOCOL}"`;
  if (data.version !== PROTOCOL_VERSION) return `unsupported version ${JSON.stringify(data.version)} (this widget speaks ${PROTOCOL_VERSION})`;
  if (data.channel !== channel) return 'another channel';
  if (typeof data.type !== 'string') return 'type is not a string';
  if (!isRecord(data.payload)) return 'payload is not an object';
  return null;
}

/**
 * Validates a message a host sent to the widget. Anything that is not exactly a command of this
 * version on this channel is refused with the reason, which the widget logs and otherwise ignores.
 */
export function readHostCommand(data: unknown, channel: string): Checked<HostMessage> {
  const problem = envelopeProblem(data, channel);
  if (problem) return { ok: false, reason: problem };
  const message = data as Envelope<string, Record<string, unknown>>;
  const payload = message.payload;
  switch (message.type) {
    case 'reset':
    case 'check':
      return { ok: true, message: { ...message, type: message.type, payload: {} } as HostMessage };
    case 'setDockerfile': {
      const text = payload.dockerfile;
      if (typeof text !== 'string') return { ok: false, reason: 'setDockerfile: payload.dockerfile must be a string' };
      if (new TextEncoder().encode(text).length > MAX_DOCKERFILE_BYTES) return { ok: false, reason: `setDockerfile: the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES} bytes` };
      return { ok: true, message: { ...message, type: 'setDockerfile', payload: { dockerfile: text } } };
    }
    case 'setTheme': {
      const theme = payload.theme;
      if (!THEMES.includes(theme as Theme)) return { ok: false, reason: `setTheme: payload.theme must be one of ${THEMES.join(', ')}` };
      return { ok: true, message: { ...message, type: 'setTheme', payload: { theme: theme as Theme } } };
    }
    default:
      return { ok: false, reason: `unknown command ${JSON.stringify(message.type)}` };
  }
}

export function widgetMessage<K extends WidgetEventType>(channel: string, type: K, payload: WidgetEvents[K]): Envelope<K, WidgetEvents[K]> {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, channel, type, payload };
}

export function hostMessage<K extends HostCommandType>(channel: string, type: K, payload: HostCommands[K]): Envelope<K, HostCommands[K]> {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, channel, type, payload };
}

/**
 * A channel id: letters and digits only, so it travels in a URL unescaped and cannot smuggle
 * anything into the widget's page.
 */
export function isChannelId(value: string): boolean {
  return /^[A-Za-z0-9]{8,64}$/.test(value);
}

/**
 * Parses an allow-list of host origins (`https://blog.example https://docs.example`). Each entry
 * must be a bare origin: a scheme, a host and an optional port, nothing after. Wrong entries are
 * reported, never silently widened into "any origin".
 */
export function parseOrigins(list: string): { origins: string[]; errors: string[] } {
  const origins: string[] = [];
  const errors: string[] = [];
  for (const entry of list.split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      errors.push(`"${entry}" is not an origin (expected e.g. https://blog.example)`);
      continue;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.replace(/\/$/, '')) {
      errors.push(`"${entry}" is not a bare origin: write scheme://host[:port] only`);
      continue;
    }
    origins.push(url.origin);
  }
  return { origins, errors };
}

/** The options an embed's URL carries, read by the widget page. */
export interface EmbedOptions {
  channel: string | null;
  theme: Theme;
  panels: Panel[];
  readOnly: boolean;
  hideSolution: boolean;
  /** Origins the widget talks to; empty means it answers no host (it still works on its own). */
  origins: string[];
  errors: string[];
}

/** Reads `?channel=&theme=&panels=&readonly=&hide-solution=&origins=` of an /embed/<id> URL. */
export function readEmbedOptions(params: URLSearchParams): EmbedOptions {
  const errors: string[] = [];
  const rawChannel = params.get('channel');
  let channel: string | null = null;
  if (rawChannel !== null) {
    if (isChannelId(rawChannel)) channel = rawChannel;
    else errors.push('channel must be 8 to 64 letters or digits');
  }
  const rawTheme = params.get('theme') ?? 'auto';
  const theme = THEMES.includes(rawTheme as Theme) ? (rawTheme as Theme) : 'auto';
  if (theme !== rawTheme) errors.push(`theme must be one of ${THEMES.join(', ')}`);
  const rawPanels = params.get('panels');
  let panels: Panel[] = [...PANELS];
  if (rawPanels !== null) {
    const asked = rawPanels.split(',').map((p) => p.trim()).filter(Boolean);
    const unknown = asked.filter((p) => !PANELS.includes(p as Panel));
    if (unknown.length) errors.push(`unknown panels: ${unknown.join(', ')} (known: ${PANELS.join(', ')})`);
    panels = PANELS.filter((p) => asked.includes(p));
  }
  const flag = (name: string) => {
    const v = params.get(name);
    return v !== null && v !== 'false' && v !== '0';
  };
  const parsed = parseOrigins(params.get('origins') ?? '');
  return { channel, theme, panels, readOnly: flag('readonly'), hideSolution: flag('hide-solution'), origins: parsed.origins, errors: [...errors, ...parsed.errors] };
}
