import { opensSearch, statusText, toResult, type PagefindData, type SearchResult } from './results.ts';

/** Pagefind's browser API, loaded from the built index on first use (never bundled). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options?: unknown, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const MAX_RESULTS = 8;
let pagefind: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  // A variable URL keeps the bundler from resolving it: the index exists only in the built site.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 18 });
    await module.init();
    return module;
  });
  pagefind.catch(() => (pagefind = null));
  return pagefind;
}

function where(target: EventTarget | null): { inTextField: boolean; inCodeEditor: boolean } {
  const el = target instanceof Element ? target : null;
  const inCodeEditor = !!el?.closest('.monaco-editor');
  const inTextField = inCodeEditor || !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  return { inTextField, inCodeEditor };
}

/** Wires the header's search button and dialog (src/components/SearchDialog.astro). */
export function initSearch(root: Document): void {
  const dialog = root.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const list = root.querySelector<HTMLUListElement>('[data-search-results]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  if (!dialog || !input || !list || !status) return;
  let results: SearchResult[] = [];
  let active = -1;
  let query = 0;
  let opener: Element | null = null;

  const open = () => {
    if (dialog.open) return input.focus();
    opener = root.activeElement;
    dialog.showModal();
    input.select();
    // Start fetching the index while the learner types the first letters.
    loadPagefind().catch(() => undefined);
  };

  const setActive = (index: number) => {
    active = results.length === 0 ? -1 : (index + results.length) % results.length;
    list.querySelectorAll('[role=option]').forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      const id = `search-result-${active}`;
      input.setAttribute('aria-activedescendant', id);
      root.getElementById(id)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const render = (term: string) => {
    list.replaceChildren(
      ...results.map((result, i) => {
        const item = root.createElement('li');
        item.className = 'search-result';
        item.id = `search-result-${i}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        // An option is not a link (no interactive element inside an option): choosing it opens
        // the page, by Enter from the input or by a click.
        item.dataset.url = result.url;
        item.addEventListener('click', () => location.assign(result.url));
        const link = root.createElement('span');
        link.className = 'search-result-body';
        const kind = root.createElement('span');
        kind.className = 'search-result-kind';
        kind.textContent = result.kind;
        const title = root.createElement('span');
        title.className = 'search-result-title';
        title.textContent = result.title;
        const excerpt = root.createElement('span');
        excerpt.className = 'search-result-excerpt';
        for (const piece of result.excerpt) {
          excerpt.append(piece.marked ? Object.assign(root.createElement('mark'), { textContent: piece.text }) : piece.text);
        }
        link.append(kind, title, excerpt);
        item.append(link);
        return item;
      }),
    );
    input.setAttribute('aria-expanded', String(results.length > 0));
    status.textContent = statusText(term, results.length);
    setActive(results.length > 0 ? 0 : -1);
  };

  const search = async () => {
    const term = input.value.trim();
    const mine = ++query;
    if (term === '') {
      results = [];
      return render('');
    }
    try {
      const api = await loadPagefind();
      const found = await api.debouncedSearch(term, {}, 80);
      if (found === null || mine !== query) return; // superseded by a later keystroke
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine !== query) return;
      results = data.map(toResult);
      render(term);
    } catch {
      if (mine !== query) return;
      results = [];
      render('');
      status.textContent = 'Search is not available here: the index is built with the site (npm run build).';
    }
  };

  root.querySelectorAll('[data-search-open]').forEach((button) => button.addEventListener('click', open));
  root.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      // A search field's own Escape would only clear the text: one Escape closes, as promised.
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active];
      if (chosen) location.assign(chosen.url);
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it, as users expect of a modal.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
  });
  dialog.addEventListener('close', () => {
    if (opener instanceof HTMLElement) opener.focus();
  });
  root.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || dialog.open) return;
    if (opensSearch(event, where(event.target))) {
      event.preventDefault();
      open();
    }
  });
}
