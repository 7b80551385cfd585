import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExercises } from '../../src/content-loaders/exercises.ts';
import { gradeExercise } from '../../src/engine/grade/index.ts';
import { exerciseSchema } from '../../src/content-loaders/exercise-schema.ts';

const root = join(import.meta.dirname, '../../content/exercises');
const exercises = readExercises(root, 'content/exercises');

describe('every exercise', () => {
  it('loads every exercise, each with its lesson', () => {
    expect(exercises.map((e) => [e.id, e.lesson])).toEqual([
      ['build-secrets', 'security-and-secrets'],
      ['cache-mounts', 'cache-mounts'],
      ['cache-order', 'layer-order-and-cache'],
      ['capstone-crm-backend', 'capstone-crm-backend'],
      ['capstone-monorepo-prisma', 'capstone-monorepo-prisma'],
      ['capstone-rust-vite', 'capstone-rust-vite'],
      ['clean-apt-lists', 'cleaning-caches'],
      ['combine-run', 'combining-run-steps'],
      ['dockerignore', 'dockerignore'],
      ['health-check', 'health-checks'],
      ['minimal-base', 'minimal-base-images'],
      ['monorepo-prune', 'monorepos'],
      ['multi-platform-go', 'multi-platform-builds'],
      ['multi-stage-node', 'multi-stage-builds'],
      ['non-root', 'non-root-users'],
      ['pid1-signals', 'pid1-and-signals'],
      ['prisma-client', 'production-dependencies'],
      ['prod-deps', 'production-dependencies'],
      ['read-history', 'why-size-matters'],
      ['runtime-settings', 'runtime-settings'],
      ['rust-api', 'rust-images'],
      ['static-frontend', 'static-frontends'],
    ]);
  });

  for (const exercise of exercises) {
    describe(exercise.id, () => {
      it('matches the collection schema', () => {
        expect(exerciseSchema.safeParse(exercise).success).toBe(true);
      });

      for (const solution of exercise.solutions) {
        it(`solution ${solution.name} passes every objective`, () => {
          const result = gradeExercise(exercise, solution);
          expect(result.errors).toEqual([]);
          const failed = result.objectives.filter((o) => !o.passed).map((o) => `${o.id}: ${o.message}`);
          expect(failed).toEqual([]);
          expect(result.passed).toBe(true);
          expect(result.score).toBe(1);
        });
      }

      it('the starter fails at least one essential objective', () => {
        const result = gradeExercise(exercise, exercise.starter);
        expect(result.errors).toEqual([]);
        expect(result.objectives.filter((o) => o.feedback === 'essential' && !o.passed).length).toBeGreaterThan(0);
      });

      it('has real measured node_modules figures, not the simulator fallback', () => {
        const result = gradeExercise(exercise, exercise.solutions[0]!);
        expect(result.image.notes.map((n) => n.message).join('\n')).not.toMatch(/no measured data/);
        for (const p of exercise.project.nodeProjects) expect(p.source).toMatch(/^measured \d{4}-\d{2}-\d{2}: (npm ci|pnpm \d+\.\d+\.\d+ )/);
      });

      it('labels every entry that is not a real file of project/ as declared or measured', () => {
        for (const f of exercise.project.files) {
          if (f.text === undefined && f.bytes < 64 * 1024) {
            // Small entries without text are declared sizes, or measured node_modules packages.
            expect(f.declared !== undefined || f.path.startsWith('node_modules/'), f.path).toBe(true);
          }
        }
      });
    });
  }
});
