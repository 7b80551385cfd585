/**
 * Executes a RunPlan on a runtime: every stage in its own directory, its files and RUN steps in
 * order, `COPY --from` between stages exactly as the plan says, then the final command, the port
 * and the HTTP probe. Shared by the WebContainer and Node runtimes; reports live through events.
 */
import type { PlanAction, PlannedStage, RunPlan } from '../engine/plan/types.ts';
import { classifyExit } from './classify.ts';
import { runFileCommand } from './file-commands.ts';
import type { FailureKind, ProbeRecord, RunEvent, RunOutcome, StepKind, StepRecord } from './outcome.ts';
import { StageFs, stageRoot } from './stage-fs.ts';
import type { Runtime, RuntimeProcess } from './types.ts';

export interface ExecuteOptions {
  /** The build context's contents by path (relative to the context root). */
  files: ReadonlyMap<string, string | Uint8Array>;
  onEvent?: (event: RunEvent) => void;
  /** Deadline of one RUN command (an `npm ci`); 3 minutes by default. */
  stepTimeoutMs?: number;
  /** How long the app may take to listen; 15 s by default. */
  startTimeoutMs?: number;
  probeTimeoutMs?: number;
}

class Failure extends Error {
  readonly kind: FailureKind;
  readonly subject: string | null;
  constructor(kind: FailureKind, message: string, subject: string | null = null) {
    super(message);
    this.kind = kind;
    this.subject = subject;
  }
}

const BODY_EXCERPT = 500;

