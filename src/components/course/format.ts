/** Sizes as `docker images` prints them: decimal units (1 MB = 10^6 bytes). */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (abs >= 1e6) return `${(bytes / 1e6).toFixed(abs >= 1e8 ? 0 : 1)} MB`;
  if (abs >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/**
 * A title inside a sentence: "Starter" -> "starter", but names and acronyms stay as written
 * ("ENV NODE_ENV=production ..." keeps its case; only the first letter is ever lowered).
 */
export function inSentence(title: string): string {
  return /^[A-Z][A-Z0-9_]/.test(title) ? title : `${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}
