import { describe, expect, it } from 'vitest';
import { diffHtml, lineDiff } from '../../src/client/exercise/diff.ts';

describe('lineDiff', () => {
  it('keeps common lines and marks the rest', () => {
    expect(lineDiff('FROM node:22\nCOPY . .\nRUN npm ci\n', 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n')).toEqual([
      { kind: 'removed', text: 'FROM node:22' },
      { kind: 'removed', text: 'COPY . .' },
      { kind: 'added', text: 'FROM node:22-slim' },
      { kind: 'added', text: 'COPY package*.json ./' },
      { kind: 'same', text: 'RUN npm ci' },
      { kind: 'added', text: 'COPY . .' },
    ]);
  });

  it('is all "same" for equal texts', () => {
    expect(lineDiff('a\nb\n', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });

  it('escapes what it renders', () => {
    expect(diffHtml([{ kind: 'added', text: '<img src=x>' }])).toContain('&lt;img src=x&gt;');
  });
});
