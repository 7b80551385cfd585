/**
 * Where to knock once the app has started: the port (ENV PORT, else the first EXPOSE, else the
 * exercise's declared port) and the route (the exercise's declared route, else the HEALTHCHECK
 * command's URL, else `/`).
 */
import { parseShellScript } from '../script/index.ts';
import type { Stage } from '../stages/types.ts';
import type { PlannedProbe, PlanOptions } from './types.ts';

const URL_IN_WORD = /https?:\/\/[^\s'"`)]+/;

export function planProbe(chain: readonly Stage[] | null, options: Pick<PlanOptions, 'route' | 'port'>): PlannedProbe {
  const final = chain?.at(-1) ?? null;
  let port: number | null = null;
  let portSource: PlannedProbe['portSource'] = null;
  const envPort = final?.env.get('PORT');
  if (envPort && /^\d+$/.test(envPort)) {
    port = Number(envPort);
    portSource = 'env';
  }
  if (port === null && chain) {
    for (const stage of chain) {
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'EXPOSE' || port !== null) continue;
        const first = step.expansions.flatMap((e) => (e.field === 'port' ? e.values : []))[0];
        const number = first ? Number(first.split('/')[0]!.split('-')[0]) : NaN;
        if (Number.isInteger(number) && number > 0) {
          port = number;
          portSource = 'expose';
        }
      }
    }
  }
  if (port === null && options.port !== undefined) {
    port = options.port;
    portSource = 'option';
  }
  const healthcheckUrl = chain ? healthcheckUrlOf(chain) : null;
  const fromHealthcheck = healthcheckUrl ? pathOf(healthcheckUrl) : null;
  const path = options.route ?? fromHealthcheck ?? '/';
  const pathSource: PlannedProbe['pathSource'] = options.route !== undefined ? 'option' : fromHealthcheck ? 'healthcheck' : 'default';
  return { port, portSource, path, pathSource, healthcheckUrl };
}

/** The URL the last HEALTHCHECK CMD of the chain fetches, found in the words of its command. */
function healthcheckUrlOf(chain: readonly Stage[]): string | null {
  let words: string[] | null = null;
  for (const stage of chain) {
    for (const step of stage.steps) {
      const i = step.instruction;
      if (i.keyword !== 'HEALTHCHECK') continue;
      if (i.type !== 'CMD') words = null;
      else if (i.form === 'exec') words = i.command;
      else words = parseShellScript(i.command.join(' ')).commands.flatMap((c) => [c.name, ...c.args.map((a) => a.value)]);
    }
  }
  for (const word of words ?? []) {
    const found = URL_IN_WORD.exec(word);
    if (found) return found[0];
  }
  return null;
}

/** The path and query of a URL (`http://localhost:3000/health?x` → `/health?x`). */
function pathOf(url: string): string {
  const afterHost = url.replace(/^https?:\/\/[^/?#]*/, '');
  return afterHost === '' ? '/' : afterHost.startsWith('/') ? afterHost : `/${afterHost}`;
}
