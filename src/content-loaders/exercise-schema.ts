/**
 * zod schemas of the exercise format: `exercise.yaml` as authors write it, and the assembled
 * `Exercise` (src/engine/grade/types.ts) the site's content collection stores. The engine's types
 * are the reference; `satisfies` checks below keep the two from drifting apart.
 */
import { z } from 'astro/zod';
import type { Exercise, ExerciseFiles, ObjectiveCheck } from '../engine/grade/types.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const contextPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a path relative to the project root, without ".."');
const imagePath = z.string().startsWith('/', 'an absolute path in the image, e.g. /app/.env');

export const objectiveCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('max-size'), megabytes: z.number().positive() }),
  z.strictObject({ kind: z.literal('rule'), rule: z.string().min(1), present: z.boolean() }),
  z
    .strictObject({ kind: z.literal('stages'), min: z.number().int().positive().optional(), max: z.number().int().positive().optional() })
    .refine((c) => c.min !== undefined || c.max !== undefined, 'give min, max or both'),
  z.strictObject({ kind: z.literal('non-root') }),
  z.strictObject({ kind: z.literal('install-cache-hit'), path: contextPath }),
  z.strictObject({ kind: z.literal('runtime-ok') }),
  z.strictObject({ kind: z.literal('file'), path: imagePath, present: z.boolean() }),
  z.strictObject({ kind: z.literal('max-wasted'), megabytes: z.number().nonnegative() }),
  z.strictObject({ kind: z.literal('min-efficiency'), ratio: z.number().gt(0, 'a ratio above 0, e.g. 0.95').max(1, 'a ratio of at most 1, e.g. 0.95') }),
  z.strictObject({ kind: z.literal('secret-mount'), id: z.string().min(1).optional() }),
]);

export const feedbackSchema = z.enum(['essential', 'actionable', 'informative', 'celebratory']);

export const objectiveSchema = z.strictObject({
  id,
  title: z.string().min(1),
  feedback: feedbackSchema,
  check: objectiveCheckSchema,
  hints: z.array(z.string().min(1)).min(2, 'give 2 to 4 hints: a nudge first, nearly the answer last').max(4, 'give 2 to 4 hints'),
});

export const editScenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path: contextPath }),
  z.strictObject({ kind: z.literal('build-arg'), name: z.string().min(1) }),
  z.strictObject({ kind: z.literal('base-image'), image: z.string().optional() }),
]);

export const scenarioSchema = z.strictObject({ id, title: z.string().min(1), scenario: editScenarioSchema });

/**
 * How a real run of the exercise's app is checked ("Run it for real"): the route the app answers
 * once it listens, and the port it listens on when the Dockerfile declares none (neither ENV PORT
 * nor EXPOSE), as the app's own code defaults to.
 */
export const runSchema = z.strictObject({
  route: z.string().startsWith('/', 'a path on the app, e.g. /health'),
  port: z.number().int().min(1).max(65535),
});

/** exercise.yaml. */
export const exerciseYamlSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  lesson: id,
  dockerignoreEditable: z.boolean().default(false),
  scenarios: z.array(scenarioSchema).default([]),
  objectives: z.array(objectiveSchema).min(1),
  solutions: z.array(z.strictObject({ name: id, title: z.string().min(1).optional() })).min(1, 'list at least one solution'),
  run: runSchema.optional(),
});
export type ExerciseYaml = z.infer<typeof exerciseYamlSchema>;

const filesSchema = z.object({ dockerfile: z.string(), dockerignore: z.string().optional() });

const projectFileSchema = z.object({
  path: contextPath,
  bytes: z.number().int().nonnegative(),
  text: z.string().optional(),
  files: z.number().int().nonnegative().optional(),
  declared: z.string().optional(),
});

const nodeProjectSchema = z.object({
  dir: z.string(),
  allBytes: z.number().int().nonnegative(),
  allFiles: z.number().int().nonnegative(),
  prodBytes: z.number().int().nonnegative(),
  prodFiles: z.number().int().nonnegative(),
  cacheBytes: z.number().int().nonnegative().optional(),
  prodCacheBytes: z.number().int().nonnegative().optional(),
  prodNoOptionalBytes: z.number().int().nonnegative().optional(),
  prodNoOptionalFiles: z.number().int().nonnegative().optional(),
  buildOutputBytes: z.number().int().nonnegative().optional(),
  source: z.string().min(1),
});

/** The assembled exercise: what the content collection stores and the grader reads. */
export const exerciseSchema = z.object({
  id,
  title: z.string(),
  summary: z.string(),
  lesson: id,
  starter: filesSchema,
  dockerignoreEditable: z.boolean(),
  project: z.object({ files: z.array(projectFileSchema), nodeProjects: z.array(nodeProjectSchema) }),
  scenarios: z.array(scenarioSchema),
  objectives: z.array(objectiveSchema),
  solutions: z.array(filesSchema.extend({ title: z.string().optional(), name: z.string().optional() })),
  run: runSchema.optional(),
});

// Compile-time: the schemas produce exactly the engine's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [Same<z.infer<typeof objectiveCheckSchema>, ObjectiveCheck>, Same<z.infer<typeof filesSchema>, ExerciseFiles>] = [true, true];
void checks;
export const assembled = (e: z.infer<typeof exerciseSchema>): Exercise => e;
