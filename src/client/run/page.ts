/**
 * The run page: which Dockerfile to run (the fragment, else the learner's saved work, else the
 * starter), its static runtime check, and the real run once the learner opts in (the button, or
 * `?start` from the page that opened this one). Only then is the WebContainer runtime imported.
 *
 * `?bootTimeout=<ms>` shortens the 20 s boot deadline. Test-only: the end-to-end tests use it to
 * reach the "could not boot" path quickly where StackBlitz is unreachable.
 */
import { gradeExercise } from '../../engine/grade/index.ts';
import type { Exercise, ExerciseFiles } from '../../engine/grade/types.ts';
import { planRun } from '../../engine/plan/index.ts';
import type { RuntimeCheck } from '../../engine/simulate/runtime.ts';
import { executePlan, loadWebContainerRuntime, type RunEvent, type RunOutcome, type StepRecord } from '../../runtime/index.ts';
import { RUN_PAGE_COEP } from '../../site/isolation.ts';
import { escapeHtml, runtimeCheckHtml } from '../exercise/render.ts';
import { encodeState } from '../playground/share.ts';
import { ProgressStore } from '../progress/store.ts';
import { outcomeHtml, phaseLabel, phasesHtml, plainOutput, probeHtml, seconds, stepHtml, type PhaseState } from './render.ts';
import { readRunRequest } from './request.ts';
import { compareRun, PHASES, phaseOf, type Phase } from './verdict.ts';
import { browserStorage } from '../storage.ts';

/** The deadline for a WebContainer to boot (src/runtime/webcontainer.ts uses the same). */
const BOOT_TIMEOUT_MS = 20_000;
/** The output kept on screen: the end of it, as a terminal would scroll. */
const OUTPUT_LIMIT = 200_000;

function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`run page: ${selector} is missing`);
  return el;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The test-only boot deadline from `?bootTimeout=`, within sane bounds; the 20 s otherwise. */
function bootTimeout(params: URLSearchParams): number {
  const asked = Number(params.get('bootTimeout'));
  return Number.isFinite(asked) && asked >= 100 && asked <= 120_000 ? asked : BOOT_TIMEOUT_MS;
}

export async function startRunPage(root: HTMLElement): Promise<void> {
  const exercise = JSON.parse($(document, '#exercise-data').textContent ?? '{}') as Exercise;
  const params = new URLSearchParams(location.search);

  // What to run: the fragment the opening page wrote, else the learner's saved work, else the starter.
  const request = await readRunRequest(location.hash);
  if (location.hash.length > 1 && !request) $(root, '#notices').innerHTML = '<p class="notice">The Dockerfile in this link could not be read, so the starter is shown instead.</p>';
  const saved = new ProgressStore(browserStorage()).get(exercise.id);
  let files: ExerciseFiles;
  let label: string;
  if (request) {
    files = { dockerfile: request.dockerfile, ...(request.dockerignore !== undefined ? { dockerignore: request.dockerignore } : exercise.starter.dockerignore !== undefined ? { dockerignore: exercise.starter.dockerignore } : {}) };
    label = request.from === 'playground' ? 'from the playground' : 'your version';
    if (request.from === 'playground') {
      const back = $(root, '#run-back') as HTMLAnchorElement;
      // Back to the playground with this Dockerfile and project, as its share links do.
      back.href = `/playground/#s=${await encodeState({ dockerfile: request.dockerfile, project: exercise.id })}`;
      back.textContent = 'Playground';
    }
  } else if (saved?.dockerfile !== undefined) {
    files = { dockerfile: saved.dockerfile, ...(saved.dockerignore !== undefined ? { dockerignore: saved.dockerignore } : exercise.starter.dockerignore !== undefined ? { dockerignore: exercise.starter.dockerignore } : {}) };
    label = 'your saved version';
  } else {
    files = exercise.starter;
    label = 'the starter';
  }
  $(root, '#run-dockerfile').innerHTML = `<code>${escapeHtml(files.dockerfile)}</code>`;
  $(root, '#run-source-label').textContent = label;
  const check = gradeExercise(exercise, files).runtime;
  $(root, '#run-static').innerHTML = runtimeCheckHtml(check);

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void runForReal(root, exercise, files, check, bootTimeout(params));
  };
  $(root, '#run-button').addEventListener('click', start);
  root.dataset.state = 'ready';
  // `?start`: the learner clicked "Run it for real" on the page that opened this one.
  if (params.has('start')) start();
}

/** "Run again": a fresh page, so the WebContainer boots afresh; `?start` keeps it opted in. */
function offerAgain(root: HTMLElement): void {
  $(root, '#run-again-box').hidden = false;
  $(root, '#run-edit').setAttribute('href', ($(root, '#run-back') as HTMLAnchorElement).href);
  $(root, '#run-again').addEventListener('click', () => {
    const url = new URL(location.href);
    url.searchParams.set('start', '');
    if (url.href === location.href) location.reload();
    else location.href = url.href;
  });
}

