import type { BaseImageInfo } from '../types.ts';
import { findBaseImageTools } from '../../data/base-image-tools.ts';
import { RECORDED_BASE_IMAGES, type RecordedBaseImage } from '../../data/recorded-base-images.ts';

/**
 * Uncompressed/compressed ratios measured on images with both figures recorded, used to estimate
 * the uncompressed size of a row that only has its pull size:
 * full Debian (node:22 1.12 GB / 408.5 MB), slim Debian (node:22-slim 227.34 MB / 79.9 MB),
 * Alpine (node:22-alpine 155 MB / 60.7 MB), all from the rows of RECORDED_BASE_IMAGES.
 */
const RATIO = { full: 1120000000 / 408499334, slim: 227340000 / 79893445, alpine: 155000000 / 60697390 };

type Variant = 'full' | 'slim' | 'alpine' | 'distroless' | 'busybox' | 'scratch';

interface Traits {
  family: BaseImageInfo['family'];
  packageManager: BaseImageInfo['packageManager'];
  shell: boolean;
  libc: BaseImageInfo['libc'];
  tools: string[];
  user: string;
  env: Record<string, string>;
  cmd?: string[];
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * What each kind of image ships, from the official images' Dockerfiles: buildpack-deps (curl,
 * wget, git, gcc, make in the full variant), debian *-slim (no curl, no wget), alpine (busybox
 * sh and wget, musl, no curl, no bash), distroless (no shell, no package manager).
 */
function variantTraits(variant: Variant): Traits {
  switch (variant) {
    case 'full':
      return {
        family: 'debian',
        packageManager: 'apt',
        shell: true,
        libc: 'glibc',
        tools: ['sh', 'bash', 'apt-get', 'curl', 'wget', 'git', 'gcc', 'make', 'tar', 'gzip'],
        user: 'root',
        env: { PATH: DEFAULT_PATH },
      };
    case 'slim':
      return {
        family: 'debian',
        packageManager: 'apt',
        shell: true,
        libc: 'glibc',
        tools: ['sh', 'bash', 'apt-get', 'tar', 'gzip'],
        user: 'root',
        env: { PATH: DEFAULT_PATH },
      };
    case 'alpine':
      return {
        family: 'alpine',
        packageManager: 'apk',
        shell: true,
        libc: 'musl',
        tools: ['sh', 'apk', 'wget', 'tar', 'gzip'],
        user: 'root',
        env: { PATH: DEFAULT_PATH },
      };
    case 'busybox':
      return { family: 'busybox', packageManager: 'none', shell: true, libc: 'glibc', tools: ['sh', 'wget', 'tar'], user: 'root', env: { PATH: DEFAULT_PATH } };
    case 'distroless':
      return { family: 'distroless', packageManager: 'none', shell: false, libc: 'glibc', tools: [], user: 'root', env: { PATH: DEFAULT_PATH } };
    case 'scratch':
      return { family: 'scratch', packageManager: 'none', shell: false, libc: 'none', tools: [], user: 'root', env: {} };
  }
}

function variantOf(ref: string, distro: string | null): Variant {
  if (ref.startsWith('gcr.io/distroless/')) return 'distroless';
  if (ref.startsWith('busybox')) return 'busybox';
  if (ref.includes('alpine') || (distro ?? '').startsWith('alpine') || ref.startsWith('alpine')) return 'alpine';
  if (ref.includes('slim') || ref.startsWith('debian:') || ref.startsWith('ubuntu:') || ref.startsWith('nginx:')) return 'slim';
  return 'full';
}

/** What the language images add on top of their variant (official Dockerfiles: docker-node, docker-library/python, golang, rust, nginx). */
function languageTraits(ref: string, traits: Traits, version: string | null): Traits {
  const name = ref.split(':')[0]!;
  const t = { ...traits, tools: [...traits.tools], env: { ...traits.env } };
  if (name === 'node' || name.startsWith('gcr.io/distroless/nodejs')) {
    t.tools.push('node');
    if (name === 'node') {
      t.tools.push('npm', 'npx', 'corepack', 'yarn');
      t.env.NODE_VERSION = version ?? '';
    }
  } else if (name === 'python') {
    t.tools.push('python', 'python3', 'pip', 'pip3');
    t.env.PATH = `/usr/local/bin:${DEFAULT_PATH.replace('/usr/local/bin:', '')}`;
    t.env.PYTHON_VERSION = version ?? '';
  } else if (name === 'golang') {
    t.tools.push('go');
    t.env.PATH = `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}`;
    t.env.GOPATH = '/go';
  } else if (name === 'rust') {
    t.tools.push('cargo', 'rustc', 'gcc');
    t.env.PATH = `/usr/local/cargo/bin:${DEFAULT_PATH}`;
    t.env.CARGO_HOME = '/usr/local/cargo';
    t.env.RUSTUP_HOME = '/usr/local/rustup';
  } else if (name === 'nginx') {
    // curl (kept by nginx:latest and nginx:alpine) comes from the cited table: withRecordedFacts.
    t.tools.push('nginx');
  }
  return t;
}

