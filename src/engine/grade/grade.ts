/**
 * Grades a learner's Dockerfile (and .dockerignore) against an exercise's objectives: one parse,
 * one lint, one simulation, cache reports and the runtime check, then each objective. Runs on
 * every keystroke (debounced), so it never throws and does no work twice.
 */
import { parseDockerfile } from '../parse/index.ts';
import type { ParseResult } from '../parse/types.ts';
import { lintDockerfile } from '../rules/lint.ts';
import { allRules } from '../rules/registry.ts';
import type { Finding } from '../rules/types.ts';
import { cacheReport, type CacheReport } from '../simulate/cache.ts';
import { runtimeCheck, type RuntimeCheck } from '../simulate/runtime.ts';
import { simulateImage } from '../simulate/simulate.ts';
import type { SimulatedImage } from '../simulate/types.ts';
import { lookupBaseImage } from '../simulate/catalog/base-images.ts';
import { resolveStages } from '../stages/index.ts';
import { gradeContext } from './context.ts';
import type { Evaluation, GradeFacts } from './facts.ts';
import { evaluate } from './objectives/index.ts';
import type { Exercise, ExerciseFiles, GradeOptions, GradeResult, ObjectiveResult } from './types.ts';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** An image with nothing in it, for when the simulator fails: the result keeps its shape. */
function emptyImage(): SimulatedImage {
  return { stages: [], target: 0, layers: [], totals: { sizeBytes: 0, compressedBytes: 0, wastedBytes: 0, efficiency: 1 }, notes: [] };
}

function withNotes(image: SimulatedImage, notes: string[]): SimulatedImage {
  if (notes.length === 0) return image;
  return { ...image, notes: [...image.notes, ...notes.map((message) => ({ kind: 'info' as const, message }))] };
}

const NO_RUNTIME: RuntimeCheck = { command: [], form: null, user: 'root', workdir: '/', ok: false, problems: [] };

export function gradeExercise(exercise: Exercise, files: ExerciseFiles, options: GradeOptions = {}): GradeResult {
  const dockerfile = files.dockerfile;
  // A .dockerignore the learner may not edit is the starter's, whatever the page sends.
  const dockerignore = exercise.dockerignoreEditable ? files.dockerignore : exercise.starter.dockerignore;
  const context = gradeContext(exercise.project, dockerfile, dockerignore);

  // Engine failures (bugs) are kept as notes on the image, never thrown at the editor.
  const engineNotes: string[] = [];
  let parsed: ParseResult;
  let findings: Finding[] = [];
  let resolved;
  try {
    const lint = lintDockerfile(dockerfile, { rules: options.rules ?? allRules, context: context.lint, resolve: { baseImageEnv: (image) => lookupBaseImage(image)?.env } });
    ({ parsed, resolved } = lint);
    findings = lint.findings;
  } catch (err) {
    // A crash of the rule runner itself (rules' own crashes are already contained).
    parsed = parseDockerfile(dockerfile);
    resolved = resolveStages(parsed);
    findings = [];
    engineNotes.push(`the linter failed: ${message(err)}`);
  }

  const input = { context: context.files, nodeProjects: exercise.project.nodeProjects };
  let image: SimulatedImage | null = null;
  let simulateError = '';
  try {
    image = simulateImage(dockerfile, { ...input, parsed });
  } catch (err) {
    simulateError = message(err);
    engineNotes.push(`the simulator failed: ${simulateError}`);
  }
  const runtime = image ? runtimeCheck(image) : NO_RUNTIME;

  const reports = new Map<string, CacheReport | null>();
  const cacheAfterEdit = (path: string): CacheReport | null => {
    if (!image) return null;
    if (!reports.has(path)) reports.set(path, cacheReport(image, { kind: 'file', path }, input));
    return reports.get(path)!;
  };
  const cache = image
    ? exercise.scenarios.map((scenario) => ({
        scenario,
        report: scenario.scenario.kind === 'file' ? cacheAfterEdit(scenario.scenario.path)! : cacheReport(image!, scenario.scenario, input),
      }))
    : [];

  const errors: GradeResult['errors'] = [
    ...parsed.errors.map((e) => ({ line: e.range.start.line, column: e.range.start.column, message: e.message })),
    ...context.errors.map((e) => ({ line: e.line ?? 1, column: e.column ?? 1, message: e.message, file: '.dockerignore' as const })),
  ];
  // docker build refuses a Dockerfile or .dockerignore with errors: nothing is built, so no
  // objective can pass; each says where the first error is.
  const blocker = errors[0];
  const facts: GradeFacts = { parsed, resolved, findings, image, runtime, context: context.files, cacheAfterEdit };
  const objectives: ObjectiveResult[] = exercise.objectives.map((objective) => {
    let result: Evaluation;
    if (blocker) {
      const where = blocker.file === '.dockerignore' ? `.dockerignore line ${blocker.line}` : `line ${blocker.line}`;
      result = { passed: false, message: `docker build would fail (${where}: ${blocker.message}), so nothing can be checked`, line: blocker.file ? null : blocker.line };
    } else if (!image && objective.check.kind !== 'rule' && objective.check.kind !== 'stages') {
      result = { passed: false, message: `The simulator failed (${simulateError}); this is a bug in Layerwise`, line: null };
    } else {
      try {
        result = evaluate(objective.check, facts);
      } catch (err) {
        result = { passed: false, message: `Could not check this objective (${message(err)}); this is a bug in Layerwise`, line: null };
      }
    }
    return { id: objective.id, title: objective.title, feedback: objective.feedback, ...result };
  });

  const passed = objectives.filter((o) => o.passed).length;
  return {
    passed: passed === objectives.length,
    score: objectives.length === 0 ? 1 : passed / objectives.length,
    objectives,
    findings,
    errors,
    image: withNotes(image ?? emptyImage(), engineNotes),
    cache,
    runtime,
    context: context.summary,
  };
}
