import { argsWithoutFlags, hasFlag, programName } from '../../script/query.ts';
import {
  APT_INSTALL_OVERHEAD_BYTES,
  APT_LISTS_BYTES,
  APT_LISTS_FILES,
  DEBIAN_PACKAGES,
} from '../catalog/debian-packages.ts';
import { isUnder } from '../fs.ts';
import type { CommandHandler, RunState } from './types.ts';

export const APT_LISTS = '/var/lib/apt/lists';
/** Where the simulator keeps installed packages: one modelled tree per package set. */
const PACKAGE_ROOT = '/usr/lib/.layerwise-apt';

/** Share of Installed-Size that lands in a slim image (dpkg path-exclude drops docs, man pages, locales): curl measured 0.956. */
const SLIM_RATIO = 0.956;
/** Size assumed for a package with no record: about the median of the recorded closures. */
const UNKNOWN_PACKAGE_BYTES = 5_000_000;

function listsPresent(state: RunState): boolean {
  return state.fs.exists(APT_LISTS);
}

function install(state: RunState, names: string[], recommends: boolean): void {
  if (!listsPresent(state) && state.base?.family === 'debian') {
    state.note('info', 'apt-get install without apt-get update first: the image ships no package lists, so the install fails in a real build');
  }
  let bytes = 0;
  let files = 0;
  const added: string[] = [];
  for (const raw of names) {
    const name = raw.split('=')[0]!.replace(/:(amd64|arm64|all)$/, '');
    const known = DEBIAN_PACKAGES.find((p) => p.name === name);
    if (state.base?.tools.includes(name) && state.base.family === 'debian' && !state.debs.has(name)) {
      // Already in the base image (e.g. curl in the full node images): nothing new.
      state.debs.add(name);
      continue;
    }
    if (!known) {
      if (state.debs.has(name)) continue;
      state.debs.add(name);
      bytes += UNKNOWN_PACKAGE_BYTES;
      files += 100;
      added.push(name);
      state.note('unknown-package', `apt package ${name}: size not recorded, estimated at ${(UNKNOWN_PACKAGE_BYTES / 1e6).toFixed(0)} MB`);
      continue;
    }
    if (known.alreadyInSlim) continue;
    const closure = recommends ? known.withRecommends : known.noRecommends;
    const fresh = closure.packages.filter((p) => !state.debs.has(p));
    if (fresh.length === 0) continue;
    // Only the packages not yet installed add bytes; spread the closure's size evenly over them.
    const share = fresh.length / closure.packages.length;
    const measured = !recommends && known.measuredLayerBytes !== null && share === 1;
    bytes += measured ? known.measuredLayerBytes! - APT_INSTALL_OVERHEAD_BYTES : closure.installedKiB * 1024 * SLIM_RATIO * share;
    files += Math.round(20 * fresh.length);
    for (const p of fresh) state.debs.add(p);
    added.push(name);
    for (const tool of [name, ...fresh]) state.stage.tools.add(tool === 'nodejs' ? 'node' : tool);
    if (name === 'build-essential') for (const t of ['gcc', 'g++', 'make']) state.stage.tools.add(t);
  }
  if (added.length === 0) return;
  const path = `${PACKAGE_ROOT}/${added.join('+')}`;
  state.layer.add({ path, bytes: Math.round(bytes + APT_INSTALL_OVERHEAD_BYTES), files: files + 30, tags: ['apt-package'], tree: true });
}

/** apt-get / apt: update, install, remove, purge, autoremove, clean. */
export const apt: CommandHandler = (command, state) => {
  const program = programName(command);
  if (program !== 'apt-get' && program !== 'apt') return false;
  const [verb, ...rest] = argsWithoutFlags(command, ['o', 'c', 't']).map((w) => w.value);
  switch (verb) {
    case 'update':
      if (state.cacheMounts.some((m) => isUnder(APT_LISTS, m))) return true;
      state.layer.add({ path: APT_LISTS, bytes: APT_LISTS_BYTES, files: APT_LISTS_FILES, tags: ['apt-lists'], tree: true });
      return true;
    case 'install': {
      const noRecommends =
        hasFlag(command, 'no-install-recommends') ||
        command.args.some((a) => /APT::Install-Recommends=(false|0|no)/i.test(a.value));
      install(state, rest.filter((p) => !p.startsWith('-')), !noRecommends);
      return true;
    }
    case 'remove':
    case 'purge':
    case 'autoremove':
      for (const f of state.fs.withTag('apt-package')) {
        if (rest.some((p) => f.path.endsWith(`/${p}`) || f.path.includes(`/${p}+`) || f.path.includes(`+${p}`))) state.layer.remove(f.path);
      }
      return true;
    case 'clean':
    case 'autoclean':
      // Official Debian and Ubuntu images delete downloaded .deb files after every install
      // (docker-clean), so /var/cache/apt is already empty: clean frees nothing.
      return true;
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      state.note('estimate', `apt-get ${verb}: the upgraded packages depend on the day of the build; size not modelled`);
      return true;
    default:
      return true;
  }
};
