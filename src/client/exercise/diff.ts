/**
 * A line diff (longest common subsequence) between the learner's Dockerfile and a solution:
 * Dockerfiles are short, so the quadratic table costs nothing and needs no dependency.
 */
import { escapeHtml } from './render.ts';

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return out;
}

const SIGN = { same: ' ', removed: '-', added: '+' } as const;
const SPOKEN = { same: '', removed: 'removed: ', added: 'added: ' } as const;

export function diffHtml(lines: readonly DiffLine[]): string {
  return `<pre class="diff"><code>${lines
    .map((l) => `<span class="diff-${l.kind}"><span class="visually-hidden">${SPOKEN[l.kind]}</span><span aria-hidden="true">${SIGN[l.kind]} </span>${escapeHtml(l.text)}</span>`)
    .join('\n')}</code></pre>`;
}
