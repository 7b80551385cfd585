/**
 * The exercise format and the grading result, as plain data. The site's content collection
 * validates exercises against a zod schema that mirrors these types (src/content.config.ts);
 * the engine only ever sees the validated data, so it stays free of Astro and the DOM.
 */
import type { Finding, Rule } from '../rules/types.ts';
import type { CacheReport, EditScenario } from '../simulate/cache.ts';
import type { ContextFile, NodeProjectData } from '../simulate/input.ts';
import type { RuntimeCheck } from '../simulate/runtime.ts';
import type { SimulatedImage } from '../simulate/types.ts';

/** Exercism's comment types: what the learner must fix, could fix, may like to know, did well. */
export type FeedbackType = 'essential' | 'actionable' | 'informative' | 'celebratory';

/** What an objective checks, evaluated by the engine against a learner's Dockerfile. */
export type ObjectiveCheck =
  /** Final image, uncompressed, at most this many MB (10^6 bytes, as `docker images` prints). */
  | { kind: 'max-size'; megabytes: number }
  /** A lint rule (by id or alias) must be absent (`present: false`) or present. */
  | { kind: 'rule'; rule: string; present: boolean }
  /** The number of stages in the Dockerfile. */
  | { kind: 'stages'; min?: number; max?: number }
  /** The final stage's USER is not root (nor 0). */
  | { kind: 'non-root' }
  /** After editing `path` in the context, the dependency install step (npm ci, pnpm install, ...) hits the cache. */
  | { kind: 'install-cache-hit'; path: string }
  /** The runtime check passes: CMD's file, runtime, user and health check tools are present. */
  | { kind: 'runtime-ok' }
  /** A path must (or must not) be in the final image. */
  | { kind: 'file'; path: string; present: boolean }
  /** dive's wasted space (every path stored in more than one layer, all copies) at most this many MB. */
  | { kind: 'max-wasted'; megabytes: number }
  /** dive's image efficiency (smallest copy of each path / all copies, 0..1) at least `ratio`. */
  | { kind: 'min-efficiency'; ratio: number }
  /** Every dependency install the image needs mounts a build secret (`RUN --mount=type=secret`), that one when `id` is given. */
  | { kind: 'secret-mount'; id?: string };

export interface Objective {
  /** Stable within the exercise (progress and embeds refer to it). */
  id: string;
  /** Checklist text, e.g. "Final image under 200 MB". */
  title: string;
  feedback: FeedbackType;
  check: ObjectiveCheck;
  /** Progressive hints: the first a nudge, the last nearly the answer. */
  hints: string[];
}

/** The files a learner edits. */
export interface ExerciseFiles {
  dockerfile: string;
  /** Absent when the exercise has no .dockerignore. */
  dockerignore?: string;
}

/** One entry of an exercise's build context. */
export interface ProjectFile extends ContextFile {
  /**
   * Set for an entry whose size is declared rather than read from a file in the repository (a
   * 40 MB `.git` pack, a `coverage/` report): why it is there and where the figure comes from.
   */
  declared?: string;
}

/** The build context of an exercise: files with sizes, small ones with text, measured Node facts. */
export interface VirtualProject {
  /** Every entry of the learner's working directory except the Dockerfile and .dockerignore. */
  files: ProjectFile[];
  nodeProjects: NodeProjectData[];
}

export interface CacheScenario {
  id: string;
  /** e.g. "Edit src/server.js". */
  title: string;
  scenario: EditScenario;
}

export interface Exercise {
  id: string;
  title: string;
  summary: string;
  /** The lesson the exercise belongs to (its content id). */
  lesson: string;
  starter: ExerciseFiles;
  /** Whether the learner may edit .dockerignore. */
  dockerignoreEditable: boolean;
  project: VirtualProject;
  scenarios: CacheScenario[];
  objectives: Objective[];
  solutions: (ExerciseFiles & { title?: string; /** File name under solutions/, e.g. "slim". */ name?: string })[];
  /** A Node app that can be run for real: the route to probe and the port its code listens on by default. */
  run?: ExerciseRun;
}

export interface ExerciseRun {
  route: string;
  port: number;
}

export interface ObjectiveResult {
  id: string;
  title: string;
  feedback: FeedbackType;
  passed: boolean;
  /** Why it passed or failed, with figures ("142 MB, target 200 MB"). */
  message: string;
  /** Source line the failure points at, when there is one. */
  line: number | null;
}

export interface GradeResult {
  /** Every objective passed. */
  passed: boolean;
  /** Passed objectives / all objectives, 0..1. */
  score: number;
  objectives: ObjectiveResult[];
  findings: Finding[];
  /** Parse errors, with line and column; grading still runs on what parsed. */
  errors: { line: number; column: number; message: string; /** Absent means the Dockerfile. */ file?: 'Dockerfile' | '.dockerignore' }[];
  image: SimulatedImage;
  cache: { scenario: CacheScenario; report: CacheReport }[];
  runtime: RuntimeCheck;
  /** What the build would send after .dockerignore. */
  context: { files: number; bytes: number; excluded: string[] };
}

export interface GradeOptions {
  /** Rules to lint with; every rule by default. */
  rules?: readonly Rule[];
}
