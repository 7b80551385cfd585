/**
 * The run panel's HTML, as strings from the runtime's records: the phase line, each step with its
 * status, the probe, the time taken. Pure (no DOM), so the run page and tests share it.
 */
import type { ProbeRecord, RunOutcome, StepRecord, StepStatus } from '../../runtime/outcome.ts';
import { escapeHtml } from '../exercise/render.ts';
import { PHASES, type Phase } from './verdict.ts';

export type PhaseState = 'pending' | 'active' | 'done' | 'failed';

const PHASE_LABEL: Record<Phase, string> = {
  booting: 'Booting',
  installing: 'Installing',
  building: 'Building',
  starting: 'Starting',
  probing: 'Probing',
};

const STATUS_ICON: Record<StepStatus, string> = { running: '…', ok: '✓', failed: '✗', skipped: '–', 'not-run': '·' };
const STATUS_WORD: Record<StepStatus, string> = { running: 'running', ok: 'done', failed: 'failed', skipped: 'skipped', 'not-run': 'not run' };

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function phaseLabel(phase: Phase): string {
  return PHASE_LABEL[phase];
}

/** The five phases in order, each marked pending, active, done or failed. */
export function phasesHtml(states: Readonly<Record<Phase, PhaseState>>): string {
  return PHASES.map((p) => `<li class="run-phase phase-${p} phase-${states[p]}"${states[p] === 'active' ? ' aria-current="step"' : ''}>${PHASE_LABEL[p]}<span class="visually-hidden"> (${states[p]})</span></li>`).join('');
}

/** One step: status, what it does, its Dockerfile line, how long it took, why it was skipped or failed. */
export function stepHtml(step: StepRecord): string {
  const where = step.line !== null ? `<span class="run-step-line">line ${step.line}</span>` : '';
  const time = step.status === 'ok' || step.status === 'failed' ? `<span class="run-step-time">${seconds(step.durationMs)}</span>` : '';
  const reason = step.reason ? `<p class="run-step-reason">${escapeHtml(step.reason)}</p>` : '';
  return `<span class="run-step-icon" aria-hidden="true">${STATUS_ICON[step.status]}</span><span class="visually-hidden">${STATUS_WORD[step.status]}: </span><code>${escapeHtml(step.text)}</code> ${where} ${time}${reason}`;
}

/** The HTTP probe and what it got back. */
export function probeHtml(probe: ProbeRecord | null, path: string): string {
  if (!probe) return `<p class="run-probe">GET <code>${escapeHtml(path)}</code>: not reached.</p>`;
  const ok = probe.status !== null && probe.status < 400;
  const answer = probe.status === null ? `no answer (${escapeHtml(probe.body)})` : `<strong>${probe.status}</strong>`;
  const body = probe.status !== null && probe.body ? `<pre class="run-probe-body">${escapeHtml(probe.body)}</pre>` : '';
  return `<p class="run-probe ${ok ? 'ok' : 'failed'}"><span aria-hidden="true">${ok ? '✓' : '✗'}</span> GET <code>${escapeHtml(probe.url)}</code> answered ${answer}</p>${body}`;
}

/** The outcome in one line, with the time the whole run took. */
export function outcomeHtml(outcome: RunOutcome): string {
  const ok = outcome.failure === null;
  return `<p class="run-outcome ${ok ? 'ok' : 'failed'}"><span aria-hidden="true">${ok ? '✓' : '✗'}</span> ${ok ? 'It runs' : 'It does not run'}: ${escapeHtml(outcome.message)}. <span class="run-time">Took ${seconds(outcome.durationMs)}.</span></p>`;
}

/** Terminal output as text: colour codes dropped, a line redrawn with \r kept at its last state. */
export function plainOutput(chunk: string): string {
  return chunk
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\x1b\][^\x07]*\x07/g, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
}