/**
 * What the image's own Dockerfile says it ships, from the cited table the rules read
 * (data/base-image-tools.ts): curl, wget and a shell present or not, the default user, the ENV
 * that tells where tools keep caches. A fact the table establishes wins over the variant's
 * general traits (nginx's Debian image keeps the curl it installs; distroless :debug tags have a
 * BusyBox shell); "not established" (null) leaves the variant's traits as they are.
 */
function withRecordedFacts(ref: string, traits: Traits): Traits {
  const colon = ref.lastIndexOf(':');
  const facts = findBaseImageTools(ref.slice(0, colon), ref.slice(colon + 1));
  if (!facts) return traits;
  const t = { ...traits, tools: [...traits.tools], env: { ...traits.env, ...facts.env } };
  const set = (tool: string, present: boolean | null) => {
    if (present === true && !t.tools.includes(tool)) t.tools.push(tool);
    if (present === false) t.tools = t.tools.filter((x) => x !== tool);
  };
  set('curl', facts.curl);
  set('wget', facts.wget);
  if (facts.shell !== null) {
    t.shell = facts.shell;
    set('sh', facts.shell);
  }
  if (facts.cmd) t.cmd = [...facts.cmd];
  if (facts.user === 'root') t.user = 'root';
  else if (facts.user === 'non-root') t.user = facts.nonRootUser ?? 'nonroot';
  return t;
}

/** Official images accept several spellings of one tag; map them to the recorded row. */
const ALIASES: Record<string, string> = {
  'node:22-bookworm': 'node:22',
  'node:22-bookworm-slim': 'node:22-slim',
  'node:lts': 'node:24',
  'node:24-bookworm': 'node:24',
  'node:20-bookworm': 'node:20',
  'node:20-bookworm-slim': 'node:20-slim',
  'debian:12': 'debian:bookworm',
  'debian:12-slim': 'debian:bookworm-slim',
  'debian:13-slim': 'debian:trixie-slim',
  'debian:latest': 'debian:bookworm',
  'ubuntu:noble': 'ubuntu:24.04',
  'ubuntu:latest': 'ubuntu:24.04',
  'alpine:latest': 'alpine:3.24',
  'nginx:stable-alpine': 'nginx:alpine',
  'rust:bookworm': 'rust:1-bookworm',
  'rust:latest': 'rust:1-bookworm',
  'golang:1.23-bookworm': 'golang:1.23',
  'python:3.12-slim-bookworm': 'python:3.12-slim',
  'python:3.12-slim-trixie': 'python:3.12-slim',
  'gcr.io/distroless/nodejs22-debian12:nonroot': 'gcr.io/distroless/nodejs22-debian12:latest',
  'gcr.io/distroless/static-debian12:nonroot': 'gcr.io/distroless/static-debian12:latest',
  'gcr.io/distroless/base-debian12:nonroot': 'gcr.io/distroless/base-debian12:latest',
  'gcr.io/distroless/cc-debian12:nonroot': 'gcr.io/distroless/cc-debian12:latest',
};

/** `docker.io/library/node:22@sha256:...` → `node:22`; no tag → `:latest`. */
export function normalizeImageRef(ref: string): string {
  let r = ref.trim().toLowerCase();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  r = r.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  const lastSlash = r.lastIndexOf('/');
  if (!r.slice(lastSlash + 1).includes(':')) r = `${r}:latest`;
  return r;
}