/** Builds and starts the plan. Boots the runtime first and tears it down at the end, whatever happens. */
export async function executePlan(plan: RunPlan, runtime: Runtime, options: ExecuteOptions): Promise<RunOutcome> {
  const began = Date.now();
  const emit = options.onEvent ?? (() => {});
  const steps: StepRecord[] = [];
  const outcome: RunOutcome = {
    steps,
    started: false,
    exitCode: null,
    port: { declared: plan.probe.port, listened: null },
    probe: null,
    failure: null,
    message: '',
    subject: null,
    durationMs: 0,
  };

  // Every step is listed up front, so a panel can show what is still to come.
  const record = (kind: StepKind, stage: number | null, line: number | null, text: string): StepRecord => {
    const step: StepRecord = { id: steps.length, kind, stage, line, text, status: 'not-run', output: '', durationMs: 0 };
    steps.push(step);
    return step;
  };
  const bootStep = record('boot', null, null, runtime.kind === 'webcontainer' ? 'boot the WebContainer' : 'prepare a temporary directory for the Node runtime');
  const stageSteps = new Map<number, { base: StepRecord; actions: StepRecord[] }>();
  for (const stage of plan.stages) {
    const base = record('stage', stage.index, stage.line, `FROM ${describeBase(stage)}${stage.name ? ` AS ${stage.name}` : ''}`);
    const actions = stage.actions.map((a) => record(actionKind(a), stage.index, a.line, a.kind === 'workdir' ? `WORKDIR ${a.path}` : a.text));
    stageSteps.set(stage.index, { base, actions });
  }
  const startStep = record('start', null, plan.command?.line ?? null, plan.command ? plan.command.argv.join(' ') : 'start the final command');
  const probeStep = record('probe', null, null, `GET ${plan.probe.path}`);

  const translate = (text: string) => {
    if (!runtime.processRoot) return text;
    const root = runtime.processRoot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return text.replace(new RegExp(`${root}/stages/\\d+`, 'g'), '').replace(new RegExp(`${root}/\\.home`, 'g'), '/root');
  };
  const append = (step: StepRecord, chunk: string) => {
    const text = translate(chunk);
    step.output += text;
    emit({ type: 'output', stepId: step.id, chunk: text });
  };
  const run = async <T>(step: StepRecord, body: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    step.status = 'running';
    emit({ type: 'step-start', step });
    try {
      const result = await body();
      step.status = 'ok';
      return result;
    } catch (error) {
      step.status = 'failed';
      step.reason = (error as Error).message;
      throw error;
    } finally {
      step.durationMs = Date.now() - t0;
      emit({ type: 'step-end', step });
    }
  };

  let app: RuntimeProcess | null = null;
  try {
    if (plan.errors.length > 0) {
      const e = plan.errors[0]!;
      throw new Failure('dockerfile-error', `${e.line !== null ? `line ${e.line}: ` : ''}${e.message}`);
    }
    await run(bootStep, async () => {
      try {
        await runtime.boot();
      } catch (error) {
        throw new Failure('boot-failed', (error as Error).message);
      }
    });
    const stageFs = new Map<number, StageFs>();
    for (const stage of plan.stages) {
      const { base, actions } = stageSteps.get(stage.index)!;
      const fs = new StageFs(runtime.fs, stageRoot(stage.index));
      stageFs.set(stage.index, fs);
      await run(base, async () => {
        if (stage.base.kind === 'stage') await runtime.fs.copy(stageRoot(stage.base.index), fs.root);
        else await runtime.fs.mkdir(fs.path('/tmp'));
      });
      for (let i = 0; i < stage.actions.length; i++) {
        const action = stage.actions[i]!;
        const step = actions[i]!;
        if (action.kind === 'skip') {
          step.status = 'skipped';
          step.reason = action.reason;
          emit({ type: 'step-start', step });
          emit({ type: 'step-end', step });
          continue;
        }
        await run(step, () => executeAction(action, fs, stageFs, runtime, options, (chunk) => append(step, chunk), step));
      }
    }

    const command = plan.command;
    const listenOn = await run(startStep, async (): Promise<number> => {
      if (!command) throw new Failure('cannot-start', 'the final stage has no CMD or ENTRYPOINT: the container has nothing to run');
      if (!command.run) throw new Failure('cannot-start', command.unsupported ?? 'the command cannot be started');
      const final = plan.stages.find((s) => s.index === plan.target)!;
      if (!final.tools.includes(command.run.program)) {
        throw new Failure('cannot-start', `exec: "${command.run.program}": executable file not found in $PATH (the final stage's image does not have it)`);
      }
      const fs = stageFs.get(plan.target)!;
      const env = { ...command.env };
      const declared = plan.probe.port;
      // Under Node, processes share the host's network: the runtime hands out a free port and the
      // app is told through PORT (the convention every course app follows), so runs can go side by
      // side. A WebContainer has its own network and gives back the declared port unchanged.
      const listenOn = declared === null ? null : await runtime.allocatePort(declared);
      if (listenOn !== null && (plan.probe.portSource === 'env' || listenOn !== declared)) env.PORT = String(listenOn);
      append(startStep, `$ ${command.argv.join(' ')}\n`);
      await runtime.fs.mkdir(fs.path(command.run.cwd));
      app = await runtime.spawn(command.run.program, command.run.args.map((a) => containerArg(a, fs, runtime)), {
        cwd: fs.path(command.run.cwd),
        env,
        onOutput: (chunk) => append(startStep, chunk),
      });
      const exited = app.exit.then((code) => ({ exited: true as const, code }));
      const timeout = options.startTimeoutMs ?? 15_000;
      if (listenOn === null) {
        const result = await Promise.race([exited, delay(Math.min(timeout, 3000)).then(() => ({ exited: false as const, code: null }))]);
        if (result.exited) throw exitFailure(result.code, startStep.output, outcome);
        throw new Failure('no-port', 'the app is running, but the Dockerfile declares no port (ENV PORT or EXPOSE) and the exercise names none, so there is nothing to probe');
      }
      const listening = runtime.waitForPort(listenOn, timeout).then((ok) => ({ exited: false as const, ok }));
      const first = await Promise.race([exited, listening]);
      if (first.exited) throw exitFailure(first.code, startStep.output, outcome);
      if (!first.ok) throw new Failure('no-port', `the app kept running but nothing listened on port ${declared} within ${Math.round(timeout / 1000)} s`);
      outcome.started = true;
      outcome.port.listened = listenOn;
      return listenOn;
    });
    await run(probeStep, async () => {
      const result = await runtime.probe(listenOn, plan.probe.path, options.probeTimeoutMs ?? 5000);
      const probe: ProbeRecord = result.ok
        ? { url: result.url, status: result.status, body: result.body.slice(0, BODY_EXCERPT) }
        : { url: result.url, status: null, body: result.error };
      outcome.probe = probe;
      append(probeStep, `${probe.status ?? 'no answer'} ${probe.body}\n`);
      if (probe.status === null || probe.status >= 400) {
        throw new Failure('probe-failed', `GET ${plan.probe.path} ${probe.status === null ? `failed: ${probe.body}` : `answered ${probe.status}`}`);
      }
    });
    outcome.message = `built, started and GET ${plan.probe.path} answered ${outcome.probe?.status}`;
  } catch (error) {
    const failure = error instanceof Failure ? error : new Failure('crash', (error as Error).message);
    outcome.failure = failure.kind;
    outcome.message = failure.message;
    outcome.subject = failure.subject;
  } finally {
    const running = app as RuntimeProcess | null;
    if (running) await running.kill();
    await runtime.teardown().catch(() => {});
    outcome.durationMs = Date.now() - began;
    emit({ type: 'done', outcome });
  }
  return outcome;
}

