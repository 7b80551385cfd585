import type { ContextFile } from './input.ts';

/** Go's `filepath.Match` for one path segment: `*`, `?`, `[a-z]`, `[^a]`, `\` escapes. */
function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < segment.length) re += `\\${segment[++i]}`;
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith('^')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function clean(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * The context files a COPY source names, with the path each gets under the destination:
 * a file keeps its base name; a directory (or `.`) copies its contents, not itself.
 */
export function matchContext(source: string, context: readonly ContextFile[]): { files: { file: ContextFile; rel: string; isDir: boolean }[] } {
  const pattern = clean(source);
  const out: { file: ContextFile; rel: string; isDir: boolean }[] = [];
  if (pattern === '') {
    for (const file of context) out.push({ file, rel: file.path, isDir: true });
    return { files: out };
  }
  const segments = pattern.split('/');
  const matchers = segments.map(segmentRegExp);
  for (const file of context) {
    const parts = file.path.split('/');
    if (parts.length < segments.length) continue;
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) ok = matchers[i]!.test(parts[i]!);
    if (!ok) continue;
    if (parts.length === segments.length) out.push({ file, rel: parts[parts.length - 1]!, isDir: false });
    else out.push({ file, rel: parts.slice(segments.length).join('/'), isDir: true });
  }
  return { files: out };
}
