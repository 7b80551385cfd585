import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { listArchive } from '../../src/node/archive-listing.ts';
import { sampleGzipRatio } from '../../src/node/gzip-sample.ts';
import { simulationContext } from '../../src/node/cli-contexts.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerwise-measure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gzip ratio of a context file, from a sample', () => {
  it('tells random bytes from zeros from text', async () => {
    writeFileSync(join(dir, 'random.bin'), randomBytes(100_000));
    writeFileSync(join(dir, 'zeros.bin'), Buffer.alloc(100_000));
    writeFileSync(join(dir, 'text.txt'), Array.from({ length: 3000 }, (_, i) => `line ${i}: the layer keeps the cache warm\n`).join(''));
    expect(await sampleGzipRatio(join(dir, 'random.bin'))).toBeGreaterThan(0.99);
    expect(await sampleGzipRatio(join(dir, 'zeros.bin'))).toBeLessThan(0.01);
    const text = (await sampleGzipRatio(join(dir, 'text.txt')))!;
    expect(text).toBeGreaterThan(0.05);
    expect(text).toBeLessThan(0.5);
    expect(await sampleGzipRatio(join(dir, 'missing'))).toBeNull();
  });
});

describe('tar archive listing', () => {
  it('reads a tar.gz made by tar: entries, files, one top directory', () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'app/bin'), { recursive: true });
    writeFileSync(join(src, 'app/bin/server'), randomBytes(5000));
    writeFileSync(join(src, 'app/README'), 'hello\n');
    const tgz = join(dir, 'app.tar.gz');
    const r = spawnSync('tar', ['-C', src, '-czf', tgz, 'app']);
    expect(r.status).toBe(0);
    const listing = listArchive(new Uint8Array(readFileSync(tgz)))!;
    // app/, app/bin/, app/bin/server (5000 → 5120), app/README (6 → 512)
    expect(listing).toEqual({ tarBytes: 4 * 512 + 5120 + 512, files: 2, dataBytes: 5006, root: 'app' });
  });

  it('returns null for what is not a tar archive', () => {
    expect(listArchive(new TextEncoder().encode('not an archive'))).toBeNull();
    expect(listArchive(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toBeNull();
  });

  it('gives the simulator what ADD unpacks, read the CLI way', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n');
    const { files } = await simulationContext(dir, join(dir, 'Dockerfile'));
    const tgz = files.find((f) => f.path === 'app.tar.gz')!;
    expect(tgz.archive?.files).toBe(2);
    expect(files.find((f) => f.path === 'random.bin')!.gzipRatio).toBeGreaterThan(0.99);
    // Small files are not sampled: their headers dominate.
    expect(files.find((f) => f.path === 'Dockerfile')!.gzipRatio).toBeUndefined();
  });
});
