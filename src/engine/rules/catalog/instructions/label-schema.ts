import type { EnvInstruction, FromInstruction, KeyValue } from '../../../parse/types.ts';
import type { LabelKind, Rule, RuleContext } from '../../types.ts';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdx, isUrl } from './label-formats.ts';
import { hasVariable, imageRange, parseImageRef, keywordCount, unquote, visit } from './support.ts';

/** hadolint's DL3048: lower-case letters, digits, `.` and `-`; no reserved namespace; no `..` or `--`. */
function isValidKey(key: string): boolean {
  return (
    /^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/.test(key) &&
    !key.startsWith('com.docker.') &&
    !key.startsWith('io.docker.') &&
    !key.startsWith('org.dockerproject.') &&
    !key.includes('..') &&
    !key.includes('--')
  );
}

/** The per-format checks: code, test, and the message after the label name. */
const FORMATS: Partial<Record<LabelKind, { code: string; valid: (v: string) => boolean; says: string }>> = {
  url: { code: 'DL3052', valid: isUrl, says: 'is not a valid URL.' },
  rfc3339: { code: 'DL3053', valid: isRfc3339, says: 'is not a valid time format - must be conform to RFC3339.' },
  spdx: { code: 'DL3054', valid: isSpdx, says: 'is not a valid SPDX identifier.' },
  hash: { code: 'DL3055', valid: isGitHash, says: 'is not a valid git hash.' },
  semver: { code: 'DL3056', valid: isSemver, says: 'does not conform to semantic versioning.' },
  email: { code: 'DL3058', valid: isEmail, says: 'is not a valid email format - must conform to RFC5322.' },
};

interface StageRecord {
  from: FromInstruction;
  alias: string | null;
  image: string;
}

/**
 * DL3049, as hadolint tracks it: a stage is missing the label unless it sets it or builds on a
 * stage that did; a stage whose label-less state is only used by a stage that sets the label
 * (through `FROM` or `COPY --from`) is not reported.
 */
function missingLabel(ctx: RuleContext, label: string, keyOf: (pair: KeyValue) => string): void {
  const good = new Set<StageRecord>();
  const bad = new Set<StageRecord>();
  let current: StageRecord | null = null;
  const silence = (name: string) => {
    for (const s of [...bad]) if (s.alias === name) bad.delete(s);
  };
  for (const { instruction } of visit(ctx, false)) {
    if (instruction.keyword === 'FROM') {
      const rec: StageRecord = {
        from: instruction,
        alias: instruction.stageName,
        image: parseImageRef(instruction.image.toLowerCase()).path,
      };
      if ([...good].some((g) => g.alias === rec.image)) good.add(rec);
      else bad.add(rec);
      current = rec;
    } else if (instruction.keyword === 'COPY' && instruction.from !== null && current) {
      silence(instruction.from.toLowerCase());
    } else if (instruction.keyword === 'LABEL' && current && instruction.pairs.some((p) => keyOf(p) === label)) {
      silence(current.alias ?? current.image);
      bad.delete(current);
      good.add(current);
    }
  }
  for (const s of bad) ctx.report({ range: imageRange(s.from), message: `DL3049: Label \`${label}\` is missing.` });
}

export const labelSchema: Rule = {
  id: 'label-schema',
  title: 'Use valid label keys, and the labels and formats of the label schema',
  severity: 'info',
  category: 'maintainability',
  aliases: { hadolint: ['DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  docs: {
    rationale: `Labels are how registries, scanners and deployment tools learn where an image comes from: \`org.opencontainers.image.source\` links it to its repository, \`.revision\` to the commit, \`.licenses\` to its license. They only help if they are present and well-formed: a \`source\` that is not a URL, a \`created\` date in some local format or a license that is not an SPDX identifier is silently ignored by the tools that read it.

Label keys should be lower-case reverse-DNS names (\`org.example.team\`): only \`a-z\`, \`0-9\`, \`.\` and \`-\`, starting with a letter, without \`..\` or \`--\`, and outside Docker's reserved namespaces \`com.docker.\`, \`io.docker.\` and \`org.dockerproject.\` (hadolint's DL3048, checked always).

With the \`labelSchema\` option, a map from label key to kind (\`text\`, \`url\`, \`spdx\`, \`hash\`, \`rfc3339\`, \`semver\`, \`email\`), the rule also reports every stage that does not set a required label (DL3049: a stage that builds on one that set it inherits it), empty values (DL3051) and values not in their format: URL (DL3052), RFC 3339 time (DL3053), SPDX license id (DL3054), git hash (DL3055), semantic version (DL3056), email address (DL3058). With \`strictLabels\`, labels outside the schema are reported too (DL3050). Values given by a variable are only known at build time and are not checked. Each message starts with the hadolint code it corresponds to.`,
    bad: 'FROM node:22-slim\nLABEL Maintainer="ops@example.com" com.docker.extension.api-version="1.0"\n',
    good: 'FROM node:22-slim\nLABEL org.opencontainers.image.authors="ops@example.com" org.example.extension.api-version="1.0"\n',
  },
  check(ctx) {
    const schema = ctx.options.labelSchema ?? {};
    const required = Object.keys(schema);
    // Without a LABEL, only a required label (DL3049) can be missing.
    if (required.length === 0 && keywordCount(ctx, 'LABEL') === 0) return;
    const strict = ctx.options.strictLabels === true;
    const escape = ctx.parsed.escapeCharacter;
    const keyOf = (pair: KeyValue) => unquote(pair.key, escape);

    for (const { instruction } of visit(ctx, true)) {
      if (instruction.keyword !== 'LABEL') continue;
      const label = instruction as EnvInstruction;
      const badKey = label.pairs.find((p) => !isValidKey(keyOf(p)));
      if (badKey) ctx.report({ range: badKey.keyRange, message: 'DL3048: Invalid label key.' });
      if (strict) {
        const extra = label.pairs.find((p) => !Object.hasOwn(schema, keyOf(p)));
        if (extra) ctx.report({ range: extra.keyRange, message: 'DL3050: Superfluous label(s) present.' });
      }
      for (const pair of label.pairs) {
        const key = keyOf(pair);
        if (!Object.hasOwn(schema, key) || hasVariable(pair.value)) continue;
        const value = unquote(pair.value, escape);
        if (value === '') ctx.report({ range: pair.valueRange, message: `DL3051: label \`${key}\` is empty.` });
        const format = FORMATS[schema[key]!];
        if (format && !format.valid(value)) {
          ctx.report({ range: pair.valueRange, message: `${format.code}: Label \`${key}\` ${format.says}` });
        }
      }
    }
    for (const label of required) missingLabel(ctx, label, keyOf);
  },
};
