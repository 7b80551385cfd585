const SECTIONS = [
  ['feat', 'Features'],
  ['fix', 'Fixes'],
  ['perf', 'Performance'],
  ['docs', 'Documentation'],
];

/** Groups Conventional Commit subjects ("fix(api): ...") into Markdown release notes. */
export function releaseNotes(version, subjects) {
  const out = [`## ${version}`];
  for (const [type, title] of SECTIONS) {
    const items = subjects
      .map((s) => /^(\w+)(?:\(([^)]+)\))?!?: (.+)$/.exec(s))
      .filter((m) => m && m[1] === type)
      .map((m) => `- ${m[2] ? `**${m[2]}:** ` : ''}${m[3]}`);
    if (items.length > 0) out.push('', `### ${title}`, ...items);
  }
  return out.join('\n');
}
