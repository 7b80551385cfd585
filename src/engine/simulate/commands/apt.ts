import { argsWithoutFlags, hasFlag, programName } from '../../script/query.ts';
import {
  APT_INSTALL_OVERHEAD_BYTES,
  APT_LISTS_BYTES,
  APT_LISTS_FILES,
  DEBIAN_PACKAGES,
  type DebianPackage,
} from '../catalog/debian-packages.ts';
import { isUnder } from '../fs.ts';
import type { CommandHandler, RunState } from './types.ts';

export const APT_LISTS = '/var/lib/apt/lists';
/** Where the simulator keeps installed packages: one modelled tree per package set. */
const PACKAGE_ROOT = '/usr/lib/.layerwise-apt';

/** Share of Installed-Size that lands in a slim image (dpkg path-exclude drops docs, man pages, locales): curl measured 0.956. */
const SLIM_RATIO = 0.956;
/** gzip / tar of an apt layer without a measured figure: the curl layer, 4,837,423 / 11,454,976 (deb-sizes.json). */
const APT_PACKAGE_GZIP = 0.42;
/** Size assumed for a package with no record: about the median of the recorded closures. */
const UNKNOWN_PACKAGE_BYTES = 5_000_000;

/** The lists are in the file system, or in a cache mount of this RUN (where `apt-get update` put them). */
function listsPresent(state: RunState): boolean {
  return state.fs.exists(APT_LISTS) || state.cacheMounts.some((m) => isUnder(APT_LISTS, m));
}

/** Files assumed per Debian package when estimating tar headers (the npm closure: 24,803 files / 387 packages = 64; curl's 16 packages hold about 20 each). */
const FILES_PER_PACKAGE = 20;
/** Tar bytes per file beyond its data: a 512-byte header and on average half a block of padding. */
const TAR_PER_FILE = 768;

/**
 * Tar bytes a known package adds given what is installed. A measured layer (the no-recommends
 * closure installed alone on the slim base) counts whole when none of that closure is installed
 * yet; the packages recommends add on top are estimated from their Installed-Size. Otherwise only
 * the missing packages count, as an even share of the closure's Installed-Size.
 */
function knownPackageBytes(known: DebianPackage, recommends: boolean, fresh: readonly string[]): { tar: number; gzip: number } {
  const closure = recommends ? known.withRecommends : known.noRecommends;
  const estimate = (kib: number, packages: number) => kib * 1024 * SLIM_RATIO + packages * FILES_PER_PACKAGE * TAR_PER_FILE;
  const measuredWhole = known.measuredLayerBytes !== null && known.noRecommends.packages.every((p) => fresh.includes(p));
  if (measuredWhole) {
    const extra = recommends
      ? estimate(Math.max(0, known.withRecommends.installedKiB - known.noRecommends.installedKiB), known.withRecommends.packages.length - known.noRecommends.packages.length)
      : 0;
    // A measured layer is tar bytes already (headers included), less the fixed cost every apt layer has.
    const measured = known.measuredLayerBytes! - APT_INSTALL_OVERHEAD_BYTES;
    // The measured layer's own gzip ratio (git 0.36, curl 0.42, npm 0.28) for its part.
    const ratio = known.measuredGzipBytes !== null ? known.measuredGzipBytes / known.measuredLayerBytes! : APT_PACKAGE_GZIP;
    return { tar: measured + extra, gzip: measured * ratio + extra * APT_PACKAGE_GZIP };
  }
  const share = fresh.length / closure.packages.length;
  const tar = estimate(closure.installedKiB * share, fresh.length);
  return { tar, gzip: tar * APT_PACKAGE_GZIP };
}

function install(state: RunState, names: string[], recommends: boolean): void {
  if (!listsPresent(state) && state.base?.family === 'debian') {
    state.note('info', 'apt-get install without apt-get update first: the image ships no package lists, so the install fails in a real build');
  }
  let tar = 0;
  let gzip = 0;
  let files = 0;
  const added: string[] = [];
  const requested = names.map((raw) => raw.split('=')[0]!.replace(/:(amd64|arm64|all)$/, ''));
  const closureOf = (name: string) => {
    const known = DEBIAN_PACKAGES.find((p) => p.name === name);
    return known ? (recommends ? known.withRecommends : known.noRecommends).packages.length : 0;
  };
  // The biggest closure first: `nodejs npm` is npm's closure, which already holds nodejs's.
  const ordered = [...requested].sort((a, b) => closureOf(b) - closureOf(a));
  for (const name of ordered) {
    const known = DEBIAN_PACKAGES.find((p) => p.name === name);
    if (state.base?.tools.includes(name) && state.base.family === 'debian' && !state.debs.has(name)) {
      // Already in the base image (e.g. curl in the full node images): nothing new.
      state.debs.add(name);
      continue;
    }
    if (!known) {
      if (state.debs.has(name)) continue;
      state.debs.add(name);
      tar += UNKNOWN_PACKAGE_BYTES;
      gzip += UNKNOWN_PACKAGE_BYTES * APT_PACKAGE_GZIP;
      files += FILES_PER_PACKAGE;
      added.push(name);
      state.note('unknown-package', `apt package ${name}: size not recorded, estimated at ${(UNKNOWN_PACKAGE_BYTES / 1e6).toFixed(0)} MB`);
      continue;
    }
    if (known.alreadyInSlim) continue;
    const closure = recommends ? known.withRecommends : known.noRecommends;
    const fresh = closure.packages.filter((p) => !state.debs.has(p));
    if (fresh.length === 0) continue;
    const size = knownPackageBytes(known, recommends, fresh);
    tar += size.tar;
    gzip += size.gzip;
    files += FILES_PER_PACKAGE * fresh.length;
    for (const p of fresh) state.debs.add(p);
    added.push(name);
    for (const tool of [name, ...fresh]) state.stage.tools.add(tool === 'nodejs' ? 'node' : tool);
    if (name === 'build-essential') for (const t of ['gcc', 'g++', 'make']) state.stage.tools.add(t);
  }
  if (added.length === 0) return;
  const path = `${PACKAGE_ROOT}/${added.join('+')}`;
  const total = Math.round(tar + APT_INSTALL_OVERHEAD_BYTES);
  const gzipRatio = (gzip + APT_INSTALL_OVERHEAD_BYTES * APT_PACKAGE_GZIP) / total;
  // tarBytes is the layer's exact model; bytes (what rules and `top` show) leaves out the headers.
  state.layer.add({ path, bytes: Math.max(0, total - files * TAR_PER_FILE), files, tarBytes: total, tags: ['apt-package'], tree: true, gzipRatio });
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
