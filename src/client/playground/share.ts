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

/** Any JSON value as compressed base64url (also used for the run page's request, src/client/run/request.ts). */
export async function encodeJson(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The value encodeJson encoded; throws on anything else. */
export async function decodeJson(encoded: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw'))));
}

export async function encodeState(state: PlaygroundState): Promise<string> {
  return encodeJson({ d: state.dockerfile, p: state.project });
}

/** Reads a hash made by encodeState; null (never a throw) for anything else. */
export async function decodeState(encoded: string): Promise<PlaygroundState | null> {
  try {
    const value = (await decodeJson(encoded)) as { d?: unknown; p?: unknown };
    if (typeof value !== 'object' || value === null || typeof value.d !== 'string') return null;
    return { dockerfile: value.d, project: typeof value.p === 'string' ? value.p : '' };
  } catch {
    return null;
  }
}
