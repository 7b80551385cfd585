/**
 * The live exercise: Monaco takes over from the static starter, the engine grades on every edit
 * (debounced), and the checklist, results, hints, reset, solution diff and completion follow.
 * Loaded by boot.ts only when the learner reaches the editor. The page's server-rendered HTML is
 * the starting state; this module only updates it.
 */
import { gradeExercise, targetSizeBytes } from '../../engine/grade/index.ts';
import type { Exercise, ExerciseFiles, GradeResult } from '../../engine/grade/types.ts';
import type { Finding } from '../../engine/rules/types.ts';
import { SAVE_NOW_EVENT } from '../offline/events.ts';
import { ProgressStore, type Notice } from '../progress/store.ts';
import { diffHtml, lineDiff } from './diff.ts';
import { cacheHtml, checklistHtml, errorsHtml, escapeHtml, formatBytes, imageHtml, runtimeHtml, textHtml } from './render.ts';
import { findingMarker } from '../editor/markers.ts';
import { loadMonaco, pageEditorTheme, type Monaco } from '../editor/monaco.ts';
import { INSTRUCTION_HELP } from './instruction-help.ts';
import { runLinkUpdater } from '../run/offer.ts';
import { browserStorage } from '../storage.ts';

const GRADE_DELAY_MS = 150;

function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`exercise page: ${selector} is missing`);
  return el;
}

/** What a host of the exercise (the embed's bridge) can hook into. */
export interface ExerciseHooks {
  /** After every grading run. */
  /** After every grading run, with the Dockerfile that was graded. */
  onGraded?: (grade: GradeResult, stats: { hintsUsed: number; timeSpentMs: number }, dockerfile: string) => void;
  /** After every edit of the Dockerfile. */
  onChange?: (dockerfile: string) => void;
  readOnly?: boolean;
}

/** Commands on a running exercise. */
export interface ExerciseController {
  setDockerfile(dockerfile: string): void;
  /** Back to the starter, without asking (the host asked). */
  reset(): void;
  check(): void;
}

