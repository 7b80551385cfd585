/**
 * Measures how well a context file compresses: gzip -6 of a sample of its bytes. The simulator
 * otherwise guesses from the file name, and a name says nothing about `data.bin` (random bytes
 * compress to 1.0, a sparse table to 0.01).
 */
import { open } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** Bytes read from each file: enough for gzip's 32 KB window to see the content twice. */
export const SAMPLE_BYTES = 64 * 1024;
/** Files smaller than this are not sampled: their bytes hardly count, their headers dominate. */
export const MIN_SAMPLED_FILE = 16 * 1024;

/** gzip bytes / sample bytes of the first SAMPLE_BYTES of `path`; null when unreadable. */
export async function sampleGzipRatio(path: string): Promise<number | null> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    if (bytesRead === 0) return null;
    const sample = buffer.subarray(0, bytesRead);
    // gzip's 18 bytes of framing belong to the whole file, not to each sample.
    const compressed = gzipSync(sample, { level: 6 }).length - 18;
    return Math.min(1.01, Math.max(0.0005, compressed / bytesRead));
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
