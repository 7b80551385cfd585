import { describe, expect, it } from 'vitest';
import { cacheReport, runtimeCheck, simulateImage, type SimulateOptions } from '../../../src/engine/simulate/index.ts';

const sim = (source: string, options: SimulateOptions = {}) => simulateImage(source, options);
const own = (source: string, options: SimulateOptions = {}) => sim(source, options).layers.filter((l) => !l.base);
const MB = 1e6;

describe('apt lists and the layer that deletes them', () => {
  const install = 'RUN apt-get update && apt-get install -y --no-install-recommends curl';

  it('matches the measured layers of curl on bookworm-slim within 10%', () => {
    // Real buildah layers (reference data real-builds.json / deb-sizes.json): lists kept
    // 31,316,992 bytes; lists removed in the same RUN 11,454,976 bytes.
    const kept = own(`FROM debian:bookworm-slim\n${install}\n`)[0]!.sizeBytes;
    const removed = own(`FROM debian:bookworm-slim\n${install} && rm -rf /var/lib/apt/lists/*\n`)[0]!.sizeBytes;
    expect(Math.abs(kept / 31_316_992 - 1)).toBeLessThan(0.1);
    expect(Math.abs(removed / 11_454_976 - 1)).toBeLessThan(0.1);
  });

  it('shrinks the image only when rm runs in the same RUN', () => {
    const same = sim(`FROM debian:bookworm-slim\n${install} && rm -rf /var/lib/apt/lists/*\n`).totals.sizeBytes;
    const later = sim(`FROM debian:bookworm-slim\n${install}\nRUN rm -rf /var/lib/apt/lists/*\n`);
    const none = sim(`FROM debian:bookworm-slim\n${install}\n`).totals.sizeBytes;
    expect(same).toBeLessThan(none - 15 * MB);
    expect(later.totals.sizeBytes).toBeGreaterThanOrEqual(none);
    const rmLayer = later.layers.at(-1)!;
    expect(rmLayer.sizeBytes).toBeLessThan(10_000);
    // The first layer's lists are shipped but unreachable: dive counts them as wasted.
    expect(later.layers.at(-2)!.hiddenBytes).toBeGreaterThan(19 * MB);
    expect(later.totals.wastedBytes).toBeGreaterThan(19 * MB);
    expect(later.totals.efficiency).toBeLessThan(1);
  });

  it('installs more with recommends', () => {
    const a = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y git\n')[0]!.sizeBytes;
    const b = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git\n')[0]!.sizeBytes;
    expect(a).toBeGreaterThan(b);
  });

  it('treats apt-get clean as the no-op it is on official images', () => {
    const a = own(`FROM debian:bookworm-slim\n${install} && apt-get clean\n`)[0]!.sizeBytes;
    const b = own(`FROM debian:bookworm-slim\n${install}\n`)[0]!.sizeBytes;
    expect(a).toBe(b);
  });
});

describe('files', () => {
  const context = [{ path: 'big.bin', bytes: 20 * MB }, { path: 'src/a.js', bytes: 1000 }, { path: 'src/b.js', bytes: 2000 }];

  it('copies context files with their sizes and directory semantics', () => {
    const layers = own('FROM debian:bookworm-slim\nCOPY big.bin /data/\nCOPY src /app/src\n', { context });
    expect(layers[0]!.changes.map((c) => c.kind === 'add' && c.file.path)).toEqual(['/data/big.bin']);
    expect(layers[1]!.changes.map((c) => c.kind === 'add' && c.file.path).sort()).toEqual(['/app/src/a.js', '/app/src/b.js']);
    expect(layers[0]!.sizeBytes).toBeGreaterThan(20 * MB);
  });

  it('duplicates every touched file when chown -R runs in its own layer', () => {
    const layers = own('FROM debian:bookworm-slim\nCOPY big.bin /data/\nRUN chown -R 1000:1000 /data\n', { context });
    expect(layers[1]!.sizeBytes).toBeGreaterThanOrEqual(layers[0]!.sizeBytes - 1024);
    const withFlag = own('FROM debian:bookworm-slim\nCOPY --chown=1000:1000 big.bin /data/\n', { context });
    expect(withFlag).toHaveLength(1);
  });

  it('cannot free an earlier layer with rm', () => {
    const image = sim('FROM debian:bookworm-slim\nCOPY big.bin /data/\nRUN rm /data/big.bin\n', { context });
    expect(image.totals.sizeBytes).toBeGreaterThan(sim('FROM debian:bookworm-slim\n').totals.sizeBytes + 20 * MB);
  });

  it('writes exactly the bytes head -c asks for', () => {
    const layer = own('FROM debian:bookworm-slim\nRUN head -c 10000000 /dev/urandom > /opt/blob\n')[0]!;
    expect(layer.sizeBytes).toBeGreaterThanOrEqual(10_000_000);
    expect(layer.sizeBytes).toBeLessThan(10_010_000);
  });

  it('creates a missing WORKDIR in a small layer', () => {
    const steps = (source: string) => sim(source).stages[0]!.layers.filter((l) => !l.base);
    expect(steps('FROM debian:bookworm-slim\nWORKDIR /srv/app\n')[0]!.empty).toBe(false);
    expect(steps('FROM debian:bookworm-slim\nWORKDIR /tmp\n')[0]!.empty).toBe(true);
  });
});

