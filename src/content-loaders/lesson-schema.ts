/**
 * zod schemas of the course's structure: a lesson's MDX frontmatter and content/parts.yaml. The
 * site's `lessons` and `parts` collections (src/content.config.ts) and the plain-Node readers the
 * tests use (./lessons.ts) validate against the same schemas.
 */
import { z } from 'astro/zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

export const lessonSchema = z.strictObject({
  title: z.string().min(1),
  /** One sentence: what the learner will be able to do. Also the page's meta description. */
  description: z.string().min(1),
  /** A part id from content/parts.yaml. */
  part: id,
  /** Position in the whole course, 1..N, unique. */
  order: z.number().int().positive(),
  /** How long the lesson takes, exercise included. */
  minutes: z.number().int().positive(),
  /** 2 to 4 outcomes, shown at the top of the lesson. */
  teaches: z.array(z.string().min(1)).min(2).max(4),
  /** Exercise ids (content/exercises/<id>); each exercise's `lesson` is this lesson. */
  exercises: z.array(id).min(1),
});

export type LessonData = z.infer<typeof lessonSchema>;

export const partSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** One line, shown under the part's title on the course home. */
  description: z.string().min(1),
});

export const partsFileSchema = z.array(partSchema).min(1);

export type PartData = z.infer<typeof partSchema>;
