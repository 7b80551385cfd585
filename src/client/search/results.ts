/** What Pagefind returns for one page (the fields the dialog reads). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { url: string; title: string; excerpt: string }[];
}

/** One row of the results list. */
export interface SearchResult {
  url: string;
  title: string;
  /** Lesson, Exercise, Rule, Glossary, Course. */
  kind: string;
  /** The excerpt as text pieces; `marked` pieces are the matched words. */
  excerpt: { text: string; marked: boolean }[];
}

const KINDS: [RegExp, string][] = [
  [/^\/lessons\//, 'Lesson'],
  [/^\/exercises\/.+/, 'Exercise'],
  [/^\/rules\/.+/, 'Rule'],
  [/^\/glossary\//, 'Glossary'],
  [/^\/course\//, 'Course'],
  [/^\/$/, 'Home'],
];

/** The kind of page a URL is, from the site's layout of URLs. */
export function kindOf(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/, '');
  return KINDS.find(([re]) => re.test(path))?.[1] ?? 'Page';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * Pagefind's excerpt is HTML-escaped page text with the matches in <mark>. It is split into
 * text pieces here (and rendered with textContent), so nothing in it can ever become markup.
 */
export function excerptPieces(html: string): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) pieces.push({ text: decode(stripTags(html.slice(last, m.index))), marked: false });
    pieces.push({ text: decode(stripTags(m[1]!)), marked: true });
    last = re.lastIndex;
  }
  if (last < html.length) pieces.push({ text: decode(stripTags(html.slice(last))), marked: false });
  return pieces.filter((p) => p.text !== '');
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/**
 * A result row for one page. When the match is under a heading of the page (a lesson's section,
 * a glossary term), the row opens that heading and names it.
 */
export function toResult(data: PagefindData): SearchResult {
  const title = data.meta.title ?? data.url;
  const kind = kindOf(data.url);
  const sub = data.sub_results?.find((s) => s.url.includes('#'));
  // A glossary match opens its term; a lesson match opens the section it is in. Other pages
  // (a rule, an exercise) open at the top, where their summary is.
  if (sub && sub.title && sub.title !== title) {
    if (kind === 'Glossary') return { url: sub.url, title: sub.title, kind, excerpt: excerptPieces(sub.excerpt) };
    if (kind === 'Lesson') return { url: sub.url, title: `${title} › ${sub.title}`, kind, excerpt: excerptPieces(sub.excerpt) };
  }
  return { url: data.url, title, kind, excerpt: excerptPieces(data.excerpt) };
}

/** Whether a key press should open search: "/" outside text fields, Ctrl/Cmd+K outside the editor. */
export function opensSearch(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean },
  target: { inTextField: boolean; inCodeEditor: boolean },
): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return !target.inCodeEditor;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !target.inTextField;
}

/** What the status line says after a search. */
export function statusText(term: string, count: number): string {
  if (term === '') return '';
  if (count === 0) return `No results for “${term}”`;
  return `${count} result${count === 1 ? '' : 's'} for “${term}”`;
}