describe('stages', () => {
  const node = [{ path: 'package.json', bytes: 800 }, { path: 'package-lock.json', bytes: 90_000 }, { path: 'src/server.js', bytes: 5000 }];
  const projects = [{ dir: '', allBytes: 125_184_000, allFiles: 8861, prodBytes: 25_026_560, prodFiles: 1512, cacheBytes: 33_022_006, buildOutputBytes: 500_000, source: 'test' }];

  it('ships only the final stage', () => {
    const multi = sim('FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n', { context: node, nodeProjects: projects });
    expect(multi.target).toBe(1);
    expect(multi.totals.sizeBytes).toBeLessThan(sim('FROM node:22-slim\n').totals.sizeBytes + 2 * MB);
    expect(multi.layers.every((l) => l.stage === 1)).toBe(true);
  });

  it('builds the --target stage', () => {
    const image = sim('FROM alpine:3.21 AS a\nFROM debian:bookworm-slim AS b\n', { target: 'a' });
    expect(image.target).toBe(0);
    expect(image.totals.sizeBytes).toBeLessThan(20 * MB);
  });

  it('counts dev dependencies unless production-only, and prune later leaves them in the layer', () => {
    const all = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n', { context: node, nodeProjects: projects });
    const prod = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n', { context: node, nodeProjects: projects });
    expect(all.at(-1)!.sizeBytes).toBeGreaterThan(prod.at(-1)!.sizeBytes + 90 * MB);
    const pruned = sim('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nRUN npm prune --omit=dev\n', { context: node, nodeProjects: projects });
    expect(pruned.layers.at(-2)!.hiddenBytes).toBeGreaterThan(90 * MB);
  });

  it('keeps a cache mount out of the layer', () => {
    const plain = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n', { context: node, nodeProjects: projects }).at(-1)!;
    const mounted = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n', { context: node, nodeProjects: projects }).at(-1)!;
    // A production install caches only the production packages' tarballs: the measured cache
    // (33 MB for all 125 MB of node_modules) scaled to the 25 MB installed, about 6.6 MB.
    const cache = (33_022_006 * 25_026_560) / 125_184_000;
    expect(plain.sizeBytes - mounted.sizeBytes).toBeGreaterThan(cache * 0.95);
    expect(plain.sizeBytes - mounted.sizeBytes).toBeLessThan(cache * 1.1);
    const all = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n', { context: node, nodeProjects: projects }).at(-1)!;
    const allMounted = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n', { context: node, nodeProjects: projects }).at(-1)!;
    expect(all.sizeBytes - allMounted.sizeBytes).toBeGreaterThan(30 * MB);
    const cleaned = own('FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n', { context: node, nodeProjects: projects }).at(-1)!;
    expect(cleaned.sizeBytes).toBe(mounted.sizeBytes);
  });
});