function toInfo(row: RecordedBaseImage, ref: string, estimate?: string): BaseImageInfo {
  const variant = variantOf(row.ref, row.distro);
  const traits = withRecordedFacts(ref, languageTraits(row.ref, variantTraits(variant), row.version));
  const ratio = variant === 'alpine' ? RATIO.alpine : variant === 'full' ? RATIO.full : RATIO.slim;
  let notes = estimate;
  let size = row.uncompressedBytes;
  let compressed = row.compressedBytes;
  if (size === null && compressed !== null) {
    size = Math.round(compressed * ratio);
    notes = [notes, `uncompressed size estimated as ${ratio.toFixed(2)} × the recorded pull size (ratio of a recorded image of the same kind)`]
      .filter(Boolean)
      .join('; ');
  }
  if (compressed === null && size !== null) {
    compressed = Math.round(size / ratio);
    notes = [notes, 'pull size estimated from the uncompressed size'].filter(Boolean).join('; ');
  }
  if (size === null || compressed === null) {
    // cc-debian12 has no public figure: base-debian12 plus the C++ runtime, as its row says.
    const base = RECORDED_BASE_IMAGES.find((r) => r.ref === 'gcr.io/distroless/base-debian12:latest')!;
    size = Math.round((base.uncompressedBytes ?? 20400000) + 2500000);
    compressed = Math.round((base.compressedBytes ?? 20000000) + 1000000);
    notes = [notes, 'no recorded figure: estimated as base-debian12 plus the C++ runtime (about 2.5 MB)'].filter(Boolean).join('; ');
  }
  if (row.approximate) notes = [notes, 'the recorded figure is approximate'].filter(Boolean).join('; ');
  const perLayer = row.layerCompressedBytes ?? [compressed];
  const sumCompressed = perLayer.reduce((a, b) => a + b, 0) || 1;
  const layers = perLayer.map((c) => Math.round((size! * c) / sumCompressed));
  return {
    ref,
    family: traits.family,
    sizeBytes: size,
    compressedBytes: compressed,
    layers,
    packageManager: traits.packageManager,
    shell: traits.shell,
    libc: traits.libc,
    user: traits.user,
    tools: traits.tools,
    env: traits.env,
    ...(traits.cmd ? { cmd: traits.cmd } : {}),
    source: row.source,
    ...(notes ? { estimate: notes } : {}),
  };
}

const SCRATCH: BaseImageInfo = {
  ref: 'scratch',
  family: 'scratch',
  sizeBytes: 0,
  compressedBytes: 0,
  layers: [],
  packageManager: 'none',
  shell: false,
  libc: 'none',
  user: 'root',
  tools: [],
  env: {},
  source: 'scratch is the empty image: no layers',
};

/** The nearest recorded row for an unknown tag of a known image, e.g. `node:18-slim` → `node:20-slim`. */
function familyFallback(ref: string): RecordedBaseImage | null {
  const [name, tag = 'latest'] = ref.split(':') as [string, string?];
  const rows = RECORDED_BASE_IMAGES.filter((r) => r.ref.split(':')[0] === name);
  if (rows.length === 0) return null;
  const kind = tag.includes('alpine') ? 'alpine' : tag.includes('slim') ? 'slim' : 'full';
  const same = rows.filter((r) => variantOf(r.ref, r.distro) === variantOf(`${name}:${tag}`, null) || (kind === 'full' && variantOf(r.ref, r.distro) === 'full'));
  return (same[0] ?? rows[0])!;
}

/**
 * The catalog entry for an image reference. Unknown tags of known images are estimated from the
 * nearest recorded tag of the same kind, and say so; unknown images return null.
 */
export function lookupBaseImage(ref: string): BaseImageInfo | null {
  const normalized = normalizeImageRef(ref);
  if (normalized === 'scratch:latest' || ref.trim().toLowerCase() === 'scratch') return SCRATCH;
  const key = Object.hasOwn(ALIASES, normalized) ? ALIASES[normalized]! : normalized;
  const row = RECORDED_BASE_IMAGES.find((r) => r.ref === key);
  if (row) return toInfo(row, normalized);
  const fallback = familyFallback(key);
  if (fallback) {
    return toInfo(fallback, normalized, `unknown tag ${normalized}: size estimated from ${fallback.ref}`);
  }
  return null;
}

/** Every recorded reference, for documentation and the editor's completion. */
export function knownBaseImages(): string[] {
  return RECORDED_BASE_IMAGES.map((r) => r.ref);
}
