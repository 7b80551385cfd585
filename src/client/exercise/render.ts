/**
 * The exercise page's checklist and results as HTML strings, from a GradeResult. DOM-free: the
 * page renders the starter's results at build time with the same functions the browser uses on
 * every edit, so the first paint and the live view cannot disagree. Every text is escaped.
 */
import type { GradeResult, ObjectiveResult } from '../../engine/grade/types.ts';
import type { SimLayer } from '../../engine/simulate/types.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped text with `backticks` as <code>, as exercise YAML and lessons write commands. */
export function textHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Sizes as `docker images` prints them: decimal units. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

const FEEDBACK_LABEL: Record<ObjectiveResult['feedback'], string> = {
  essential: 'Essential',
  actionable: 'Suggested',
  informative: 'Good to know',
  celebratory: 'Bonus',
};

/** The checklist: one item per objective, passed or not, with the engine's message. */
export function checklistHtml(objectives: readonly ObjectiveResult[]): string {
  return objectives
    .map((o) => {
      const state = o.passed ? 'passed' : 'failed';
      return `<li class="objective ${state}" data-objective="${escapeHtml(o.id)}" data-feedback="${o.feedback}">
  <span class="objective-mark" aria-hidden="true">${o.passed ? '✓' : '○'}</span>
  <span class="objective-body"><span class="objective-title">${textHtml(o.title)}</span>
  <span class="visually-hidden">${o.passed ? 'done' : 'not yet'}.</span>
  <span class="objective-kind">${FEEDBACK_LABEL[o.feedback]}</span>
  <span class="objective-message">${textHtml(o.message)}</span></span>
</li>`;
    })
    .join('\n');
}

export interface SizeTargets {
  /** The starter's simulated size. */
  starterBytes: number;
  /** The max-size objective, when the exercise has one. */
  targetBytes: number | null;
}

function layerLabel(layer: SimLayer): string {
  if (layer.base) return 'base image';
  return layer.line !== null ? `line ${layer.line}` : 'layer';
}

/**
 * The final image as a picture: one stacked bar, a segment per layer (the base image as one),
 * wasted bytes hatched, with the same figures as a table for screen readers and exact reading.
 */
