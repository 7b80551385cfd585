/** The exercises a workshop page knows by id: built from the content collection at build time. */
export interface CatalogExercise {
  id: string;
  title: string;
  summary: string;
  /** Objective id -> title, for "what the class gets wrong". */
  objectives: Record<string, string>;
}

export type Catalog = CatalogExercise[];

export function exerciseTitle(catalog: Catalog, id: string): string {
  return catalog.find((e) => e.id === id)?.title ?? id;
}

/**
 * The title of an objective, or its id when the catalog does not know it. The id comes from a
 * learner's report: `constructor` or `__proto__` must not find Object.prototype's properties.
 */
export function objectiveTitle(catalog: Catalog, exercise: string, objective: string): string {
  const objectives = catalog.find((e) => e.id === exercise)?.objectives;
  return objectives && Object.hasOwn(objectives, objective) ? objectives[objective]! : objective;
}
