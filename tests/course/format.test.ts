import { describe, expect, it } from 'vitest';
import { formatBytes, inSentence } from '../../src/components/course/format.ts';

describe('course figures and titles', () => {
  it('prints sizes in decimal units, as docker images does', () => {
    expect(formatBytes(235_512_345)).toBe('236 MB');
    expect(formatBytes(7_250_000)).toBe('7.3 MB');
    expect(formatBytes(968_700)).toBe('968.7 kB');
    expect(formatBytes(1_120_000_000)).toBe('1.12 GB');
  });

  it('lowers only the first letter of a title inside a sentence, and leaves acronyms alone', () => {
    expect(inSentence('Starter')).toBe('starter');
    expect(inSentence('tini from Debian as the entrypoint')).toBe('tini from Debian as the entrypoint');
    expect(inSentence('Build stage, slim runtime stage')).toBe('build stage, slim runtime stage');
    expect(inSentence('ENV NODE_ENV=production before npm ci')).toBe('ENV NODE_ENV=production before npm ci');
  });
});
