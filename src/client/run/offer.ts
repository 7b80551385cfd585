/**
 * The "Run it for real" link on exercise and playground pages (and inside the embed): it opens
 * the run page in a new tab with the learner's current Dockerfile in its fragment. A link, not
 * an in-page run: a WebContainer needs a cross-origin isolated page, and these pages must not be
 * isolated (the embed would stop working in host pages). Nothing of the runtime loads here.
 */
import type { ExerciseFiles } from '../../engine/grade/types.ts';
import { runPageUrl, type RunRequest } from './request.ts';

/** Returns a function that points `link` at the run page for the given files; the last call wins. */
export function runLinkUpdater(link: HTMLAnchorElement, from: RunRequest['from']): (id: string, files: ExerciseFiles) => void {
  let generation = 0;
  return (id, files) => {
    const mine = ++generation;
    const request: RunRequest = { dockerfile: files.dockerfile, from, ...(files.dockerignore !== undefined ? { dockerignore: files.dockerignore } : {}) };
    void runPageUrl(id, request).then((url) => {
      if (mine === generation) link.href = url;
    });
  };
}