export function imageHtml(grade: GradeResult, targets: SizeTargets): string {
  const layers = grade.image.layers.filter((l) => !l.empty);
  const base = layers.filter((l) => l.base);
  const own = layers.filter((l) => !l.base);
  const total = grade.image.totals.sizeBytes;
  const scale = Math.max(total, targets.starterBytes, targets.targetBytes ?? 0, 1);
  const baseBytes = base.reduce((n, l) => n + l.sizeBytes, 0);
  const pct = (bytes: number) => `${((100 * bytes) / scale).toFixed(3)}%`;
  const segments = [
    baseBytes > 0 ? `<span class="seg seg-base" style="width:${pct(baseBytes)}" title="base image: ${formatBytes(baseBytes)}"></span>` : '',
    ...own.map(
      (l, i) =>
        `<span class="seg seg-${i % 6}${l.hiddenBytes > 0 ? ' seg-wasted' : ''}" style="width:${pct(l.sizeBytes)}" title="${escapeHtml(`${layerLabel(l)}: ${l.createdBy.slice(0, 80)} — ${formatBytes(l.sizeBytes)}`)}"></span>`,
    ),
  ].join('');
  // A marker's label sits on the side with room, so it never runs off a narrow screen.
  const side = (bytes: number) => (bytes / scale > 0.5 ? 'label-before' : 'label-after');
  const target =
    targets.targetBytes !== null
      ? `<span class="bar-target ${side(targets.targetBytes)}" style="left:${pct(targets.targetBytes)}" aria-hidden="true"><span>target ${formatBytes(targets.targetBytes)}</span></span>`
      : '';
  const starter = `<span class="bar-starter ${side(targets.starterBytes)}" style="left:${pct(targets.starterBytes)}" aria-hidden="true"><span>start ${formatBytes(targets.starterBytes)}</span></span>`;
  const rows = [
    ...(baseBytes > 0 ? [`<tr><th scope="row">base image</th><td>${escapeHtml(grade.image.stages[grade.image.target]?.base?.ref ?? 'base image')}</td><td class="num">${formatBytes(baseBytes)}</td><td class="num">—</td></tr>`] : []),
    ...own.map(
      (l) =>
        `<tr><th scope="row">${layerLabel(l)}</th><td><code>${escapeHtml(l.createdBy.replace(/^\/bin\/sh -c /, '').slice(0, 120))}</code></td><td class="num">${formatBytes(l.sizeBytes)}</td><td class="num">${l.hiddenBytes > 0 ? formatBytes(l.hiddenBytes) : '—'}</td></tr>`,
    ),
  ].join('');
  const verdict =
    targets.targetBytes === null
      ? ''
      : total <= targets.targetBytes
        ? `, within the ${formatBytes(targets.targetBytes)} target`
        : `, ${formatBytes(total - targets.targetBytes)} over the ${formatBytes(targets.targetBytes)} target`;
  return `<p class="image-total"><strong>${formatBytes(total)}</strong> final image (about ${formatBytes(grade.image.totals.compressedBytes)} to pull)${verdict}; the starter was ${formatBytes(targets.starterBytes)}. Wasted: ${formatBytes(grade.image.totals.wastedBytes)}.</p>
<div class="image-bar" role="img" aria-label="${escapeHtml(`Final image ${formatBytes(total)}: base image ${formatBytes(baseBytes)} plus ${own.length} layers`)}">${segments}${starter}${target}</div>
<div class="table-scroll"><table class="layer-table"><caption class="visually-hidden">Layers of the final image</caption><thead><tr><th scope="col">Layer</th><th scope="col">Created by</th><th scope="col" class="num">Size</th><th scope="col" class="num">Deleted later</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Which steps a rebuild reruns after each edit scenario, and the time they cost. */
export function cacheHtml(grade: GradeResult): string {
  if (grade.cache.length === 0) return '';
  return grade.cache
    .map(({ scenario, report }) => {
      const misses = report.steps.filter((s) => !s.hit);
      const items = report.steps
        .map((s) => `<li class="${s.hit ? 'hit' : 'miss'}"><span class="visually-hidden">${s.hit ? 'cached' : 'reruns'}:</span><span aria-hidden="true">${s.hit ? '✓' : '↻'}</span> <code>${escapeHtml(s.instruction.slice(0, 90))}</code> <span class="why">${escapeHtml(s.reason)}</span></li>`)
        .join('');
      return `<section class="cache-scenario"><h4>${escapeHtml(scenario.title)}</h4><p>${misses.length} of ${report.steps.length} steps rerun, about ${report.rebuildSeconds.toFixed(0)} s (a build without cache: ${report.coldSeconds.toFixed(0)} s).</p><ul class="cache-steps">${items}</ul></section>`;
    })
    .join('');
}

export function runtimeHtml(grade: GradeResult): string {
  return runtimeCheckHtml(grade.runtime);
}

/** The runtime check alone (the run page shows it beside the real run). */
export function runtimeCheckHtml(r: GradeResult['runtime']): string {
  const command = r.command.length ? `<code>${escapeHtml(r.command.join(' '))}</code>` : 'nothing (no CMD or ENTRYPOINT)';
  if (r.ok) return `<p class="runtime ok"><span aria-hidden="true">✓</span> The container starts: ${command} as <code>${escapeHtml(r.user)}</code>.</p>`;
  const problems = r.problems.map((p) => `<li>${p.line !== null ? `Line ${p.line}: ` : ''}${escapeHtml(p.message)}</li>`).join('');
  return `<div class="runtime failed"><p><span aria-hidden="true">✗</span> The container would not start as written: ${command}.</p><ul>${problems}</ul></div>`;
}

/** The parse errors, each with its line and column. */
export function errorsHtml(grade: GradeResult): string {
  if (grade.errors.length === 0) return '';
  return `<ul class="parse-errors">${grade.errors.map((e) => `<li>${escapeHtml((e as { file?: string }).file ?? 'Dockerfile')}:${e.line}:${e.column}: ${escapeHtml(e.message)}</li>`).join('')}</ul>`;
}

/** Lint findings as a list, each linking to its rule's page. */
export function findingsHtml(findings: readonly GradeResult['findings'][number][]): string {
  if (findings.length === 0) return '<p class="runtime ok">No finding.</p>';
  return `<ul class="findings">${findings
    .map(
      (f) =>
        `<li class="finding severity-${f.severity}"><span class="badge severity-${f.severity}">${f.severity}</span> <span class="finding-where">line ${f.range.start.line}:${f.range.start.column}</span> ${textHtml(f.message)} <a href="/rules/${escapeHtml(f.rule)}/">${escapeHtml(f.rule)}</a></li>`,
    )
    .join('')}</ul>`;
}
