import { describe, expect, it } from 'vitest';
import { outcomeHtml, phasesHtml, plainOutput, probeHtml, stepHtml } from '../../src/client/run/render.ts';
import type { RunOutcome, StepRecord } from '../../src/runtime/outcome.ts';

const step = (over: Partial<StepRecord>): StepRecord => ({ id: 1, kind: 'run', stage: 0, line: 4, text: 'RUN npm ci', status: 'ok', output: '', durationMs: 12_345, ...over });

describe('the run panel renderers', () => {
  it('keeps a terminal line at its last redraw and drops colour codes', () => {
    expect(plainOutput('\x1b[32madded 65 packages\x1b[39m\r\n')).toBe('added 65 packages\n');
    expect(plainOutput('⠙ installing\r⠹ installing\rdone\nnext')).toBe('done\nnext');
  });

  it('shows a step with its line and time, and why it failed or was skipped, escaped', () => {
    expect(stepHtml(step({}))).toContain('<code>RUN npm ci</code> <span class="run-step-line">line 4</span> <span class="run-step-time">12 s</span>');
    const failed = stepHtml(step({ status: 'failed', text: 'COPY <x> ./', reason: "Cannot find module 'express'" }));
    expect(failed).toContain('<code>COPY &lt;x&gt; ./</code>');
    expect(failed).toContain('<p class="run-step-reason">Cannot find module &#39;express&#39;</p>');
    expect(stepHtml(step({ status: 'skipped', reason: 'apt-get installs Debian packages' }))).not.toContain('run-step-time');
  });

  it('marks the active phase for assistive technology', () => {
    const html = phasesHtml({ booting: 'done', installing: 'active', building: 'pending', starting: 'pending', probing: 'pending' });
    expect(html).toContain('<li class="run-phase phase-installing phase-active" aria-current="step">');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it('shows the probe and the outcome with the time taken', () => {
    expect(probeHtml({ url: 'http://localhost:3000/health', status: 200, body: '{"status":"ok"}' }, '/health')).toContain('answered <strong>200</strong>');
    expect(probeHtml({ url: 'http://localhost:3000/health', status: null, body: 'ECONNREFUSED' }, '/health')).toContain('no answer (ECONNREFUSED)');
    expect(probeHtml(null, '/health')).toContain('not reached');
    const outcome = { failure: null, message: 'built, started and GET /health answered 200', durationMs: 41_200 } as RunOutcome;
    expect(outcomeHtml(outcome)).toContain('It runs: built, started and GET /health answered 200. <span class="run-time">Took 41 s.</span>');
  });
});
