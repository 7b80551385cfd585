/**
 * Reads a local tar archive's headers, so the simulator knows what `ADD archive.tar.gz /dir/`
 * unpacks into the layer (BuildKit extracts local tar archives, plain or gzip/bzip2/xz
 * compressed). Only plain and gzip archives are read here (node:zlib); others stay estimated.
 */
import { gunzipSync } from 'node:zlib';
import type { ArchiveListing } from '../engine/simulate/input.ts';

/** Archives bigger than this are not read (they are unpacked in memory): their contents are estimated. */
export const MAX_ARCHIVE_BYTES = 64_000_000;
/** Nor are archives that unpack to more than this. */
const MAX_UNPACKED_BYTES = 1_000_000_000;

function octal(block: Uint8Array, start: number, length: number): number {
  const text = new TextDecoder('latin1').decode(block.subarray(start, start + length)).replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function text(block: Uint8Array, start: number, length: number): string {
  return new TextDecoder('utf-8').decode(block.subarray(start, start + length)).replace(/\0.*$/s, '');
}

/** The entries of an uncompressed tar stream; null when it is not a tar archive. */
export function listTar(tar: Uint8Array): ArchiveListing | null {
  let offset = 0;
  let tarBytes = 0;
  let files = 0;
  let dataBytes = 0;
  const tops = new Set<string>();
  let entries = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    // POSIX ustar (or GNU) magic at 257.
    const magic = text(header, 257, 5);
    if (magic !== 'ustar') return null;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const name = (text(header, 345, 155) ? `${text(header, 345, 155)}/` : '') + text(header, 0, 100);
    const padded = Math.ceil(size / 512) * 512;
    // Pax and GNU long-name records describe the next entry; they are not unpacked themselves.
    const meta = type === 'x' || type === 'g' || type === 'L' || type === 'K';
    if (!meta) {
      entries++;
      tarBytes += 512 + padded;
      if (type === '0' || type === '7') {
        files++;
        dataBytes += size;
      }
      const clean = name.replace(/^\.\//, '').replace(/\/$/, '');
      if (clean !== '' && clean !== '.') tops.add(clean.split('/')[0]!);
    }
    offset += 512 + padded;
  }
  if (entries === 0) return null;
  return { tarBytes, files, dataBytes, root: tops.size === 1 ? [...tops][0]! : null };
}

/** The listing of a `.tar`, `.tar.gz` or `.tgz` file's bytes (detected by content); null otherwise. */
export function listArchive(bytes: Uint8Array): ArchiveListing | null {
  try {
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    return listTar(gzip ? gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }) : bytes);
  } catch {
    return null;
  }
}
