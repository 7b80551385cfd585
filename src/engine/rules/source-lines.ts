/** The source's lines without their `\n` or `\r\n` (and without a leading byte-order mark). */
export function sourceLines(source: string): string[] {
  const lines = (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).split('\n');
  // A `\r` ends a line only before `\n`: the last line keeps one it ends with.
  if (source.includes('\r')) {
    for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  }
  return lines;
}

/** Offsets where each line of `text` starts: 0, then just after every `\n`. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
