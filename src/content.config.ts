/// <reference types="astro/client" />
/**
 * Content collections. `exercises`: one entry per directory of content/exercises/, read by the
 * plain-Node reader in src/content-loaders/exercises.ts (the tests use the same reader) and
 * validated against the zod schema that mirrors the engine's Exercise type. `lessons`: the MDX
 * files of content/lessons/ (the file name is the id). `parts`: content/parts.yaml, in order.
 * What ties them together (orders, parts, exercises pointing back at their lesson) is checked
 * when the course pages are built (src/course/course.ts), where all three are at hand.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file as fileLoader, glob, type Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { exerciseSchema } from './content-loaders/exercise-schema.ts';
import { readExercises } from './content-loaders/exercises.ts';
import { lessonSchema, partSchema } from './content-loaders/lesson-schema.ts';
import { readParts } from './content-loaders/lessons.ts';

const EXERCISES = 'content/exercises';

function exercisesLoader(): Loader {
  return {
    name: 'layerwise-exercises',
    load: async ({ store, parseData, generateDigest, config, logger, watcher }) => {
      const root = fileURLToPath(new URL(`${EXERCISES}/`, config.root));
      const sync = async () => {
        // A malformed exercise throws an ExerciseLoadError naming the file (and line:column):
        // the build stops with that message rather than shipping a broken exercise.
        const exercises = readExercises(root.replace(/\/$/, ''), EXERCISES);
        store.clear();
        for (const exercise of exercises) {
          const data = await parseData({ id: exercise.id, data: { ...exercise } });
          store.set({ id: exercise.id, data, digest: generateDigest(data), filePath: `${EXERCISES}/${exercise.id}/exercise.yaml` });
        }
        logger.info(`${exercises.length} exercises`);
      };
      await sync();
      if (watcher) {
        watcher.add(root);
        watcher.on('all', (_event, path) => {
          if (path.startsWith(root)) sync().catch((err: unknown) => logger.error(err instanceof Error ? err.message : String(err)));
        });
      }
    },
  };
}

/** The glossary: terms with a markdown definition and the lessons and rules that teach them. */
const glossarySchema = z.object({
  term: z.string().min(1),
  definition: z.string().min(1),
  lessons: z.array(z.string()).default([]),
  rules: z.array(z.string()).default([]),
});

const PARTS = 'content/parts.yaml';

/** content/parts.yaml as one entry per part; `order` keeps the file's order. */
function partsLoader(): Loader {
  return {
    name: 'layerwise-parts',
    load: async ({ store, parseData, generateDigest, config, logger, watcher }) => {
      const file = fileURLToPath(new URL(PARTS, config.root));
      const sync = async () => {
        const parts = readParts(file, PARTS);
        store.clear();
        for (const [order, part] of parts.entries()) {
          const data = await parseData({ id: part.id, data: { ...part, order: order + 1 } });
          store.set({ id: part.id, data, digest: generateDigest(data), filePath: PARTS });
        }
        logger.info(`${parts.length} parts`);
      };
      await sync();
      if (watcher) {
        watcher.add(file);
        watcher.on('change', (path) => {
          if (path === file) sync().catch((err: unknown) => logger.error(err instanceof Error ? err.message : String(err)));
        });
      }
    },
  };
}

export const collections = {
  exercises: defineCollection({ loader: exercisesLoader(), schema: exerciseSchema }),
  lessons: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/lessons' }), schema: lessonSchema }),
  glossary: defineCollection({ loader: fileLoader('content/glossary.yaml'), schema: glossarySchema }),
  parts: defineCollection({ loader: partsLoader(), schema: partSchema.extend({ order: z.number().int().positive() }) }),
};
