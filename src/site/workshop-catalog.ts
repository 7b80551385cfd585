/** The exercise catalog the workshop pages embed (ids, titles, objective titles), in the course's listing order. */
import { getCollection } from 'astro:content';
import type { Exercise } from '../engine/grade/types.ts';
import type { Catalog } from '../client/workshop/catalog.ts';

export async function workshopCatalog(): Promise<Catalog> {
  const entries = await getCollection('exercises');
  return entries
    .map((entry: { id: string; data: unknown }): Catalog[number] => {
      const e = entry.data as Exercise;
      return { id: entry.id, title: e.title, summary: e.summary, objectives: Object.fromEntries(e.objectives.map((o) => [o.id, o.title])) };
    })
    .sort((a: Catalog[number], b: Catalog[number]) => a.title.localeCompare(b.title));
}
