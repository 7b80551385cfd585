import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../../src/engine/grade/index.ts';
import type { ObjectiveCheck } from '../../../src/engine/grade/types.ts';
import { exercise, objective } from './support.ts';

const ALL_KINDS: ObjectiveCheck[] = [
  { kind: 'max-size', megabytes: 300 },
  { kind: 'rule', rule: 'copy-all-before-install', present: false },
  { kind: 'stages', min: 2 },
  { kind: 'non-root' },
  { kind: 'install-cache-hit', path: 'src/server.js' },
  { kind: 'runtime-ok' },
  { kind: 'file', path: '/app/.env', present: false },
  { kind: 'secret-mount', id: 'npmrc' },
];
const every = exercise(ALL_KINDS.map((check, i) => objective(`o${i}`, check)), { dockerignore: '' });

describe('gradeExercise', () => {
  it('a parse error fails every objective, pointing at the error line', () => {
    const result = gradeExercise(every, { dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chmod . .\nCMD ["node", "x.js"]\n', dockerignore: '' });
    expect(result.errors.length).toBeGreaterThan(0);
    const line = result.errors[0]!.line;
    expect(line).toBe(3);
    for (const o of result.objectives) {
      expect(o.passed).toBe(false);
      expect(o.line).toBe(3);
      expect(o.message).toMatch(/^docker build would fail \(line 3: /);
    }
    expect(result.passed).toBe(false);
    expect(result.score).toBe(0);
  });

  it('a malformed .dockerignore pattern is an error with its line, and fails the objectives', () => {
    const result = gradeExercise(every, { dockerfile: 'FROM node:22-slim\n', dockerignore: 'node_modules\n[\n' });
    expect(result.errors).toEqual([expect.objectContaining({ file: '.dockerignore', line: 2 })]);
    expect(result.objectives.every((o) => !o.passed && o.message.includes('.dockerignore line 2'))).toBe(true);
  });

  it('scores the objectives passed and reports the context sent', () => {
    const result = gradeExercise(every, {
      dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev\nCOPY src ./src\nUSER node\nCMD ["node", "src/server.js"]\n',
      dockerignore: '.env\n',
    });
    const failed = result.objectives.filter((o) => !o.passed).map((o) => o.id);
    expect(failed).toEqual(['o2']);
    expect(result.score).toBeCloseTo(7 / 8);
    expect(result.context.excluded).toEqual(['.env']);
    expect(result.cache).toHaveLength(1);
    expect(result.cache[0]!.report.steps.find((s) => s.line === 4)?.hit).toBe(true);
  });

  it('uses the starter .dockerignore when the learner may not edit it', () => {
    const ex = { ...exercise([objective('env', { kind: 'file', path: '/app/.env', present: false })], { dockerignore: '.env\n' }), dockerignoreEditable: false };
    expect(gradeExercise(ex, { dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n' }).passed).toBe(true);
    expect(gradeExercise(ex, { dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n', dockerignore: '' }).passed).toBe(true);
  });

  it('never throws, whatever the Dockerfile and .dockerignore', () => {
    const lines = ['FROM node:22-slim AS build', 'FROM build', 'FROM scratch', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /app /app', 'COPY --from=0 / /', 'RUN npm ci', 'RUN npm run build && npm prune --omit=dev', 'USER node', 'USER 0', 'CMD ["node", "dist/server.js"]', 'CMD node', 'RUN <<EOF', 'EOF', 'ARG X', 'FROM $X', 'ENTRYPOINT ["/x"]'];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 30 })), { maxLength: 12 }),
        fc.array(fc.oneof(fc.constantFrom('*', '!src', '.env', 'src', '[', '**/node_modules', '!'), fc.string({ maxLength: 10 })), { maxLength: 5 }),
        (dockerfile, ignore) => {
          const result = gradeExercise(every, { dockerfile: dockerfile.join('\n'), dockerignore: ignore.join('\n') });
          expect(result.objectives).toHaveLength(ALL_KINDS.length);
          for (const o of result.objectives) expect(o.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
