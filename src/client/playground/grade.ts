/**
 * The playground's grading and its views, DOM-free: the page renders the example with them at
 * build time, and the browser app with every edit, so the first paint and the live view agree.
 * It grades through the same path as exercises (an exercise with no objectives).
 */
import { gradeExercise } from '../../engine/grade/index.ts';
import type { CacheScenario, Exercise, GradeResult, VirtualProject } from '../../engine/grade/types.ts';
import { cacheHtml, errorsHtml, findingsHtml, imageHtml, runtimeHtml } from '../exercise/render.ts';

/** A sample project the playground can use as the build context (/playground/projects/<id>.json). */
export interface SampleProject {
  id: string;
  project: VirtualProject;
  scenarios: CacheScenario[];
  dockerignore: string | null;
}

/** No build context: the Dockerfile alone. */
export const NO_PROJECT: SampleProject = { id: '', project: { files: [], nodeProjects: [] }, scenarios: [], dockerignore: null };

/** The playground's Dockerfile and context as an exercise without objectives. */
export function playgroundExercise(dockerfile: string, sample: SampleProject): Exercise {
  return {
    id: 'playground',
    title: 'Playground',
    summary: '',
    lesson: '',
    starter: { dockerfile, ...(sample.dockerignore !== null ? { dockerignore: sample.dockerignore } : {}) },
    dockerignoreEditable: false,
    project: sample.project,
    scenarios: sample.scenarios,
    objectives: [],
    solutions: [],
  };
}

export function gradePlayground(exercise: Exercise): GradeResult {
  return gradeExercise(exercise, exercise.starter);
}

/** The HTML of each results element of the page, by element id. */
export function playgroundViews(result: GradeResult) {
  return {
    findings: findingsHtml(result.findings),
    'findings-count': String(result.findings.length),
    errors: errorsHtml(result),
    'results-image': imageHtml(result, { starterBytes: result.image.totals.sizeBytes, targetBytes: null }),
    'results-runtime': runtimeHtml(result),
    'results-cache': result.cache.length ? `<h3>Rebuild after an edit</h3>${cacheHtml(result)}` : '',
  };
}
