import type { ObjectiveCheck } from '../types.ts';
import type { Evaluation, GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'runtime-ok' }>;

/** The runtime check passes: what CMD/ENTRYPOINT starts, and what it needs, is in the image. */
export function runtimeOk(_check: Check, facts: GradeFacts): Evaluation {
  const runtime = facts.runtime;
  const errors = runtime.problems.filter((p) => p.severity === 'error');
  const command = runtime.command.join(' ');
  if (runtime.ok && errors.length === 0) {
    if (command === '') return { passed: false, message: 'No CMD or ENTRYPOINT: the container has nothing to run', line: null };
    return { passed: true, message: `\`${command}\` starts as ${runtime.user} in ${runtime.workdir}: everything it needs is in the image`, line: null };
  }
  const first = errors[0] ?? runtime.problems[0];
  if (!first) return { passed: false, message: `\`${command}\` would not start`, line: null };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return { passed: false, message: `${first.message}${more}`, line: first.line };
}
