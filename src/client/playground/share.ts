/**
 * The playground's state in the URL hash, compressed with the browser's own CompressionStream
 * (deflate-raw) and base64url-encoded: shareable with no server, and a few hundred characters
 * for a typical Dockerfile.
 */
export interface PlaygroundState {
  dockerfile: string;
  /** Id of the sample project used as build context, or "" for none. */
  project: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeState(state: PlaygroundState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ d: state.dockerfile, p: state.project }));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Reads a hash made by encodeState; null (never a throw) for anything else. */
export async function decodeState(encoded: string): Promise<PlaygroundState | null> {
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')));
    const value = JSON.parse(json) as { d?: unknown; p?: unknown };
    if (typeof value.d !== 'string') return null;
    return { dockerfile: value.d, project: typeof value.p === 'string' ? value.p : '' };
  } catch {
    return null;
  }
}
