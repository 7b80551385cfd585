/**
 * A run plan: what a runtime (a WebContainer in the browser, child processes under Node) must do
 * to build the Node stages of a Dockerfile for real and start the final stage's command.
 *
 * The plan is data: paths are container paths (absolute, `/`-separated), every action keeps the
 * Dockerfile line it comes from, and anything the runtime cannot do is listed with the reason,
 * never dropped silently.
 */

/** A context file the planner is given: path relative to the context root, and its text when known. */
export interface PlanContextFile {
  path: string;
  text?: string;
  bytes?: number;
}

export interface PlanOptions {
  /** Every file of the build context (before .dockerignore). */
  context: readonly PlanContextFile[];
  /** The text of the ignore file that applies (`.dockerignore`); taken from `context` when absent. */
  dockerignore?: string | null;
  /** Stage name or index to build (`--target`); the last stage by default. */
  target?: string;
  /** `--build-arg` values. */
  buildArgs?: Readonly<Record<string, string>>;
  /** The route to probe once the app listens (an exercise's declared route); else the HEALTHCHECK URL, else `/`. */
  route?: string;
  /** The port to wait for when the Dockerfile names none (neither ENV PORT nor EXPOSE). */
  port?: number;
}

/** One file copied from the build context: `source` is relative to the context root, `dest` a container path. */
export interface ContextCopy {
  source: string;
  dest: string;
}

/**
 * Where a single source goes when the destination has no trailing slash: BuildKit copies a file
 * *into* the destination when it already exists as a directory, and *as* the destination otherwise,
 * which only the stage's file system at build time can tell.
 */
export type DestMode = 'dir' | 'file-or-into-dir';

export type PlanAction =
  /** WORKDIR: BuildKit creates the directory. */
  | { kind: 'workdir'; line: number; path: string }
  | {
      kind: 'copy-context';
      line: number;
      text: string;
      files: ContextCopy[];
      /** Set for a lone file source whose destination has no trailing slash. */
      destMode: DestMode;
      /** A literal source that is not in the context (or that .dockerignore excluded): BuildKit fails the build. */
      missing: string[];
    }
  | {
      kind: 'copy-stage';
      line: number;
      text: string;
      fromStage: number;
      /** Container paths in the source stage (wildcards allowed, matched at run time). */
      sources: string[];
      dest: string;
      destMode: DestMode;
      exclude: string[];
      parents: boolean;
    }
  | { kind: 'run'; line: number; text: string; commands: PlannedCommand[] }
  | { kind: 'skip'; line: number; text: string; reason: string };

/** A command inside a RUN, resolved to a working directory and environment. */
export type PlannedCommand =
  | {
      kind: 'exec';
      /** npm, npx, pnpm, node, ... */
      program: string;
      args: string[];
      cwd: string;
      env: Record<string, string>;
      text: string;
    }
  | { kind: 'file'; op: FileOp; args: string[]; cwd: string; text: string; redirect?: { append: boolean; target: string; content: string } }
  | { kind: 'skip'; text: string; reason: string }
  /** A program the stage's image does not have: the real build stops here (`sh: npm: not found`, status 127). */
  | { kind: 'not-found'; text: string; program: string; reason: string };

/** Simple file commands the runtime carries out itself (portable: no shell needed). */
export type FileOp = 'mkdir' | 'rm' | 'cp' | 'mv' | 'touch' | 'write' | 'noop';

export type PlannedBase =
  | { kind: 'image'; ref: string; known: boolean; tools: string[] | null }
  | { kind: 'stage'; index: number }
  | { kind: 'scratch' };

export interface PlannedStage {
  index: number;
  name: string | null;
  line: number;
  base: PlannedBase;
  actions: PlanAction[];
  /** At the end of the stage. */
  workdir: string;
  env: Record<string, string>;
  user: string;
  /** Programs on PATH (the base image's, plus pnpm/yarn after `corepack enable`). */
  tools: string[];
}

export interface FinalCommand {
  /** ENTRYPOINT then CMD as the container runs them; `/bin/sh -c` made explicit for the shell form. */
  argv: string[];
  form: 'exec' | 'shell';
  /** The command the runtime starts (the shell form's single simple command, `exec` removed), or null. */
  run: { program: string; args: string[]; cwd: string } | null;
  /** Why `run` is null. */
  unsupported: string | null;
  line: number | null;
  cwd: string;
  env: Record<string, string>;
  user: string;
}

export interface PlannedProbe {
  port: number | null;
  portSource: 'env' | 'expose' | 'option' | null;
  path: string;
  pathSource: 'option' | 'healthcheck' | 'default';
  /** The HEALTHCHECK's URL as written, when it has one. */
  healthcheckUrl: string | null;
}

export interface PlanError {
  message: string;
  line: number | null;
  column: number | null;
}

export interface RunPlan {
  /** The stages the target depends on (through FROM and COPY --from), dependencies first. */
  stages: PlannedStage[];
  /** Index of the stage that becomes the image. */
  target: number;
  command: FinalCommand | null;
  probe: PlannedProbe;
  /** Parse, resolve and context errors: the real build would stop there. */
  errors: PlanError[];
  /** The context files .dockerignore kept out. */
  ignored: string[];
}
