import type { Mount } from '../../parse/types.ts';
import { buildChain } from '../chain.ts';
import type { ObjectiveCheck } from '../types.ts';
import { installSteps } from '../install-steps.ts';
import { quote, type Evaluation, type GradeFacts } from '../facts.ts';

type Check = Extract<ObjectiveCheck, { kind: 'secret-mount' }>;

/**
 * A secret mount's id as BuildKit resolves it: `id`, else the base name of `target`
 * (`--mount=type=secret,target=/root/.npmrc` is the secret `.npmrc`). Null when neither is set,
 * which BuildKit refuses.
 */
export function secretId(mount: Mount): string | null {
  if (mount.id !== null && mount.id !== '') return mount.id;
  if (mount.target === null || mount.target === '') return null;
  const parts = mount.target.split('/').filter((p) => p !== '');
  return parts.at(-1) ?? null;
}

/**
 * Every dependency install the image needs (npm ci, pnpm install, pip install -r, ...) gets its
 * credentials from a build secret (`RUN --mount=type=secret`), which no layer, no image config
 * and no `docker history` keeps. With `id`, the secret must be that one.
 */
export function secretMount(check: Check, facts: GradeFacts): Evaluation {
  const image = facts.image;
  if (!image) return { passed: false, message: 'The image could not be simulated, so its build steps are unknown', line: null };
  const installs = installSteps(facts.resolved, buildChain(facts.resolved, image.target));
  if (installs.length === 0) {
    return { passed: false, message: 'No dependency install step (npm ci, npm install, pnpm install, yarn install, pip install -r, ...) in the stages the image is built from', line: null };
  }
  const wanted = check.id !== undefined ? `the secret \`${check.id}\`` : 'a build secret';
  for (const install of installs) {
    const ids = install.run.mounts.filter((m) => m.type === 'secret').map(secretId);
    if (check.id !== undefined ? ids.includes(check.id) : ids.length > 0) continue;
    const has = ids.length > 0 ? `it mounts ${ids.map((id) => `\`${id ?? '(no id)'}\``).join(', ')}` : 'it has no --mount=type=secret';
    return { passed: false, message: `${quote(install.command)} (line ${install.line}) does not mount ${wanted}: ${has}`, line: install.line };
  }
  const names = installs.map((i) => `${quote(i.command)} (line ${i.line})`).join(' and ');
  return { passed: true, message: `${names} ${installs.length > 1 ? 'mount' : 'mounts'} ${wanted}`, line: null };
}
