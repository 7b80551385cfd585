/**
 * Where a value sits in a YAML document, found from its path (["objectives", 3, "check", "kind"]),
 * so that schema errors point at a line as syntax errors do. Follows block mappings and block
 * sequences by indentation; a flow collection (`check: { kind: x }`) ends the walk at the line
 * holding it, which is still the right line. Returns the deepest position reached, or null.
 */
export interface YamlPosition {
  /** 1-based. */
  line: number;
  column: number;
}

interface Line {
  /** 0-based line number in the document. */
  index: number;
  indent: number;
  text: string;
}

function contentLines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    out.push({ index, indent: raw.length - trimmed.length, text: trimmed });
  });
  return out;
}

function keyOf(text: string): string | null {
  const match = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:(\s|$)/.exec(text);
  return match ? match[1]!.replace(/^["']|["']$/g, '') : null;
}

export function locateYamlPath(text: string, path: readonly (string | number)[]): YamlPosition | null {
  const lines = contentLines(text);
  // The lines of the current value: [from, to).
  let from = 0;
  let to = lines.length;
  let found: YamlPosition | null = null;
  for (const step of path) {
    if (from >= to) return found;
    const indent = lines[from]!.indent;
    let hit = -1;
    if (typeof step === 'number') {
      let count = -1;
      for (let i = from; i < to && hit < 0; i++) {
        const l = lines[i]!;
        if (l.indent === indent && l.text.startsWith('-') && ++count === step) hit = i;
      }
      if (hit < 0) return found;
      const item = lines[hit]!;
      found = { line: item.index + 1, column: item.indent + 1 };
      let end = hit + 1;
      while (end < to && lines[end]!.indent > item.indent) end++;
      // The item's content starts on its own line ("- id: x"): read it as a line of its own.
      const rest = item.text.slice(1).trimStart();
      if (rest === '') {
        from = hit + 1;
      } else {
        lines[hit] = { index: item.index, indent: item.indent + (item.text.length - rest.length), text: rest };
        from = hit;
      }
      to = end;
    } else {
      for (let i = from; i < to && hit < 0; i++) {
        const l = lines[i]!;
        if (l.indent === indent && keyOf(l.text) === step) hit = i;
      }
      if (hit < 0) return found;
      const key = lines[hit]!;
      found = { line: key.index + 1, column: key.indent + 1 };
      let end = hit + 1;
      while (end < to && lines[end]!.indent > key.indent) end++;
      // A sequence under a key may sit at the key's own indentation ("items:\n- a").
      while (end < to && lines[end]!.indent === key.indent && lines[end]!.text.startsWith('-')) end++;
      from = hit + 1;
      to = end;
    }
  }
  return found;
}
