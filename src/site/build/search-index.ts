import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The pages that search covers: the course, lessons, exercises, rule pages and the glossary.
 * Embeds (the same exercises inside other sites), the playground and the workshop pages are
 * left out, so a result always opens the page a learner expects.
 */
export const SEARCHED_PAGES = '{index.html,course/**/*.html,lessons/**/*.html,exercises/**/*.html,rules/**/*.html,glossary/**/*.html}';

export interface SearchIndexReport {
  pages: number;
  outputPath: string;
}

/**
 * Parts of pages that would only add noise (the header, footer, skip link, lesson outline and
 * pager, exercise file listings, inline exercises) carry Pagefind's own `data-pagefind-ignore`.
 *
 * Builds the static search index into `<dist>/pagefind/` with Pagefind's Node API. Runs after the
 * site is built, on the HTML itself, so the index holds what the learner reads. Throws when
 * Pagefind reports an error: a site whose search silently misses pages is worse than a failed build.
 */
export async function buildSearchIndex(dist: string): Promise<SearchIndexReport> {
  const pagefind = await import('pagefind');
  const outputPath = join(dist, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist, glob: SEARCHED_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${dist}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${dist}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write ${outputPath}: ${written.errors.join('; ')}`);
    return { pages: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}
