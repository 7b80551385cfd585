/**
 * Reads `content/exercises/<id>/` into an `Exercise`: exercise.yaml, the starter Dockerfile and
 * .dockerignore, the reference solutions, the project tree (sizes read from the real files) and
 * project.json (measured node_modules figures and declared sizes). Plain Node, no Astro, so the
 * tests load every exercise exactly as the site's content collection does (src/content.config.ts).
 *
 * A malformed exercise is refused with an ExerciseLoadError naming the file, and the line and
 * column for YAML syntax errors.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { findRule } from '../engine/rules/registry.ts';
import type { Exercise, ExerciseFiles, ProjectFile } from '../engine/grade/types.ts';
import type { NodeProjectData } from '../engine/simulate/input.ts';
import { exerciseYamlSchema, type ExerciseYaml } from './exercise-schema.ts';
import { locateYamlPath } from './yaml-locate.ts';

export class ExerciseLoadError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  constructor(file: string, message: string, line: number | null = null, column: number | null = null) {
    super(`${file}${line !== null ? `:${line}${column !== null ? `:${column}` : ''}` : ''}: ${message}`);
    this.name = 'ExerciseLoadError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** Files up to this size are kept with their text (the file tree beside the editor shows them). */
const MAX_TEXT_BYTES = 64 * 1024;
/** Never part of the stored project: a local install or build of it (measured separately). */
const SKIPPED = new Set(['node_modules', 'dist', '.git']);

function readText(path: string, label: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExerciseLoadError(label, `cannot read: ${(err as Error).message}`);
  }
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`).join('; ');
}

/** An error in exercise.yaml at the value `path` leads to (its line when it can be found). */
type YamlError = (path: readonly (string | number)[], message: string) => ExerciseLoadError;

function readYaml(path: string, label: string): { meta: ExerciseYaml; error: YamlError } {
  const text = readText(path, label);
  const error: YamlError = (at, message) => {
    const where = locateYamlPath(text, at);
    return new ExerciseLoadError(label, message, where?.line ?? null, where?.column ?? null);
  };
  let data: unknown;
  try {
    data = yaml.load(text, { filename: label });
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      throw new ExerciseLoadError(label, err.reason, err.mark ? err.mark.line + 1 : null, err.mark ? err.mark.column + 1 : null);
    }
    throw err;
  }
  const parsed = exerciseYamlSchema.safeParse(data);
  if (!parsed.success) throw error((parsed.error.issues[0]?.path ?? []) as (string | number)[], zodMessage(parsed.error));
  return { meta: parsed.data, error };
}

/** Every file under `dir`, with its size, and its text when it is small and not binary. */
function readTree(dir: string): ProjectFile[] {
  const out: ProjectFile[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIPPED.has(entry.name)) continue;
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const bytes = statSync(full).size;
        const file: ProjectFile = { path: relative(dir, full).split('\\').join('/'), bytes };
        if (bytes <= MAX_TEXT_BYTES) {
          const buffer = readFileSync(full);
          if (!buffer.includes(0)) file.text = buffer.toString('utf8');
        }
        out.push(file);
      }
    }
  };
  walk(dir);
  return out;
}

interface ProjectJson {
  declared: { path: string; bytes: number; files?: number; note: string }[];
  measured?: { nodeProjects?: NodeProjectData[]; entries?: { path: string; bytes: number; files?: number }[] };
}

function readProjectJson(path: string, label: string): ProjectJson {
  let data: ProjectJson;
  try {
    data = JSON.parse(readText(path, label)) as ProjectJson;
  } catch (err) {
    if (err instanceof ExerciseLoadError) throw err;
    throw new ExerciseLoadError(label, `invalid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data.declared)) throw new ExerciseLoadError(label, '"declared" must be a list (empty when nothing is declared)');
  for (const [i, d] of data.declared.entries()) {
    if (typeof d.path !== 'string' || typeof d.bytes !== 'number' || typeof d.note !== 'string' || d.note === '') {
      throw new ExerciseLoadError(label, `declared.${i}: needs "path", "bytes" and a "note" saying where the size comes from`);
    }
  }
  if (!data.measured?.nodeProjects) throw new ExerciseLoadError(label, 'no "measured" figures: run `node scripts/measure-project.mjs <id>`');
  return data;
}

