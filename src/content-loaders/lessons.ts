/**
 * Plain-Node readers for the course's structure: content/parts.yaml and the frontmatter of
 * content/lessons/*.mdx. The site reads the same files through its content collections; the tests
 * use these so they need no Astro build. Errors name the file (and line:column for YAML).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { lessonSchema, partsFileSchema, type LessonData, type PartData } from './lesson-schema.ts';
import { locateYamlPath } from './yaml-locate.ts';

export class CourseLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CourseLoadError';
  }
}

function at(label: string, text: string, path: readonly (string | number)[], message: string, lineOffset = 0): CourseLoadError {
  const where = locateYamlPath(text, path);
  return new CourseLoadError(`${label}${where ? `:${where.line + lineOffset}:${where.column}` : ''}: ${message}`);
}

function loadYaml(text: string, label: string, lineOffset = 0): unknown {
  try {
    return yaml.load(text, { filename: label });
  } catch (err) {
    if (err instanceof yaml.YAMLException && err.mark) {
      throw new CourseLoadError(`${label}:${err.mark.line + 1 + lineOffset}:${err.mark.column + 1}: ${err.reason}`);
    }
    throw new CourseLoadError(`${label}: ${(err as Error).message}`);
  }
}

/** Reads and validates content/parts.yaml (the parts, in course order). */
export function parseParts(text: string, label = 'content/parts.yaml'): PartData[] {
  const parsed = partsFileSchema.safeParse(loadYaml(text, label));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw at(label, text, issue.path as (string | number)[], `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const [i, part] of parsed.data.entries()) {
    if (seen.has(part.id)) throw at(label, text, [i, 'id'], `duplicate part id "${part.id}"`);
    seen.add(part.id);
  }
  return parsed.data;
}

export function readParts(file: string, label = file): PartData[] {
  return parseParts(readFileSync(file, 'utf8'), label);
}

export interface LessonFrontmatter extends LessonData {
  id: string;
  /** Where it was read from, for error messages. */
  file: string;
}

/** The YAML between the opening and closing `---` of an MDX file. */
export function splitFrontmatter(source: string, label: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new CourseLoadError(`${label}:1:1: a lesson starts with YAML frontmatter between --- lines`);
  return match[1]!;
}

export function parseLessonFrontmatter(source: string, id: string, label: string): LessonFrontmatter {
  const text = splitFrontmatter(source, label);
  // The frontmatter starts on line 2 of the file.
  const parsed = lessonSchema.safeParse(loadYaml(text, label, 1));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw at(label, text, issue.path as (string | number)[], `${issue.path.join('.') || '(top level)'}: ${issue.message}`, 1);
  }
  return { id, file: label, ...parsed.data };
}

/** Every lesson under `dir` (content/lessons), by file name; the id is the file name without .mdx. */
export function readLessons(dir: string, label = dir): LessonFrontmatter[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => parseLessonFrontmatter(readFileSync(join(dir, name), 'utf8'), name.slice(0, -4), `${label}/${name}`));
}
