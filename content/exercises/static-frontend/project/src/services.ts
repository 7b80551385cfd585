/** A service on the status page and its state, as published by the release team. */
export type State = 'operational' | 'degraded' | 'outage';

export interface Service {
  name: string;
  state: State;
  /** Minutes since the last incident, or null when there has been none this month. */
  sinceIncident: number | null;
}

export const services: readonly Service[] = [
  { name: 'Web app', state: 'operational', sinceIncident: null },
  { name: 'Public API', state: 'operational', sinceIncident: 4320 },
  { name: 'Webhooks', state: 'degraded', sinceIncident: 18 },
  { name: 'Search', state: 'operational', sinceIncident: 9800 },
];

/** The page's one-line summary: the worst state wins. */
export function summarize(list: readonly Service[]): string {
  if (list.some((s) => s.state === 'outage')) return 'Some services are down.';
  if (list.some((s) => s.state === 'degraded')) return 'Some services are degraded.';
  return 'All services are operational.';
}
