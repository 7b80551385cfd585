/**
 * The playground: any Dockerfile, a sample project as context, and the engine's full answer,
 * graded and rendered by grade.ts as the page's first paint was.
 */
import { findingMarker } from '../editor/markers.ts';
import { loadMonaco, pageEditorTheme } from '../editor/monaco.ts';
import { SAVE_NOW_EVENT } from '../offline/events.ts';
import { readDraft, writeDraft } from './draft.ts';
import { gradePlayground, NO_PROJECT, playgroundExercise, playgroundViews, type SampleProject } from './grade.ts';
import { decodeState, encodeState } from './share.ts';
import { runLinkUpdater } from '../run/offer.ts';

function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`playground: ${selector} is missing`);
  return el;
}

export async function startPlayground(root: HTMLElement): Promise<void> {
  const select = $(root, '#project') as HTMLSelectElement;
  const fallback = $(root, '#playground-fallback') as HTMLTextAreaElement;
  const cache = new Map<string, SampleProject>([['', NO_PROJECT]]);
  const loadProject = async (id: string): Promise<SampleProject> => {
    if (!cache.has(id)) {
      const response = await fetch(`/playground/projects/${encodeURIComponent(id)}.json`);
      if (!response.ok) throw new Error(`no sample project "${id}"`);
      cache.set(id, (await response.json()) as SampleProject);
    }
    return cache.get(id)!;
  };

  const shared = location.hash.startsWith('#s=') ? await decodeState(location.hash.slice(3)) : null;
  if (location.hash.startsWith('#s=') && !shared) $(root, '#notices').innerHTML = '<p class="notice">This link’s Dockerfile could not be read, so the example is shown instead.</p>';
  // A shared link wins over the local draft: the learner opened it to see that Dockerfile.
  const initial = shared ?? readDraft();
  if (initial) {
    fallback.value = initial.dockerfile;
    if ([...select.options].some((o) => o.value === initial.project)) select.value = initial.project;
  }

  const monaco = await loadMonaco();
  const model = monaco.editor.createModel(fallback.value, 'dockerfile');
  const host = $(root, '#editor-host');
  const editor = monaco.editor.create(host, {
    model,
    theme: pageEditorTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: 24,
    padding: { top: 16, bottom: 16 },
    ariaLabel: 'Dockerfile. Press Ctrl+M (Ctrl+Shift+M on macOS) to make Tab move focus out of the editor.',
    fixedOverflowWidgets: true,
  });
  // A visitor typing in the stand-in while the editor loaded carries on in the editor, at the
  // same place: hiding the focused textarea would otherwise drop the keys that follow.
  const typing = document.activeElement === fallback;
  fallback.hidden = true;
  host.hidden = false;
  if (typing) {
    const from = model.getPositionAt(fallback.selectionStart);
    const to = model.getPositionAt(fallback.selectionEnd);
    editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
    editor.focus();
  }
  root.dataset.editor = 'monaco';
  document.addEventListener('layerwise:theme', () => monaco.editor.setTheme(pageEditorTheme()));

  const runLink = $(root, '#run-link') as HTMLAnchorElement;
  const runNone = $(root, '#run-none');
  const updateRunLink = runLinkUpdater(runLink, 'playground');

  let generation = 0;
  const grade = async () => {
    const mine = ++generation;
    let sample: SampleProject;
    try {
      sample = await loadProject(select.value);
    } catch (error) {
      $(root, '#notices').textContent = error instanceof Error ? error.message : String(error);
      sample = NO_PROJECT;
    }
    if (mine !== generation) return;
    const dockerfile = model.getValue();
    const exercise = playgroundExercise(dockerfile, sample);
    const result = gradePlayground(exercise);
    for (const [id, html] of Object.entries(playgroundViews(result))) $(root, `#${id}`).innerHTML = html;
    monaco.editor.setModelMarkers(
      model,
      'layerwise',
      result.findings.map((f) => findingMarker(monaco, f)),
    );
    // A real run needs an app: only with a sample project as the context.
    runLink.hidden = select.value === '';
    runNone.hidden = select.value !== '';
    if (select.value) updateRunLink(select.value, exercise.starter);
    root.dataset.graded = String(generation);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const saveNow = () => {
    if (!dirty) return;
    dirty = false;
    writeDraft({ dockerfile: model.getValue(), project: select.value });
  };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const edited = () => {
    dirty = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  };
  model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(grade, 150);
    edited();
  });
  select.addEventListener('change', () => {
    edited();
    void grade();
  });
  addEventListener('pagehide', saveNow);
  document.addEventListener(SAVE_NOW_EVENT, saveNow);
  await grade();

  const status = $(root, '#share-status');
  $(root, '#share-button').addEventListener('click', async () => {
    const hash = `#s=${await encodeState({ dockerfile: model.getValue(), project: select.value })}`;
    history.replaceState(null, '', hash);
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = 'Link copied. It holds the whole Dockerfile; nothing is stored on a server.';
    } catch {
      status.textContent = 'The address bar now holds the link to share (the clipboard was not available).';
    }
  });
}
