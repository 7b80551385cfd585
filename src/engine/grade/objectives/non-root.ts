import { baseChain } from '../chain.ts';
import type { ObjectiveCheck } from '../types.ts';
import type { Evaluation, GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'non-root' }>;

/** `root`, `0`, `root:x`, `0:x`: the user part decides. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === '' || name === 'root' || name === '0';
}

/** The final stage's user (its own USER, a base stage's, or the base image's) is not root. */
export function nonRoot(_check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  const final = image?.stages.find((s) => s.index === image.target);
  if (!image || !final) return { passed: false, message: 'The image could not be simulated, so its user is unknown', line: null };
  let userLine: number | null = null;
  for (const stage of baseChain(facts.resolved, image.target)) {
    const users = stage.steps.filter((s) => s.instruction.keyword === 'USER');
    const last = users.at(-1);
    if (last) {
      userLine = last.instruction.range.start.line;
      break;
    }
  }
  const user = final.user;
  if (!isRootUser(user)) {
    const where = userLine !== null ? `USER on line ${userLine}` : `the base image ${final.base?.ref ?? ''}`.trim();
    return { passed: true, message: `The container runs as ${user} (${where})`, line: null };
  }
  const fromLine = facts.resolved.stages[image.target]?.from.range.start.line ?? null;
  const why = userLine !== null ? `USER on line ${userLine} sets ${user}` : 'no USER instruction in the final stage, and the base image runs as root';
  return { passed: false, message: `The container runs as root: ${why}`, line: userLine ?? fromLine };
}
