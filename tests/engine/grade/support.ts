import type { Exercise, Objective, ObjectiveCheck, ProjectFile } from '../../../src/engine/grade/types.ts';

/** A small Node project: express in production, TypeScript as a dev dependency. */
export const PROJECT_FILES: ProjectFile[] = [
  { path: 'package.json', bytes: 310, text: '{"name":"t","scripts":{"build":"tsc"},"dependencies":{"express":"^4"},"devDependencies":{"typescript":"^5"}}' },
  { path: 'package-lock.json', bytes: 24_000 },
  { path: 'tsconfig.json', bytes: 200 },
  { path: 'src/server.js', bytes: 1_200 },
  { path: 'src/routes.js', bytes: 800 },
  { path: 'README.md', bytes: 600 },
  { path: '.env', bytes: 120 },
];

export function objective(id: string, check: ObjectiveCheck, feedback: Objective['feedback'] = 'essential'): Objective {
  return { id, title: id, feedback, check, hints: ['a nudge', 'nearly the answer'] };
}

/** An exercise with the given objectives over PROJECT_FILES (no .dockerignore unless given). */
export function exercise(objectives: Objective[], options: { dockerignore?: string; files?: ProjectFile[] } = {}): Exercise {
  return {
    id: 'test',
    title: 'Test',
    summary: 'Test exercise',
    lesson: 'test',
    starter: { dockerfile: 'FROM node:22-slim\n', ...(options.dockerignore !== undefined ? { dockerignore: options.dockerignore } : {}) },
    dockerignoreEditable: options.dockerignore !== undefined,
    project: {
      files: options.files ?? PROJECT_FILES,
      nodeProjects: [{ dir: '', allBytes: 90_000_000, allFiles: 2_300, prodBytes: 7_000_000, prodFiles: 1_200, cacheBytes: 60_000_000, buildOutputBytes: 6_000, source: 'test figures' }],
    },
    scenarios: [{ id: 'edit', title: 'Edit src/server.js', scenario: { kind: 'file', path: 'src/server.js' } }],
    objectives,
    solutions: [],
  };
}
