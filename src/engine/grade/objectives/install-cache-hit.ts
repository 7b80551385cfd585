import { buildChain } from '../chain.ts';
import type { ObjectiveCheck } from '../types.ts';
import { installSteps } from '../install-steps.ts';
import { quote, type Evaluation, type GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'install-cache-hit' }>;

/**
 * After editing `path`, every dependency-install step the final image needs is still cached.
 * A failure points at the step that first misses (usually a `COPY . .` before the install).
 */
export function installCacheHit(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  const report = facts.cacheAfterEdit(check.path);
  if (!image || !report) return { passed: false, message: 'The image could not be simulated, so the build cache is unknown', line: null };
  const installs = installSteps(facts.resolved, buildChain(facts.resolved, image.target));
  if (installs.length === 0) {
    return { passed: false, message: 'No dependency install step (npm ci, npm install, pnpm install, yarn install, pip install -r, ...) in the stages the image is built from', line: null };
  }
  const stepAt = (stage: number, line: number) => report.steps.find((s) => s.stage === stage && s.line === line);
  const reran = report.steps.filter((s) => !s.hit).length;
  const timing = `${reran} step${reran === 1 ? '' : 's'} rerun, ${report.rebuildSeconds} s of a ${report.coldSeconds} s build`;
  for (const install of installs) {
    const step = stepAt(install.stage, install.line);
    if (!step || step.hit) continue;
    // The step that broke the cache first in this stage: the one whose own inputs changed.
    const cause = report.steps.find((s) => s.stage === install.stage && !s.hit && !s.reason.startsWith('an earlier step missed'));
    const why = cause && cause.line !== install.line ? `: ${quote(cause.instruction)} (line ${cause.line}) ${cause.reason}, and every step after it reruns` : `: ${step.reason}`;
    return { passed: false, message: `Editing ${check.path} reruns ${quote(install.command)} (line ${install.line})${why} (${timing})`, line: cause?.line ?? install.line };
  }
  const names = installs.map((i) => `${quote(i.command)} (line ${i.line})`).join(' and ');
  return { passed: true, message: `Editing ${check.path} keeps ${names} cached (${timing})`, line: null };
}