export async function startExercise(root: HTMLElement, hooks: ExerciseHooks = {}): Promise<ExerciseController> {
  const startedAt = performance.now();
  const exercise = JSON.parse($('#exercise-data').textContent ?? '{}') as Exercise;
  const starterBytes = Number(root.dataset.starterBytes);
  const targetBytes = targetSizeBytes(exercise);

  const notices = $('#notices');
  const showNotice = (notice: Notice | { kind: string; message: string }, actions: HTMLElement[] = []) => {
    const p = document.createElement('div');
    p.className = `notice notice-${notice.kind}`;
    p.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = notice.message;
    p.append(text, ...actions);
    notices.append(p);
    return p;
  };
  const store = new ProgressStore(browserStorage(), showNotice);
  const saved = store.get(exercise.id);
  const dockerignoreInput = document.querySelector<HTMLTextAreaElement>('#dockerignore');
  if (dockerignoreInput && saved?.dockerignore !== undefined) dockerignoreInput.value = saved.dockerignore;

  const monaco: Monaco = await loadMonaco();
  const host = $('#editor-host');
  const staticView = $('#editor-static');
  const model = monaco.editor.createModel(saved?.dockerfile ?? exercise.starter.dockerfile, 'dockerfile');
  const editor = monaco.editor.create(host, {
    model,
    theme: pageEditorTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontFamily: getComputedStyle(staticView).fontFamily,
    fontSize: parseFloat(getComputedStyle(staticView).fontSize),
    lineHeight: parseFloat(getComputedStyle(staticView).lineHeight),
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    ariaLabel: `Dockerfile of the exercise “${exercise.title}”. Press Ctrl+M (Ctrl+Shift+M on macOS) to make Tab move focus out of the editor.`,
    padding: { top: 16, bottom: 16 },
    tabSize: 2,
    lineNumbersMinChars: 3,
    fixedOverflowWidgets: true,
    readOnly: hooks.readOnly ?? false,
  });
  staticView.hidden = true;
  host.hidden = false;
  root.dataset.editor = 'monaco';
  document.addEventListener('layerwise:theme', () => monaco.editor.setTheme(pageEditorTheme()));

  const files = (): ExerciseFiles => ({
    dockerfile: model.getValue(),
    ...(dockerignoreInput ? { dockerignore: dockerignoreInput.value } : exercise.starter.dockerignore !== undefined ? { dockerignore: exercise.starter.dockerignore } : {}),
  });

  let last: GradeResult | null = null;
  let findingsByMarker = new Map<string, Finding>();
  const markerKey = (m: { startLineNumber: number; startColumn: number; message: string }) => `${m.startLineNumber}:${m.startColumn}:${m.message}`;

  const completion = $('#completion');
  const render = (grade: GradeResult) => {
    last = grade;
    $('#objectives').innerHTML = checklistHtml(grade.objectives);
    const passed = grade.objectives.filter((o) => o.passed).length;
    $('#objectives-count').textContent = `${passed} of ${grade.objectives.length} done`;
    $('#results-image').innerHTML = imageHtml(grade, { starterBytes, targetBytes });
    $('#results-cache').innerHTML = cacheHtml(grade);
    $('#results-runtime').innerHTML = runtimeHtml(grade);
    $('#errors').innerHTML = errorsHtml(grade);
    findingsByMarker = new Map();
    const markers = grade.findings.map((f) => {
      const marker = findingMarker(monaco, f);
      findingsByMarker.set(markerKey(marker), f);
      return marker;
    });
    for (const e of grade.errors.filter((e) => ((e as { file?: string }).file ?? 'Dockerfile') === 'Dockerfile')) {
      markers.push({ startLineNumber: e.line, startColumn: e.column, endLineNumber: e.line, endColumn: e.column + 1, message: e.message, severity: monaco.MarkerSeverity.Error, source: 'docker build' });
    }
    monaco.editor.setModelMarkers(model, 'layerwise', markers);
    if (grade.passed) complete(grade);
    performance.mark('layerwise:graded');
    const hintsUsed = Object.values(store.get(exercise.id)?.hints ?? {}).reduce((n, k) => n + k, 0);
    hooks.onGraded?.(grade, { hintsUsed, timeSpentMs: Math.round(performance.now() - startedAt) }, model.getValue());
  };

  // "Run it for real" opens the run page with what the learner has now.
  const runLink = document.querySelector<HTMLAnchorElement>('#run-link');
  const updateRunLink = runLink ? runLinkUpdater(runLink, 'exercise') : null;
  const grade = () => {
    const current = files();
    render(gradeExercise(exercise, current));
    updateRunLink?.(exercise.id, current);
  };

  const complete = (grade: GradeResult) => {
    if (!completion.hidden) return;
    store.markCompleted(exercise.id, files());
    completion.hidden = false;
    $('#completion-text').textContent = `Every objective passes: ${formatBytes(grade.image.totals.sizeBytes)}, down from ${formatBytes(starterBytes)}.`;
    root.dataset.completed = 'true';
  };
  if (saved?.completed) {
    completion.hidden = false;
    root.dataset.completed = 'true';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const onEdit = () => {
    hooks.onChange?.(model.getValue());
    clearTimeout(timer);
    timer = setTimeout(grade, GRADE_DELAY_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      store.saveFiles(exercise.id, files());
    }, GRADE_DELAY_MS);
  };
  model.onDidChangeContent(onEdit);
  dockerignoreInput?.addEventListener('input', onEdit);
  // Unsaved text is written at once when the page goes away or an update is about to reload it.
  const saveNow = () => {
    if (saveTimer === undefined) return;
    clearTimeout(saveTimer);
    saveTimer = undefined;
    store.saveFiles(exercise.id, files());
  };
  addEventListener('pagehide', saveNow);
  document.addEventListener(SAVE_NOW_EVENT, saveNow);
  grade();

  // Quick fixes: a rule's mechanical fix as a code action on its marker.
  monaco.languages.registerCodeActionProvider('dockerfile', {
    provideCodeActions(target, _range, context) {
      const actions = context.markers.flatMap((marker) => {
        const finding = findingsByMarker.get(markerKey(marker));
        if (!finding?.fix || target !== model) return [];
        return [
          {
            title: finding.fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: true,
            edit: {
              edits: finding.fix.edits.map((edit) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: {
                  range: { startLineNumber: edit.range.start.line, startColumn: edit.range.start.column, endLineNumber: edit.range.end.line, endColumn: edit.range.end.column },
                  text: edit.text,
                },
              })),
            },
          },
        ];
      });
      return { actions, dispose() {} };
    },
  });
  // Hover on an instruction keyword: what it does, in a line.
  monaco.languages.registerHoverProvider('dockerfile', {
    provideHover(target, position) {
      const word = target.getWordAtPosition(position);
      if (!word) return null;
      const line = target.getLineContent(position.lineNumber);
      const first = /^\s*(\w+)/.exec(line);
      if (!first || first[1]!.toUpperCase() !== word.word.toUpperCase() || word.startColumn !== line.indexOf(first[1]!) + 1) return null;
      const help = INSTRUCTION_HELP[word.word.toUpperCase()];
      return help ? { contents: [{ value: `**${word.word.toUpperCase()}** — ${help}` }] } : null;
    },
  });

  // Check: the full feedback and the next hint on request.
  const feedback = $('#feedback');
  const hintButton = $('#hint-button') as HTMLButtonElement;
  const check = () => {
    clearTimeout(timer);
    grade();
    const result = last!;
    const failing = result.objectives.filter((o) => !o.passed);
    const order = ['essential', 'actionable', 'informative', 'celebratory'];
    failing.sort((a, b) => order.indexOf(a.feedback) - order.indexOf(b.feedback));
    if (failing.length === 0) {
      feedback.innerHTML = `<p class="feedback-celebratory"><strong>All ${result.objectives.length} objectives pass.</strong> ${textHtml(result.objectives.map((o) => o.message).find((m) => /MB/.test(m)) ?? '')}</p>`;
      hintButton.hidden = true;
      return;
    }
    const next = failing[0]!;
    feedback.innerHTML = `<p class="feedback-${next.feedback}"><strong>${textHtml(next.title)}</strong>: ${textHtml(next.message)}${next.line !== null ? ` (line ${next.line})` : ''}</p>${
      failing.length > 1 ? `<p>${failing.length - 1} more objective${failing.length > 2 ? 's' : ''} to go.</p>` : ''
    }`;
    hintButton.hidden = false;
    hintButton.dataset.objective = next.id;
  };
  $('#check-button').addEventListener('click', check);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, check);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !editor.hasTextFocus()) {
      event.preventDefault();
      check();
    }
  });

  const hints = $('#hints');
  hintButton.addEventListener('click', () => {
    const id = hintButton.dataset.objective;
    const objective = exercise.objectives.find((o) => o.id === id);
    if (!objective) return;
    const used = Math.min(store.useHint(exercise.id, objective.id, files()), objective.hints.length);
    hints.innerHTML = `<h3>Hints for “${textHtml(objective.title)}”</h3><ol>${objective.hints
      .slice(0, used)
      .map((h) => `<li>${textHtml(h)}</li>`)
      .join('')}</ol>${used >= objective.hints.length ? '<p>That was the last hint for this objective.</p>' : ''}`;
    hints.focus();
  });

  const reset = () => {
    model.setValue(exercise.starter.dockerfile);
    if (dockerignoreInput) dockerignoreInput.value = exercise.starter.dockerignore ?? '';
    store.resetFiles(exercise.id, exercise.starter);
    grade();
  };
  $('#reset-button').addEventListener('click', () => {
    if (!window.confirm('Replace your Dockerfile with the starter? Your changes will be lost.')) return;
    reset();
    editor.focus();
  });

  const solutionPanel = $('#solution');
  const solutionButton = $('#solution-button') as HTMLButtonElement;
  solutionButton.addEventListener('click', () => {
    const open = solutionPanel.hidden;
    solutionPanel.hidden = !open;
    solutionButton.setAttribute('aria-expanded', String(open));
    if (!open) return;
    solutionPanel.innerHTML = exercise.solutions
      .map((s) => `<h3>${escapeHtml(s.title ?? 'Solution')}</h3><p class="diff-legend">Lines to remove from yours are marked −, lines to add +.</p>${diffHtml(lineDiff(model.getValue(), s.dockerfile))}`)
      .join('');
  });

  // Another tab saved this exercise: offer its text, never overwrite silently.
  window.addEventListener('storage', (event) => {
    const changed = store.applyExternal(event.key, event.newValue);
    if (!changed.includes(exercise.id)) return;
    const theirs = store.get(exercise.id);
    if (!theirs || theirs.dockerfile === model.getValue()) return;
    const load = document.createElement('button');
    load.type = 'button';
    load.textContent = 'Load the other tab’s version';
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = 'Keep mine';
    const notice = showNotice({ kind: 'other-tab', message: 'You changed this exercise in another tab.' }, [load, keep]);
    load.addEventListener('click', () => {
      model.setValue(theirs.dockerfile);
      notice.remove();
    });
    keep.addEventListener('click', () => {
      store.saveFiles(exercise.id, files());
      notice.remove();
    });
  });

  return {
    setDockerfile(dockerfile: string) {
      model.setValue(dockerfile);
    },
    reset,
    check,
  };
}
