import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerRows, baseImageRef } from '../../src/components/course/layers.ts';
import { formatBytes } from '../../src/components/course/format.ts';
import { readExercise } from '../../src/content-loaders/exercises.ts';
import { gradeExercise } from '../../src/engine/grade/index.ts';

const dir = (id: string) => join(import.meta.dirname, '..', '..', 'content/exercises', id);

describe('layer diagram rows', () => {
  it('groups the base image in one row and lists each layer the Dockerfile adds, summing to the image', () => {
    const exercise = readExercise(dir('non-root'));
    const { image } = gradeExercise(exercise, exercise.starter);
    const rows = layerRows(image);
    expect(rows[0]).toMatchObject({ number: 0, base: true, label: 'Base image node:22-slim' });
    expect(rows.map((r) => r.label)).toContain('RUN chown -R node:node /app');
    expect(rows.some((r) => r.label.startsWith('ENV') || r.label.startsWith('CMD'))).toBe(false);
    expect(rows.reduce((sum, r) => sum + r.sizeBytes, 0)).toBe(image.totals.sizeBytes);
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 6);
  });

  it('names the image a multi-stage build starts its final stage from', () => {
    const exercise = readExercise(dir('multi-stage-node'));
    const slim = exercise.solutions.find((s) => s.name === 'slim-runtime')!;
    expect(baseImageRef(gradeExercise(exercise, slim).image)).toBe('node:22-slim');
    expect(baseImageRef(gradeExercise(exercise, exercise.starter).image)).toBe('node:22');
  });
});

describe('formatBytes', () => {
  it('prints decimal units as docker images does', () => {
    expect([999, 1500, 21_000_000, 234_560_000, 1_274_000_000].map(formatBytes)).toEqual(['999 B', '1.5 kB', '21.0 MB', '235 MB', '1.27 GB']);
  });
});