function exitFailure(code: number | null, output: string, outcome: RunOutcome): Failure {
  outcome.exitCode = code;
  const c = classifyExit(code, output);
  return new Failure(c.kind, c.message, c.subject);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function actionKind(action: PlanAction): StepKind {
  if (action.kind === 'workdir') return 'workdir';
  if (action.kind === 'copy-context' || action.kind === 'copy-stage') return 'copy';
  return 'run';
}

function describeBase(stage: PlannedStage): string {
  if (stage.base.kind === 'stage') return `stage ${stage.base.index}`;
  if (stage.base.kind === 'scratch') return 'scratch';
  return stage.base.ref;
}

/** An absolute container path in a command's arguments points into the stage's directory, as processes see it. */
function containerArg(arg: string, fs: StageFs, runtime: Runtime): string {
  return arg.startsWith('/') && !arg.startsWith('//') ? `${runtime.processRoot}${fs.path(arg)}` : arg;
}

async function executeAction(
  action: Exclude<PlanAction, { kind: 'skip' }>,
  fs: StageFs,
  stages: ReadonlyMap<number, StageFs>,
  runtime: Runtime,
  options: ExecuteOptions,
  out: (chunk: string) => void,
  step: StepRecord,
): Promise<void> {
  switch (action.kind) {
    case 'workdir':
      await runtime.fs.mkdir(fs.path(action.path));
      return;
    case 'copy-context': {
      if (action.missing.length > 0) {
        const missing = action.missing[0]!;
        throw new Failure('missing-file', `failed to compute cache key: "/${missing.replace(/^\/+/, '')}": not found (not in the build context, or excluded by .dockerignore)`, missing);
      }
      for (const file of action.files) {
        const data = options.files.get(file.source);
        if (data === undefined) throw new Failure('missing-file', `the content of ${file.source} was not given to the runtime`, file.source);
        const name = file.source.slice(file.source.lastIndexOf('/') + 1);
        const dest = action.destMode === 'dir' ? file.dest : await fs.target(file.dest, name, action.destMode);
        await runtime.fs.writeFile(fs.path(dest), data);
      }
      return;
    }
    case 'copy-stage': {
      const from = stages.get(action.fromStage);
      if (!from) throw new Failure('build-failed', `stage ${action.fromStage} was not built`);
      const missing = await from.copyTo(fs, action.sources, action.dest, action.destMode, action.exclude);
      if (missing.length > 0) {
        throw new Failure('missing-file', `failed to compute cache key: "${missing[0]}": not found (stage ${action.fromStage} has no such path)`, missing[0]!);
      }
      return;
    }
    case 'run': {
      const skipped: string[] = [];
      for (const command of action.commands) {
        if (command.kind === 'skip') {
          skipped.push(`${command.text}: ${command.reason}`);
          out(`# skipped: ${command.text} (${command.reason})\n`);
          continue;
        }
        if (command.kind === 'not-found') {
          out(`/bin/sh: 1: ${command.program}: not found\n`);
          throw new Failure('build-failed', `${action.text} failed: ${command.reason}`);
        }
        if (command.kind === 'file') {
          out(`$ ${command.text}\n`);
          const error = await runFileCommand(command, fs);
          if (error) {
            out(`${error}\n`);
            throw new Failure('build-failed', `${action.text} failed: ${error}`);
          }
          continue;
        }
        out(`$ ${command.text}\n`);
        await runtime.fs.mkdir(fs.path(command.cwd));
        const child = await runtime
          .spawn(command.program, command.args.map((a) => containerArg(a, fs, runtime)), { cwd: fs.path(command.cwd), env: command.env, onOutput: out })
          .catch((error: Error) => {
            throw new Failure('build-failed', `${command.text}: ${error.message}`);
          });
        const timeout = options.stepTimeoutMs ?? 180_000;
        const code = await Promise.race([child.exit, delay(timeout).then(() => 'timeout' as const)]);
        if (code === 'timeout') {
          await child.kill();
          throw new Failure('timeout', `${command.text} ran for more than ${Math.round(timeout / 1000)} s and was stopped`);
        }
        if (code !== 0) {
          const lastError = step.output.trim().split('\n').filter((l) => /err/i.test(l)).slice(-2).join(' ');
          throw new Failure('build-failed', `${action.text} failed with status ${code}${lastError ? `: ${lastError}` : ''}`);
        }
      }
      if (skipped.length > 0) step.reason = `skipped: ${skipped.join('; ')}`;
      return;
    }
  }
}
