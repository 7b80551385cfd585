/**
 * Every lesson's references are real: the exercises its frontmatter lists belong to it, and every
 * <BeforeAfter>, <LayerDiagram>, <SimSize> and <ExerciseCard> names an existing exercise and, where
 * it takes one, an existing solution. Also checks the frontmatter fields of the course contract
 * and that lessons need no imports (the lesson page passes the components). The site's zod schema
 * validates the frontmatter again at build time; this test says which lesson and which tag is wrong
 * without a build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readExercises } from '../../src/content-loaders/exercises.ts';

const root = join(import.meta.dirname, '../..');
const lessonsDir = join(root, 'content/lessons');
const exercises = new Map(readExercises(join(root, 'content/exercises')).map((e) => [e.id, e]));
const lessons = existsSync(lessonsDir) ? readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx')).sort() : [];

function split(text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { front: yaml.load(m[1]!) as Record<string, unknown>, body: m[2]! };
}

/** The body without fenced code blocks and inline code, where tags and braces are only text. */
function prose(body: string): string {
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every self-closing author component with its string attributes. */
function tags(body: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of prose(body).matchAll(new RegExp(`<${name}\\b([^>]*?)/>`, 'g'))) {
    out.push(Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
  }
  return out;
}

describe.skipIf(lessons.length === 0)('every lesson', () => {
  for (const file of lessons) {
    const id = file.replace(/\.mdx$/, '');
    const { front, body } = split(readFileSync(join(lessonsDir, file), 'utf8'));

    describe(id, () => {
      it('has the frontmatter of the course contract', () => {
        expect(typeof front.title).toBe('string');
        expect(typeof front.description).toBe('string');
        expect(typeof front.part).toBe('string');
        expect(Number.isInteger(front.order)).toBe(true);
        expect(Number.isInteger(front.minutes)).toBe(true);
        expect(Array.isArray(front.teaches) && front.teaches.length >= 2 && front.teaches.length <= 4).toBe(true);
        expect(Array.isArray(front.exercises) && front.exercises.length >= 1).toBe(true);
      });

      it("lists exercises that exist and name this lesson as theirs", () => {
        for (const ex of front.exercises as string[]) {
          expect(exercises.has(ex), `content/exercises/${ex}`).toBe(true);
          expect(exercises.get(ex)!.lesson, ex).toBe(id);
        }
      });

      it('refers only to existing exercises and solutions in its components', () => {
        const variants = (ex: string) => ['starter', ...(exercises.get(ex)?.solutions.map((s) => s.name!) ?? [])];
        for (const t of tags(body, 'ExerciseCard')) expect(exercises.has(t.id!), `ExerciseCard ${t.id}`).toBe(true);
        for (const t of tags(body, 'BeforeAfter')) {
          expect(exercises.has(t.exercise!), `BeforeAfter ${t.exercise}`).toBe(true);
          expect(variants(t.exercise!).slice(1), `BeforeAfter ${t.exercise}`).toContain(t.solution);
        }
        for (const name of ['LayerDiagram', 'SimSize']) {
          for (const t of tags(body, name)) {
            expect(exercises.has(t.exercise!), `${name} ${t.exercise}`).toBe(true);
            expect(variants(t.exercise!), `${name} ${t.exercise}`).toContain(t.variant);
          }
        }
        // Every exercise of the lesson is offered where the learner reads it.
        for (const ex of front.exercises as string[]) expect(tags(body, 'ExerciseCard').map((t) => t.id)).toContain(ex);
      });

      it('needs no imports, and its quizzes have exactly one correct option each', () => {
        expect(prose(body)).not.toMatch(/^\s*(import|export)\s/m);
        for (const m of prose(body).matchAll(/<Quiz\b[\s\S]*?options=\{(\[[\s\S]*?\])\}\s*\/>/g)) {
          const options = new Function(`return ${m[1]}`)() as { text: string; correct?: boolean; feedback: string }[];
          expect(options.length).toBeGreaterThanOrEqual(2);
          expect(options.filter((o) => o.correct === true)).toHaveLength(1);
          for (const o of options) expect(o.text.length * o.feedback.length).toBeGreaterThan(0);
        }
      });
    });
  }
});
