import { describe, expect, it } from 'vitest';
import { seqOutputBytes } from '../../../src/engine/simulate/commands/files.ts';
import { simulateImage, type SimulateOptions } from '../../../src/engine/simulate/index.ts';

const own = (source: string, options: SimulateOptions = {}) => simulateImage(source, options).layers.filter((l) => !l.base);

describe('seq', () => {
  it('counts every number and its newline', () => {
    expect(seqOutputBytes(['3'])).toBe(6); // "1\n2\n3\n"
    expect(seqOutputBytes(['9', '11'])).toBe(2 + 3 + 3);
    expect(seqOutputBytes(['1', '1500000'])).toBe(10_888_896); // wc -c of `seq 1 1500000`
    expect(seqOutputBytes(['0', '5', '20'])).toBe(2 + 2 + 3 + 3 + 3);
    expect(seqOutputBytes(['-w', '5'])).toBeNull();
    expect(seqOutputBytes(['1.5', '3'])).toBeNull();
  });

  it('writes its output into the layer, compressible like text', () => {
    const [layer] = own('FROM debian:bookworm-slim\nRUN seq 1 1500000 > /opt/numbers.txt\n');
    expect(layer!.sizeBytes).toBeGreaterThan(10_888_896);
    expect(layer!.compressedBytes / layer!.sizeBytes).toBeCloseTo(0.3, 1);
  });
});

describe('bytes from devices', () => {
  it('compresses zeros to almost nothing and random bytes not at all', () => {
    const [zeros, random] = own('FROM debian:bookworm-slim\nRUN head -c 10000000 /dev/zero > /z\nRUN dd if=/dev/urandom of=/r bs=1M count=10\n');
    expect(zeros!.compressedBytes).toBeLessThan(20_000);
    expect(random!.compressedBytes).toBeGreaterThan(0.99 * 10 * 1024 * 1024);
  });
});

describe('C compilers', () => {
  const context = [{ path: 'hello.c', bytes: 97 }];
  const build = 'FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev\nWORKDIR /src\nCOPY hello.c .\n';

  it('links a static binary with glibc, smaller after strip', () => {
    const image = simulateImage(`${build}RUN gcc -O2 -static -o /hello hello.c && strip /hello\nFROM debian:bookworm-slim\nCOPY --from=build /hello /usr/local/bin/hello\n`, { context });
    const copy = image.layers.at(-1)!;
    expect(copy.top[0]).toEqual({ path: '/usr/local/bin/hello', bytes: 682_696 + 97 });
    expect(image.notes.some((n) => n.message.includes('debug symbols estimated'))).toBe(false);
  });

  it('links a dynamic binary of a few KB, and -c writes an object file', () => {
    const dynamic = own(`${build}RUN gcc -o /hello hello.c\n`).at(-1)!;
    expect(dynamic.top[0]!.bytes).toBeLessThan(20_000);
    const object = own(`${build}RUN gcc -c -static -o /hello.o hello.c\n`, { context }).at(-1)!;
    expect(object.top[0]!.bytes).toBe(97);
  });
});

describe('ADD of a local archive', () => {
  const listing = { tarBytes: 8_054_784, files: 52, dataBytes: 8_000_000, root: 'app' };

  it('unpacks the archive: its entries land in the layer, with the archive\'s own ratio', () => {
    const context = [{ path: 'app.tar.gz', bytes: 4_050_000, archive: listing }];
    const [added, copied] = own('FROM debian:bookworm-slim\nADD app.tar.gz /opt/\nCOPY app.tar.gz /tmp/app.tar.gz\n', { context });
    expect(added!.sizeBytes).toBeGreaterThan(listing.tarBytes);
    expect(added!.sizeBytes).toBeLessThan(listing.tarBytes + 5_000);
    expect(added!.top[0]!.path).toBe('/opt/app');
    expect(added!.compressedBytes / added!.sizeBytes).toBeCloseTo(4_050_000 / listing.tarBytes, 2);
    // COPY keeps it packed.
    expect(copied!.sizeBytes).toBeLessThan(4_060_000);
  });

  it('estimates an archive nobody read, and says so', () => {
    const image = simulateImage('FROM debian:bookworm-slim\nADD site.tgz /srv/\n', { context: [{ path: 'site.tgz', bytes: 1_000_000 }] });
    expect(image.layers.at(-1)!.sizeBytes).toBeGreaterThan(3_000_000);
    expect(image.notes.some((n) => n.kind === 'estimate' && n.message.includes('site.tgz'))).toBe(true);
  });

  it('does not unpack a remote file or a plain file', () => {
    const [layer] = own('FROM debian:bookworm-slim\nADD notes.txt /srv/\n', { context: [{ path: 'notes.txt', bytes: 1000 }] });
    expect(layer!.sizeBytes).toBeLessThan(4_000);
  });
});

describe('apt closures that contain each other', () => {
  it('counts nodejs once when npm (whose closure holds it) is installed with it', () => {
    const both = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*\n')[0]!;
    const npm = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*\n')[0]!;
    expect(both.sizeBytes).toBe(npm.sizeBytes);
    // Measured: 248,726,528 tar bytes (debian-packages.ts).
    expect(Math.abs(npm.sizeBytes / 248_726_528 - 1)).toBeLessThan(0.01);
  });

  it('adds what recommends bring on top of a measured closure', () => {
    const plain = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n')[0]!;
    const recommends = own('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n')[0]!;
    // git's recommends add 14,685 KiB of Installed-Size (deb-sizes.json).
    expect(recommends.sizeBytes - plain.sizeBytes).toBeGreaterThan(14_000_000);
    expect(recommends.sizeBytes - plain.sizeBytes).toBeLessThan(16_000_000);
  });
});

describe('apt with cache mounts', () => {
  const mounted = '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends git\n';

  it('keeps the lists out of the layer, and knows the install has them', () => {
    const image = simulateImage(mounted);
    const install = image.layers.filter((l) => !l.base).at(-1)!;
    expect(install.changes.some((c) => c.kind === 'add' && c.file.path.startsWith('/var/lib/apt'))).toBe(false);
    expect(image.notes.map((n) => n.message).join('\n')).not.toMatch(/without apt-get update/);
  });

  it('still says so when no list was ever downloaded', () => {
    const image = simulateImage('FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends git\n');
    expect(image.notes.map((n) => n.message).join('\n')).toMatch(/without apt-get update/);
  });
});