describe('build cache after an edit', () => {
  const context = [{ path: 'package.json', bytes: 800 }, { path: 'package-lock.json', bytes: 90_000 }, { path: 'src/server.js', bytes: 5000 }];
  const edit = { kind: 'file', path: 'src/server.js' } as const;

  it('reruns the install when COPY . . comes first', () => {
    const source = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n';
    const report = cacheReport(sim(source, { context }), edit, { context });
    const install = report.steps.find((s) => s.instruction.includes('npm ci'))!;
    expect(install.hit).toBe(false);
    expect(install.reason).toMatch(/earlier step missed/);
  });

  it('keeps the install cached when the manifests are copied first', () => {
    const source = 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "src/server.js"]\n';
    const image = sim(source, { context });
    const report = cacheReport(image, edit, { context });
    expect(report.steps.find((s) => s.instruction.includes('npm ci'))!.hit).toBe(true);
    expect(report.steps.find((s) => s.instruction === 'COPY . .')!.hit).toBe(false);
    const bad = cacheReport(sim('FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n', { context }), edit, { context });
    expect(bad.rebuildSeconds).toBeGreaterThan(report.rebuildSeconds);
  });

  it('misses every RUN after a changed build arg is declared, and everything after a base update', () => {
    const source = 'FROM debian:bookworm-slim\nRUN echo one\nARG VERSION=1\nRUN echo two\n';
    const image = sim(source);
    expect(cacheReport(image, { kind: 'build-arg', name: 'VERSION' }).steps.map((s) => s.hit)).toEqual([true, false, false]);
    expect(cacheReport(image, { kind: 'base-image' }).steps.every((s) => !s.hit)).toBe(true);
  });
});

describe('does it still run?', () => {
  it('finds a CMD file that is not in the final stage', () => {
    const image = sim('FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app/package.json ./\nCMD ["node", "dist/server.js"]\n', {
      context: [{ path: 'package.json', bytes: 800 }],
    });
    const check = runtimeCheck(image);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.kind)).toContain('missing-file');
  });

  it('flags a HEALTHCHECK that calls curl on a slim image, and a USER that does not exist', () => {
    const image = sim('FROM node:22-slim\nUSER app\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["node", "-e", "1"]\n');
    const kinds = runtimeCheck(image).problems.map((p) => p.kind);
    expect(kinds).toContain('healthcheck-tool');
    expect(kinds).toContain('unknown-user');
    expect(runtimeCheck(sim('FROM node:22-slim\nUSER node\nCMD ["node", "-e", "1"]\n')).ok).toBe(true);
  });

  it('needs a shell for the shell form and node for a node CMD', () => {
    expect(runtimeCheck(sim('FROM gcr.io/distroless/static-debian12\nCMD /app\n')).problems.map((p) => p.kind)).toContain('missing-shell');
    expect(runtimeCheck(sim('FROM debian:bookworm-slim\nCMD ["node", "server.js"]\n')).problems.map((p) => p.kind)).toContain('missing-runtime');
  });

  it("runs the base image's own CMD when the Dockerfile sets neither CMD nor ENTRYPOINT (nginx)", () => {
    const check = runtimeCheck(sim('FROM nginx:alpine\nCOPY dist /usr/share/nginx/html\n', { context: [{ path: 'dist/index.html', bytes: 400 }] }));
    expect(check.command).toEqual(['nginx', '-g', 'daemon off;']);
    expect(check.ok).toBe(true);
    // An ENTRYPOINT of the Dockerfile resets the inherited CMD, as Docker does.
    expect(runtimeCheck(sim('FROM nginx:alpine\nENTRYPOINT ["/srv/start"]\n')).command).toEqual(['/srv/start']);
    // An image without a recorded CMD still has nothing to run.
    expect(runtimeCheck(sim('FROM debian:bookworm-slim\n')).command).toEqual([]);
  });
});