/** Checks that only make sense with the whole exercise at hand. */
function checkConsistency(exercise: Exercise, error: YamlError): void {
  const ids = new Set<string>();
  for (const [i, o] of exercise.objectives.entries()) {
    const where = `objectives.${i} (${o.id})`;
    if (ids.has(o.id)) throw error(['objectives', i, 'id'], `${where}: duplicate objective id`);
    ids.add(o.id);
    if (o.check.kind === 'rule' && !findRule(o.check.rule)) throw error(['objectives', i, 'check', 'rule'], `${where}: unknown rule "${o.check.rule}"`);
    if (o.check.kind === 'install-cache-hit') {
      const path = o.check.path;
      if (!exercise.project.files.some((f) => f.path === path)) throw error(['objectives', i, 'check', 'path'], `${where}: ${path} is not in project/`);
    }
  }
  if (!exercise.objectives.some((o) => o.feedback === 'essential')) throw error(['objectives'], 'objectives: at least one must be essential');
  for (const [i, s] of exercise.scenarios.entries()) {
    const scenario = s.scenario;
    if (scenario.kind === 'file' && !exercise.project.files.some((f) => f.path === scenario.path)) {
      throw error(['scenarios', i, 'scenario', 'path'], `scenarios.${i} (${s.id}): ${scenario.path} is not in project/`);
    }
  }
}

/** Reads one exercise directory. `label` prefixes file names in errors (e.g. "content/exercises"). */
export function readExercise(dir: string, label = dir): Exercise {
  const id = dir.split(/[/\\]/).filter(Boolean).at(-1)!;
  const at = (name: string) => `${label}/${name}`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ExerciseLoadError(label, 'the directory name is the exercise id: lower-case letters, digits and dashes');
  const { meta, error } = readYaml(join(dir, 'exercise.yaml'), at('exercise.yaml'));
  const starter: ExerciseFiles = { dockerfile: readText(join(dir, 'Dockerfile'), at('Dockerfile')) };
  if (existsSync(join(dir, '.dockerignore'))) starter.dockerignore = readText(join(dir, '.dockerignore'), at('.dockerignore'));
  if (meta.dockerignoreEditable && starter.dockerignore === undefined) {
    throw error(['dockerignoreEditable'], 'dockerignoreEditable: true needs a starter .dockerignore (it may hold only a comment)');
  }
  const solutions = meta.solutions.map((s) => {
    const files: Exercise['solutions'][number] = { name: s.name, dockerfile: readText(join(dir, 'solutions', `${s.name}.Dockerfile`), at(`solutions/${s.name}.Dockerfile`)) };
    if (s.title !== undefined) files.title = s.title;
    const ignore = join(dir, 'solutions', `${s.name}.dockerignore`);
    if (existsSync(ignore)) files.dockerignore = readText(ignore, at(`solutions/${s.name}.dockerignore`));
    else if (starter.dockerignore !== undefined) files.dockerignore = starter.dockerignore;
    return files;
  });
  if (!existsSync(join(dir, 'project'))) throw new ExerciseLoadError(at('project/'), 'missing: the exercise needs its project tree');
  const json = readProjectJson(join(dir, 'project.json'), at('project.json'));
  const files: ProjectFile[] = [
    ...readTree(join(dir, 'project')),
    ...(json.measured?.entries ?? []).map((e) => ({ path: e.path, bytes: e.bytes, ...(e.files !== undefined ? { files: e.files } : {}) })),
    ...json.declared.map((d) => ({ path: d.path, bytes: d.bytes, ...(d.files !== undefined ? { files: d.files } : {}), declared: d.note })),
  ];
  const exercise: Exercise = {
    id,
    title: meta.title,
    summary: meta.summary,
    lesson: meta.lesson,
    starter,
    dockerignoreEditable: meta.dockerignoreEditable,
    project: { files, nodeProjects: json.measured!.nodeProjects! },
    scenarios: meta.scenarios,
    objectives: meta.objectives,
    solutions,
    ...(meta.run ? { run: meta.run } : {}),
  };
  checkConsistency(exercise, error);
  return exercise;
}

/** Every exercise under `root` (one directory each), sorted by id. */
export function readExercises(root: string, label = root): Exercise[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => readExercise(join(root, name), `${label}/${name}`));
}
