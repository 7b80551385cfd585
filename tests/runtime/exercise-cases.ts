/**
 * Every Node exercise as real-run cases: its starter and each reference solution, built against
 * the exercise's real project files (src/site/run-project.ts) with the variant's .dockerignore,
 * probed on the route the exercise declares (exercise.yaml `run`).
 *
 * The course's starters are bloated, slow to rebuild or unsafe, never broken: each one, and each
 * solution, must build, start and answer. A variant that is meant to fail would be listed in
 * EXPECTED_FAILURES with the failure it must give.
 */
import { join } from 'node:path';
import { readExercises } from '../../src/content-loaders/exercises.ts';
import { gradeExercise } from '../../src/engine/grade/index.ts';
import type { Exercise, ExerciseFiles } from '../../src/engine/grade/types.ts';
import type { RuntimeCheck } from '../../src/engine/simulate/index.ts';
import { readRunProject } from '../../src/site/run-project.ts';
import type { FailureKind } from '../../src/runtime/outcome.ts';
import { FIXTURES } from './run-cases.ts';

export const EXERCISES = join(FIXTURES, '../../../content/exercises');

/** `<exercise>/<variant>` → the failure the real run must give. None today: see above. */
const EXPECTED_FAILURES: Record<string, { failure: FailureKind; subject?: string }> = {};

export interface ExerciseCase {
  name: string;
  exercise: Exercise;
  files: ExerciseFiles;
  dockerfile: string;
  /** Every context file the run gets: the project's, and the variant's .dockerignore. */
  context: Map<string, string>;
  route: string;
  port: number;
  real: { failure: FailureKind | null; subject?: string };
  /** The runtime check the exercise page shows for this Dockerfile. */
  staticCheck(): RuntimeCheck;
}

export function loadExerciseCases(): ExerciseCase[] {
  return readExercises(EXERCISES)
    .filter((exercise) => exercise.run !== undefined)
    .flatMap((exercise) => {
      const project = readRunProject(join(EXERCISES, exercise.id, 'project'));
      const variants = [{ name: 'starter', files: exercise.starter }, ...exercise.solutions.map((s) => ({ name: s.name ?? 'solution', files: s as ExerciseFiles }))];
      return variants.map((v): ExerciseCase => {
        const context = new Map(Object.entries(project));
        if (v.files.dockerignore !== undefined) context.set('.dockerignore', v.files.dockerignore);
        const name = `${exercise.id}/${v.name}`;
        return {
          name,
          exercise,
          files: v.files,
          dockerfile: v.files.dockerfile,
          context,
          route: exercise.run!.route,
          port: exercise.run!.port,
          real: EXPECTED_FAILURES[name] ?? { failure: null },
          staticCheck: () => gradeExercise(exercise, v.files).runtime,
        };
      });
    });
}
