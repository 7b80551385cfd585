/**
 * Output formats of `layerwise lint`: text, the JSON contract, SARIF 2.1.0 (GitHub code
 * scanning) and GitHub Actions workflow commands. Pure functions over findings.
 */
import type { Finding, Rule, Severity } from './types.ts';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, style: 0 };

export function meetsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** `FILE:LINE:COL severity id message`, one per line. */
export function formatText(file: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => `${file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.rule} ${f.message}\n`)
    .join('');
}

export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    aliases: f.aliases,
    severity: f.severity,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    message: f.message,
    ...(f.fix
      ? {
          fix: {
            title: f.fix.title,
            edits: f.fix.edits.map((e) => ({
              line: e.range.start.line,
              column: e.range.start.column,
              endLine: e.range.end.line,
              endColumn: e.range.end.column,
              text: e.text,
            })),
          },
        }
      : {}),
  };
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

function firstParagraph(markdown: string): string {
  return markdown.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
}

/** A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it. */
export function toSarif(
  file: string,
  findings: readonly Finding[],
  rules: readonly Rule[],
  tool: { version: string; rulesUri?: (id: string) => string },
) {
  const used = rules.filter((r) => findings.some((f) => f.rule === r.id));
  const index = new Map(used.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'layerwise',
            version: tool.version,
            rules: used.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: firstParagraph(r.docs.rationale) },
              help: { text: r.docs.rationale, markdown: r.docs.rationale },
              ...(tool.rulesUri ? { helpUri: tool.rulesUri(r.id) } : {}),
              // SARIF's `enabled: false` says the rule is off unless configured (hadolint's "ignore").
              defaultConfiguration: { level: SARIF_LEVEL[r.severity], ...(r.defaultOff ? { enabled: false } : {}) },
              properties: {
                tags: [r.category, ...(r.aliases.hadolint ?? []), ...(r.aliases.buildkit ? [r.aliases.buildkit] : [])],
              },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) ?? 0,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file.replace(/\\/g, '/').replace(/^\.\//, '') },
                region: {
                  startLine: f.range.start.line,
                  startColumn: f.range.start.column,
                  endLine: f.range.end.line,
                  endColumn: Math.max(f.range.end.column, 1),
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** Escapes data and properties of a GitHub Actions workflow command. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice',
};

/** `::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=id::message` per finding. */
export function formatGithub(file: string, findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.range.start.line}`,
        `col=${f.range.start.column}`,
        `endLine=${f.range.end.line}`,
        `endColumn=${f.range.end.column}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${GITHUB_LEVEL[f.severity]} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');
}
