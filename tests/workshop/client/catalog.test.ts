import { describe, expect, it } from 'vitest';
import { exerciseTitle, objectiveTitle, type Catalog } from '../../../src/client/workshop/catalog.ts';

const catalog: Catalog = [{ id: 'non-root', title: 'Run as node', summary: '', objectives: { 'runs-as-user': 'The container does not run as root' } }];

describe('workshop catalog titles', () => {
  it('names known exercises and objectives, and falls back to the id', () => {
    expect(exerciseTitle(catalog, 'non-root')).toBe('Run as node');
    expect(exerciseTitle(catalog, 'nope')).toBe('nope');
    expect(objectiveTitle(catalog, 'non-root', 'runs-as-user')).toBe('The container does not run as root');
    expect(objectiveTitle(catalog, 'non-root', 'other')).toBe('other');
    expect(objectiveTitle(catalog, 'nope', 'runs-as-user')).toBe('runs-as-user');
  });

  it('gives a learner-sent objective id named like an object property back as text', () => {
    // A function or Object.prototype here stopped the presenter page's render loop.
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(objectiveTitle(catalog, 'non-root', id)).toBe(id);
  });
});
