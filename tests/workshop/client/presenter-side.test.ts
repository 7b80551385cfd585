// The presenter page's DOM-free helpers: a grid cell in words, and the secret link's fragment.
import { describe, expect, it } from 'vitest';
import { cellText, since } from '../../../src/client/workshop/presenter-render.ts';
import { presenterFragment, readPresenterKey, withSecret } from '../../../src/client/workshop/presenter-link.ts';
import type { Cell } from '../../../src/workshop/store/types.ts';

const cell = (over: Partial<Cell>): Cell => ({
  learnerId: 'l',
  exercise: 'e',
  status: 'trying',
  bestScore: 0.4,
  lastScore: 0.4,
  sizeBytes: 412_000_000,
  finalSizeBytes: null,
  hintsUsed: 0,
  timeSpentMs: 0,
  gradedCount: 1,
  failed: [],
  rules: [],
  stuck: false,
  stuckSeq: null,
  stuckAt: null,
  updatedAt: 0,
  ...over,
});

describe('cellText', () => {
  it('says the status in words, so the grid reads without colour', () => {
    expect(cellText(undefined)).toEqual({ tone: 'not-started', label: 'not started', size: null });
    expect(cellText(cell({}))).toEqual({ tone: 'trying', label: 'trying 40%', size: '412.0 MB' });
    expect(cellText(cell({ status: 'started', lastScore: null, sizeBytes: null }))).toEqual({ tone: 'started', label: 'started', size: null });
  });

  it('shows the final (passing) size once finished, and a raised hand above everything else', () => {
    expect(cellText(cell({ status: 'passed', sizeBytes: 300e6, finalSizeBytes: 190e6 }))).toMatchObject({ tone: 'passed', size: '190.0 MB' });
    expect(cellText(cell({ status: 'done', finalSizeBytes: 190e6 }))).toMatchObject({ tone: 'done', label: 'done' });
    expect(cellText(cell({ stuck: true }))).toMatchObject({ tone: 'stuck', label: 'stuck', size: '412.0 MB' });
  });

  it('ages a raised hand in seconds, then minutes', () => {
    expect(since(0, 42_000)).toBe('42 s');
    expect(since(0, 185_000)).toBe('3 min');
    expect(since(10, 0)).toBe('0 s');
  });
});

describe('presenter link', () => {
  it('round-trips the code and secret through the fragment', () => {
    const key = { code: 'ABC234', secret: 'a-b_c' };
    expect(readPresenterKey(presenterFragment(key))).toEqual(key);
    expect(readPresenterKey('#code=abc234&secret=s')).toEqual({ code: 'ABC234', secret: 's' });
    expect(readPresenterKey('')).toBeNull();
    expect(readPresenterKey('#code=ABC234')).toBeNull();
  });

  it('puts the secret in the query where a header cannot go', () => {
    expect(withSecret('/api/workshops/X/export.csv', { code: 'X', secret: 'a+b' })).toBe('/api/workshops/X/export.csv?secret=a%2Bb');
    expect(withSecret('/p?x=1', { code: 'X', secret: 's' })).toBe('/p?x=1&secret=s');
  });
});