async function runForReal(root: HTMLElement, exercise: Exercise, files: ExerciseFiles, check: RuntimeCheck, bootTimeoutMs: number): Promise<void> {
  const status = $(root, '#run-status');
  const phases = $(root, '#run-phases');
  const stepsList = $(root, '#run-steps');
  const outputBox = $(root, '#run-output-box');
  const output = $(root, '#run-output');
  const result = $(root, '#run-result');
  $(root, '#run-idle').hidden = true;
  phases.hidden = false;
  root.dataset.state = 'running';

  const phaseStates = Object.fromEntries(PHASES.map((p) => [p, 'pending'])) as Record<Phase, PhaseState>;
  let phase: Phase = 'booting';
  const began = performance.now();
  const showStatus = () => {
    status.textContent = `${phaseLabel(phase)}… ${seconds(performance.now() - began)}`;
  };
  const setPhase = (next: Phase) => {
    for (const p of PHASES) if (phaseStates[p] === 'active' && p !== next) phaseStates[p] = 'done';
    phaseStates[next] = 'active';
    phase = next;
    phases.innerHTML = phasesHtml(phaseStates);
    showStatus();
  };
  setPhase('booting');
  const ticker = setInterval(showStatus, 500);

  const items = new Map<number, HTMLLIElement>();
  const renderStep = (step: StepRecord) => {
    let li = items.get(step.id);
    if (!li) {
      li = document.createElement('li');
      items.set(step.id, li);
      stepsList.append(li);
    }
    li.className = `run-step status-${step.status}`;
    li.innerHTML = stepHtml(step);
  };
  let written = 0;
  const write = (text: string) => {
    outputBox.hidden = false;
    output.append(text);
    written += text.length;
    if (written > OUTPUT_LIMIT * 1.5) {
      output.textContent = (output.textContent ?? '').slice(-OUTPUT_LIMIT);
      written = OUTPUT_LIMIT;
    }
    output.scrollTop = output.scrollHeight;
  };

  const onEvent = (event: RunEvent) => {
    if (event.type === 'step-start') {
      stepsList.hidden = false;
      if (event.step.status === 'running') setPhase(phaseOf(event.step));
      renderStep(event.step);
      if (event.step.status === 'running' && event.step.kind !== 'boot') write(`\n# ${event.step.text}\n`);
    } else if (event.type === 'step-end') {
      renderStep(event.step);
      if (event.step.status === 'failed') {
        phaseStates[phaseOf(event.step)] = 'failed';
        phases.innerHTML = phasesHtml(phaseStates);
      }
    } else if (event.type === 'output') write(plainOutput(event.chunk));
  };

  let outcome: RunOutcome;
  try {
    const response = await fetch(`/run/${encodeURIComponent(exercise.id)}/project.json`);
    if (!response.ok) throw new Error(`the project's files could not be loaded (HTTP ${response.status})`);
    const project = ((await response.json()) as { files: Record<string, string> }).files;
    const context = new Map(Object.entries(project));
    if (files.dockerignore !== undefined) context.set('.dockerignore', files.dockerignore);
    const plan = planRun(files.dockerfile, {
      context: [...context].map(([path, text]) => ({ path, text })),
      ...(exercise.run ? { route: exercise.run.route, port: exercise.run.port } : {}),
    });
    const runtime = await loadWebContainerRuntime({ coep: RUN_PAGE_COEP, bootTimeoutMs });
    outcome = await executePlan(plan, runtime, { files: context, onEvent });
    $(root, '#run-probe').innerHTML = outcome.started || outcome.probe ? probeHtml(outcome.probe, plan.probe.path) : '';
  } catch (error) {
    // The runtime's own module could not load (or the project's files): nothing ran.
    outcome = { steps: [], started: false, exitCode: null, port: { declared: null, listened: null }, probe: null, failure: 'boot-failed', message: (error as Error).message, subject: null, durationMs: performance.now() - began };
  }
  clearInterval(ticker);
  offerAgain(root);
  // Every step of the plan, the ones that never ran included, so the learner sees what was to come.
  for (const step of outcome.steps) renderStep(step);
  if (outcome.steps.length > 0) stepsList.hidden = false;

  const verdict = compareRun(outcome, check);
  if (outcome.failure === 'boot-failed') {
    root.dataset.state = 'boot-failed';
    phaseStates.booting = 'failed';
    phases.innerHTML = phasesHtml(phaseStates);
    status.textContent = 'Could not run it for real: the runtime did not boot.';
    result.innerHTML =
      `<div class="run-boot-failed"><p><strong>The runtime could not boot, so nothing ran.</strong> ${escapeHtml(sentence(outcome.message))}. ` +
      'WebContainers load from StackBlitz\'s servers and need a recent Chromium, Firefox or Safari; a network that blocks StackBlitz, an offline browser or a strict content blocker stops them.</p>' +
      `<p>Here is the static check instead:</p><div class="run-static-fallback">${runtimeCheckHtml(check)}</div></div>`;
    return;
  }
  root.dataset.state = outcome.failure === null ? 'ran' : 'failed';
  for (const p of PHASES) if (phaseStates[p] === 'active') phaseStates[p] = outcome.failure === null ? 'done' : 'failed';
  phases.innerHTML = phasesHtml(phaseStates);
  status.textContent = outcome.failure === null ? `Done in ${seconds(outcome.durationMs)}.` : `Stopped after ${seconds(outcome.durationMs)}.`;
  root.dataset.verdict = verdict.kind;
  result.innerHTML = `${outcomeHtml(outcome)}<p class="run-verdict verdict-${verdict.kind}">${verdict.kind === 'disagree' ? '<strong>They disagree.</strong> ' : ''}${escapeHtml(verdict.text)}</p>`;
}
