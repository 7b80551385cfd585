/**
 * What a real run produced, as data a panel can render (live, through `RunEvent`s, or at the end).
 */

export type FailureKind =
  /** The Dockerfile does not parse or resolve: `docker build` stops before any step. */
  | 'dockerfile-error'
  /** The runtime could not start (WebContainer: not cross-origin isolated, offline, blocked, timeout). */
  | 'boot-failed'
  /** A COPY source that is not in the context or the source stage: BuildKit's "not found". */
  | 'missing-file'
  /** A RUN step exited with an error. */
  | 'build-failed'
  /** The app could not load a package (`Cannot find module 'express'`). */
  | 'cannot-find-module'
  /** `@prisma/client` is installed but the client for the schema was never generated into it. */
  | 'missing-generated-client'
  /** The app exited (or never started) with an error of its own. */
  | 'crash'
  /** The app exited with status 0 before listening. */
  | 'exited'
  /** The app runs but nothing listens on the expected port. */
  | 'no-port'
  /** The app listens but the route does not answer with a success status. */
  | 'probe-failed'
  /** No CMD/ENTRYPOINT, or one the runtime cannot start (a shell script, a binary). */
  | 'cannot-start'
  /** A step ran past its deadline. */
  | 'timeout';

export type StepStatus = 'running' | 'ok' | 'failed' | 'skipped' | 'not-run';

export type StepKind = 'boot' | 'stage' | 'workdir' | 'copy' | 'run' | 'start' | 'probe';

export interface StepRecord {
  id: number;
  kind: StepKind;
  /** Stage index, or null for boot/start/probe. */
  stage: number | null;
  line: number | null;
  /** The instruction (or what the runtime does) in one line. */
  text: string;
  status: StepStatus;
  /** Combined stdout and stderr, container paths in place of the runtime's. */
  output: string;
  durationMs: number;
  /** Why a step was skipped or failed, in one sentence. */
  reason?: string;
}

export interface ProbeRecord {
  url: string;
  /** HTTP status, or null when the request failed. */
  status: number | null;
  /** The first 500 characters of the body, or the error. */
  body: string;
}

export interface RunOutcome {
  steps: StepRecord[];
  /** The final command started and listened on its port. */
  started: boolean;
  /** Exit code of the final command when it exited on its own (null while running or when killed). */
  exitCode: number | null;
  port: { declared: number | null; listened: number | null };
  probe: ProbeRecord | null;
  /** null when everything worked: built, started, listened and answered the probe with 2xx/3xx. */
  failure: FailureKind | null;
  /** One sentence for the learner: what happened, with the file or module concerned. */
  message: string;
  /** The module or path a `cannot-find-module` / `missing-file` failure names. */
  subject: string | null;
  durationMs: number;
}

/** Live progress for a panel: every step's start, its output as it arrives, its end, then the outcome. */
export type RunEvent =
  | { type: 'step-start'; step: StepRecord }
  | { type: 'output'; stepId: number; chunk: string }
  | { type: 'step-end'; step: StepRecord }
  | { type: 'done'; outcome: RunOutcome };
