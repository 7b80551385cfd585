/// <reference types="astro/client" />
/**
 * Content collections. `exercises`: one entry per directory of content/exercises/, read by the
 * plain-Node reader in src/content-loaders/exercises.ts (the tests use the same reader) and
 * validated against the zod schema that mirrors the engine's Exercise type.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { exerciseSchema } from './content-loaders/exercise-schema.ts';
import { readExercises } from './content-loaders/exercises.ts';

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

export const collections = {
  exercises: defineCollection({ loader: exercisesLoader(), schema: exerciseSchema }),
  glossary: defineCollection({ loader: file('content/glossary.yaml'), schema: glossarySchema }),
};
