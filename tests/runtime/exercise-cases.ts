/**
 * Every Node exercise as real-run cases: its starter and each reference solution, built against
 * the exercise's real project files (src/site/run-project.ts) with the variant's .dockerignore,
 * probed on the route the exercise declares (exercise.yaml `run`).
 *
 * The course's starters are bloated, slow to rebuild or unsafe, never broken: each one, and each
 * solution, must build, start and answer. MISTAKES adds broken variants made from the solutions,
 * each with the failure it must give.
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

/**
 * Half-right attempts on an exercise's own project, made from a reference solution by removing
 * one line: each must fail for real, as the static check says it will.
 */
const MISTAKES: { exercise: string; name: string; from: string; remove: RegExp; real: { failure: FailureKind; subject?: string }; staticKind: string }[] = [
  {
    exercise: 'prisma-client',
    name: 'generated-client-not-copied',
    from: 'copy-client',
    remove: /^COPY --from=build \/app\/node_modules\/\.prisma .*\n/m,
    real: { failure: 'missing-generated-client', subject: '@prisma/client' },
    staticKind: 'missing-generated-client',
  },
  {
    exercise: 'multi-stage-node',
    name: 'dist-not-copied',
    from: 'slim-runtime',
    remove: /^COPY --from=build \/app\/dist .*\n/m,
    real: { failure: 'missing-file', subject: '/app/dist/server.js' },
    staticKind: 'missing-file',
  },
];

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
  /** What the static check must say: ok, or the problem kinds it must report. */
  static: { ok: boolean; kinds: string[] };
  /** The runtime check the exercise page shows for this Dockerfile. */
  staticCheck(): RuntimeCheck;
}

export function loadExerciseCases(): ExerciseCase[] {
  return readExercises(EXERCISES)
    .filter((exercise) => exercise.run !== undefined)
    .flatMap((exercise) => {
      const project = readRunProject(join(EXERCISES, exercise.id, 'project'));
      const variants: { name: string; files: ExerciseFiles; real?: ExerciseCase['real']; staticKind?: string }[] = [
        { name: 'starter', files: exercise.starter },
        ...exercise.solutions.map((s) => ({ name: s.name ?? 'solution', files: s as ExerciseFiles })),
      ];
      for (const m of MISTAKES.filter((m) => m.exercise === exercise.id)) {
        const from = exercise.solutions.find((s) => s.name === m.from);
        if (!from || !m.remove.test(from.dockerfile)) throw new Error(`mistake ${m.exercise}/${m.name}: solution ${m.from} has no line matching ${m.remove}`);
        variants.push({ name: m.name, files: { ...from, dockerfile: from.dockerfile.replace(m.remove, '') }, real: m.real, staticKind: m.staticKind });
      }
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
          real: v.real ?? { failure: null },
          static: v.staticKind ? { ok: false, kinds: [v.staticKind] } : { ok: true, kinds: [] },
          staticCheck: () => gradeExercise(exercise, v.files).runtime,
        };
      });
    });
}