describe('Go programs', () => {
  const build = (run: string) => sim(`FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN ${run}\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`, { context: [{ path: 'main.go', bytes: 900 }] });
  const binary = (run: string) => build(run).stages[0]!.files.get('/out/app')!;

  it('reads -ldflags in every spelling Go accepts: stripped with both -s and -w', () => {
    const plain = binary('go build -o /out/app .');
    expect(plain.tags).toContain('unstripped');
    for (const flags of ['-ldflags="-s -w"', "-ldflags '-w -s'", '--ldflags="-s -w"', '-ldflags "-s -w -X main.v=1"']) {
      const b = binary(`go build ${flags} -o /out/app .`);
      expect(b.tags, flags).not.toContain('unstripped');
      expect(b.bytes, flags).toBeLessThan(plain.bytes);
    }
    expect(binary('go build -ldflags="-s" -o /out/app .').tags).toContain('unstripped');
  });

  it('CGO_ENABLED=0 (before the command or as ENV) makes a static binary that starts on scratch', () => {
    expect(binary('CGO_ENABLED=0 go build -o /out/app .').tags).toContain('static');
    expect(runtimeCheck(build('CGO_ENABLED=0 go build -o /out/app .')).problems.filter((p) => p.kind === 'libc')).toEqual([]);
    const env = sim('FROM golang:1.23 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .\n').stages[0]!.files.get('/out/app')!;
    expect(env.tags).toContain('static');
    // With cgo possibly on, whether it links libc depends on the packages: unknown, so a warning.
    expect(binary('go build -o /out/app .').tags).not.toContain('static');
    expect(runtimeCheck(build('go build -o /out/app .')).problems.find((p) => p.kind === 'libc')?.severity).toBe('warning');
  });
});

describe('Rust programs', () => {
  const cargoToml = (profile = '') => ({ path: 'Cargo.toml', bytes: 200, text: `[package]\nname = "api"\nversion = "0.1.0"\n${profile}` });
  const build = (run: string, final: string, profile = '') =>
    sim(`FROM rust:1-bookworm AS build\nWORKDIR /app\nCOPY . .\nRUN ${run}\n${final}`, { context: [cargoToml(profile), { path: 'src/main.rs', bytes: 2000 }] });

  it('puts the binary under target/TRIPLE/release with --target, named after [package] name', () => {
    const image = build('cargo build --release --target x86_64-unknown-linux-musl', '');
    const stage = image.stages[0]!;
    expect(stage.files.get('/app/target/x86_64-unknown-linux-musl/release/api')?.tags).toContain('static');
    expect(build('cargo build --release', '').stages[0]!.files.get('/app/target/release/api')?.tags).toContain('glibc-dynamic');
  });

  it("strips when the release profile says so (Cargo.toml or CARGO_PROFILE_RELEASE_STRIP), and strip does not strip twice", () => {
    const size = (image: ReturnType<typeof sim>, path = '/app/target/release/api') => image.stages[0]!.files.get(path)!;
    const plain = size(build('cargo build --release', ''));
    const profile = size(build('cargo build --release', '', '[profile.release]\nstrip = true\n'));
    const env = size(build('CARGO_PROFILE_RELEASE_STRIP=true cargo build --release', ''));
    expect(plain.tags).toContain('unstripped');
    expect(profile.tags).not.toContain('unstripped');
    expect(profile.bytes).toBeLessThan(plain.bytes);
    expect(env.bytes).toBe(profile.bytes);
    expect(size(build('cargo build --release && strip target/release/api', '', '[profile.release]\nstrip = true\n')).bytes).toBe(profile.bytes);
  });

  it('a glibc program does not start on scratch; a musl one does', () => {
    const glibc = build('cargo build --release', 'FROM scratch\nCOPY --from=build /app/target/release/api /api\nENTRYPOINT ["/api"]\n');
    const problem = runtimeCheck(glibc).problems.find((p) => p.kind === 'libc');
    expect(problem?.severity).toBe('error');
    expect(runtimeCheck(glibc).ok).toBe(false);
    const musl = build('cargo build --release --target x86_64-unknown-linux-musl', 'FROM scratch\nCOPY --from=build /app/target/x86_64-unknown-linux-musl/release/api /api\nENTRYPOINT ["/api"]\n');
    expect(runtimeCheck(musl).problems).toEqual([]);
    // Found through PATH too: a glibc program on Alpine.
    const alpine = build('cargo build --release', 'FROM alpine:3.22\nCOPY --from=build /app/target/release/api /usr/local/bin/api\nCMD ["api"]\n');
    expect(runtimeCheck(alpine).problems.map((p) => p.kind)).toContain('libc');
  });
});

describe('reporting what is not modelled', () => {
  it('notes unknown commands and images instead of guessing silently', () => {
    const image = sim('FROM example.com/custom:1\nRUN frobnicate --all\n');
    expect(image.notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['unknown-image', 'unknown-command']));
  });
});
