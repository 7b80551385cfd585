/**
 * embed.js: the loader a host page includes to embed Layerwise exercises.
 *
 *   <script src="https://LAYERWISE/embed.js" defer></script>
 *   <layerwise-exercise exercise="cache-order" theme="auto" height="520">
 *     <a href="https://LAYERWISE/exercises/cache-order/">Open the exercise on Layerwise</a>
 *   </layerwise-exercise>
 *
 * It also upgrades `<div data-layerwise-exercise="id">` for hosts whose editors strip unknown
 * elements. The iframe is created only when the element comes near the viewport; until then, and
 * whenever scripts are off, the author's fallback link is what the reader sees. Built into
 * dist/embed.js by src/pages/embed.js.ts and kept small (its gzip size is in `npm run bench`).
 */
import { hostMessage, PROTOCOL, PROTOCOL_VERSION, type HostCommands, type HostCommandType } from './protocol.ts';

/** Where this script was served from: the Layerwise site the iframes load. */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
const base = new URL('.', scriptUrl);

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 4000;

function channelId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads an option from `<layerwise-exercise name>` or `<div data-layerwise-name>`. */
function option(host: HTMLElement, name: string): string | null {
  return host.getAttribute(name) ?? host.getAttribute(`data-layerwise-${name}`) ?? host.getAttribute(`data-${name}`);
}

interface Controller {
  iframe: HTMLIFrameElement | null;
  channel: string;
  ready: boolean;
  queue: unknown[];
}

const controllers = new WeakMap<HTMLElement, Controller>();

function frameUrl(host: HTMLElement, exercise: string, channel: string): string {
  const url = new URL(`embed/${encodeURIComponent(exercise)}/`, base);
  url.searchParams.set('channel', channel);
  url.searchParams.set('theme', option(host, 'theme') ?? 'auto');
  // The widget answers only these origins: the author's list, or this page's own origin.
  url.searchParams.set('origins', option(host, 'origins') ?? location.origin);
  for (const name of ['panels', 'readonly', 'hide-solution']) {
    const value = option(host, name);
    if (value !== null) url.searchParams.set(name, value === '' ? 'true' : value);
  }
  return url.href;
}

function mount(host: HTMLElement): void {
  const exercise = option(host, 'exercise') ?? host.getAttribute('data-layerwise-exercise');
  if (!exercise || controllers.get(host)?.iframe) return;
  const controller: Controller = controllers.get(host) ?? { iframe: null, channel: channelId(), ready: false, queue: [] };
  controllers.set(host, controller);
  const iframe = document.createElement('iframe');
  iframe.src = frameUrl(host, exercise, controller.channel);
  iframe.title = `Layerwise exercise: ${exercise}`;
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.style.cssText = `display:block;width:100%;border:0;height:${clampHeight(Number(option(host, 'height') ?? 520))}px`;
  controller.iframe = iframe;
  host.replaceChildren(iframe);
}

function clampHeight(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(value))) : 520;
}

function send<K extends HostCommandType>(host: HTMLElement, type: K, payload: HostCommands[K]): void {
  const controller = controllers.get(host);
  if (!controller) throw new Error('layerwise-exercise: the element has no exercise attribute');
  const message = hostMessage(controller.channel, type, payload);
  if (controller.ready && controller.iframe?.contentWindow) controller.iframe.contentWindow.postMessage(message, base.origin);
  else controller.queue.push(message);
}

/** Commands a host page may call on the element (`el.check()`) or on an upgraded div. */
const commands = {
  reset(this: HTMLElement) {
    send(this, 'reset', {});
  },
  check(this: HTMLElement) {
    send(this, 'check', {});
  },
  setDockerfile(this: HTMLElement, dockerfile: string) {
    send(this, 'setDockerfile', { dockerfile: String(dockerfile) });
  },
  setTheme(this: HTMLElement, theme: 'light' | 'dark' | 'auto') {
    send(this, 'setTheme', { theme });
  },
};

const observer =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer?.unobserve(entry.target);
            mount(entry.target as HTMLElement);
          }
        },
        { rootMargin: '300px 0px' },
      )
    : null;

function watch(host: HTMLElement): void {
  if (controllers.has(host)) return;
  controllers.set(host, { iframe: null, channel: channelId(), ready: false, queue: [] });
  Object.assign(host, commands);
  if (observer) observer.observe(host);
  else mount(host);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== base.origin) return;
  const data = event.data as { protocol?: unknown; version?: unknown; channel?: unknown; type?: unknown; payload?: Record<string, unknown> } | null;
  if (!data || data.protocol !== PROTOCOL || data.version !== PROTOCOL_VERSION) return;
  for (const host of document.querySelectorAll<HTMLElement>('layerwise-exercise, [data-layerwise-exercise]')) {
    const controller = controllers.get(host);
    if (!controller?.iframe || event.source !== controller.iframe.contentWindow || data.channel !== controller.channel) continue;
    if (data.type === 'ready') {
      controller.ready = true;
      for (const message of controller.queue.splice(0)) controller.iframe.contentWindow?.postMessage(message, base.origin);
    }
    if (data.type === 'resize' && typeof data.payload?.height === 'number') controller.iframe.style.height = `${clampHeight(data.payload.height)}px`;
    host.dispatchEvent(new CustomEvent(`layerwise:${String(data.type)}`, { detail: data.payload, bubbles: true, composed: true }));
  }
});

if (!customElements.get('layerwise-exercise')) {
  customElements.define(
    'layerwise-exercise',
    class extends HTMLElement {
      connectedCallback() {
        watch(this);
      }
    },
  );
}

function upgradeDivs(): void {
  for (const div of document.querySelectorAll<HTMLElement>('div[data-layerwise-exercise]')) watch(div);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', upgradeDivs);
else upgradeDivs();
