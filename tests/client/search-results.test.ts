import { describe, expect, it } from 'vitest';
import { excerptPieces, kindOf, opensSearch, statusText, toResult } from '../../src/client/search/results.ts';

describe('search results', () => {
  it('names the kind of page from its URL', () => {
    expect(kindOf('/lessons/cache-mounts/')).toBe('Lesson');
    expect(kindOf('/exercises/non-root/')).toBe('Exercise');
    expect(kindOf('/exercises/')).toBe('Page');
    expect(kindOf('/rules/apt-no-install-recommends/')).toBe('Rule');
    expect(kindOf('/glossary/#layer')).toBe('Glossary');
    expect(kindOf('/')).toBe('Home');
    expect(kindOf('http://127.0.0.1:4321/lessons/x/')).toBe('Lesson');
  });

  it('splits an excerpt into text and matches, never markup', () => {
    expect(excerptPieces('a <mark>cache</mark> mount &amp; more')).toEqual([
      { text: 'a ', marked: false },
      { text: 'cache', marked: true },
      { text: ' mount & more', marked: false },
    ]);
    // Escaped markup in the page text stays text; stray tags are dropped.
    expect(excerptPieces('&lt;img src=x onerror=alert(1)&gt; <b>x</b>')).toEqual([{ text: '<img src=x onerror=alert(1)> x', marked: false }]);
  });

  it('opens a lesson at the section that matched, a glossary entry at its term, a rule at its top', () => {
    const sub = [{ url: '/lessons/cache-mounts/#npm', title: 'npm', excerpt: 'the <mark>cache</mark>' }];
    expect(toResult({ url: '/lessons/cache-mounts/', excerpt: 'x', meta: { title: 'Cache mounts' }, sub_results: sub })).toMatchObject({
      url: '/lessons/cache-mounts/#npm',
      title: 'Cache mounts › npm',
      kind: 'Lesson',
    });
    const term = [{ url: '/glossary/#layer', title: 'Layer', excerpt: '<mark>layer</mark>' }];
    expect(toResult({ url: '/glossary/', excerpt: 'x', meta: { title: 'Glossary' }, sub_results: term })).toMatchObject({ url: '/glossary/#layer', title: 'Layer' });
    const why = [{ url: '/rules/x/#why', title: 'Why', excerpt: 'y' }];
    expect(toResult({ url: '/rules/x/', excerpt: 'top', meta: { title: 'Rule X' }, sub_results: why })).toMatchObject({ url: '/rules/x/', title: 'Rule X' });
  });

  it('says how many results, or that there are none', () => {
    expect(statusText('', 0)).toBe('');
    expect(statusText('cache', 0)).toBe('No results for “cache”');
    expect(statusText('cache', 1)).toBe('1 result for “cache”');
    expect(statusText('cache', 8)).toBe('8 results for “cache”');
  });

  it('opens on "/" outside text fields and on Ctrl/Cmd+K outside the code editor', () => {
    const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    const page = { inTextField: false, inCodeEditor: false };
    const field = { inTextField: true, inCodeEditor: false };
    const editor = { inTextField: true, inCodeEditor: true };
    expect(opensSearch(key('/'), page)).toBe(true);
    expect(opensSearch(key('/'), field)).toBe(false);
    expect(opensSearch(key('k', { ctrlKey: true }), field)).toBe(true);
    expect(opensSearch(key('K', { metaKey: true }), page)).toBe(true);
    // Monaco uses Ctrl+K as the start of its chords.
    expect(opensSearch(key('k', { ctrlKey: true }), editor)).toBe(false);
    expect(opensSearch(key('k'), page)).toBe(false);
    expect(opensSearch(key('/', { altKey: true }), page)).toBe(false);
  });
});
