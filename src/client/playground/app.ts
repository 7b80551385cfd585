/**
 * The playground: any Dockerfile, a sample project as context, and the engine's full answer.
 * It grades through the same path as exercises (an exercise with no objectives), so the
 * findings, image, rebuild view and runtime check are the ones learners see everywhere.
 */
import { gradeExercise } from '../../engine/grade/index.ts';
import type { CacheScenario, Exercise, VirtualProject } from '../../engine/grade/types.ts';
import { findingMarker } from '../editor/markers.ts';
import { loadMonaco, DARK_THEME, LIGHT_THEME } from '../editor/monaco.ts';
import { cacheHtml, errorsHtml, findingsHtml, imageHtml, runtimeHtml } from '../exercise/render.ts';
import { SAVE_NOW_EVENT } from '../offline/events.ts';
import { readDraft, writeDraft } from './draft.ts';
import { decodeState, encodeState } from './share.ts';
import { runLinkUpdater } from '../run/offer.ts';

interface SampleProject {
  id: string;
  project: VirtualProject;
  scenarios: CacheScenario[];
  dockerignore: string | null;
}

const EMPTY: SampleProject = { id: '', project: { files: [], nodeProjects: [] }, scenarios: [], dockerignore: null };

function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`playground: ${selector} is missing`);
  return el;
}

export async function startPlayground(root: HTMLElement): Promise<void> {
  const select = $(root, '#project') as HTMLSelectElement;
  const fallback = $(root, '#playground-fallback') as HTMLTextAreaElement;
  const cache = new Map<string, SampleProject>([['', EMPTY]]);
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
  const theme = () => (document.documentElement.dataset.theme === 'dark' ? DARK_THEME : LIGHT_THEME);
  const model = monaco.editor.createModel(fallback.value, 'dockerfile');
  const host = $(root, '#editor-host');
  monaco.editor.create(host, {
    model,
    theme: theme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: 24,
    padding: { top: 16, bottom: 16 },
    ariaLabel: 'Dockerfile. Press Ctrl+M (Ctrl+Shift+M on macOS) to make Tab move focus out of the editor.',
    fixedOverflowWidgets: true,
  });
  fallback.hidden = true;
  host.hidden = false;
  root.dataset.editor = 'monaco';
  document.addEventListener('layerwise:theme', () => monaco.editor.setTheme(theme()));

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
      sample = EMPTY;
    }
    if (mine !== generation) return;
    const dockerfile = model.getValue();
    const exercise: Exercise = {
      id: 'playground',
      title: 'Playground',
      summary: '',
      lesson: '',
      starter: { dockerfile, ...(sample.dockerignore !== null ? { dockerignore: sample.dockerignore } : {}) },
      dockerignoreEditable: false,
      project: sample.project,
      scenarios: sample.scenarios,
      objectives: [],
      solutions: [],
    };
    const result = gradeExercise(exercise, exercise.starter);
    $(root, '#findings').innerHTML = findingsHtml(result.findings);
    $(root, '#findings-count').textContent = `${result.findings.length}`;
    $(root, '#errors').innerHTML = errorsHtml(result);
    $(root, '#results-image').innerHTML = imageHtml(result, { starterBytes: result.image.totals.sizeBytes, targetBytes: null });
    $(root, '#results-runtime').innerHTML = runtimeHtml(result);
    $(root, '#results-cache').innerHTML = result.cache.length ? `<h3>Rebuild after an edit</h3>${cacheHtml(result)}` : '';
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
