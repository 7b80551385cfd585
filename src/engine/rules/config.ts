import type { LintConfig, RuleSetting } from './lint.ts';
import { SEVERITIES, type LabelKind, type Rule, type Severity } from './types.ts';

export interface ConfigError {
  line: number;
  column: number;
  message: string;
}

export interface LoadedConfig {
  config: LintConfig;
  /** `failureThreshold` from the file, when set. */
  failureThreshold: Severity | null;
  errors: ConfigError[];
}

const LABEL_KINDS: readonly LabelKind[] = ['text', 'url', 'spdx', 'hash', 'rfc3339', 'semver', 'email'];
const KNOWN_KEYS = ['rules', 'trustedRegistries', 'labelSchema', 'strictLabels', 'failureThreshold', '$schema'];

/** 1-based line and column of a UTF-16 offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Where a JSON key is written (its first occurrence), to point errors at it. */
function keyPosition(text: string, key: string): { line: number; column: number } {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? { line: 1, column: 1 } : positionOf(text, at);
}

/** Node's JSON.parse messages end with "(line L column C)" or mention "at position N". */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return positionOf(text, Number(pos[1]));
  return positionOf(text, text.length);
}

/**
 * Reads `.layerwise.json` (or the `layerwise` object of package.json, passed as `text` of the
 * whole package.json with `key: 'layerwise'`). Every problem is reported with its position;
 * a broken file never throws.
 */
export function parseLintConfig(text: string, rules: readonly Rule[], key?: string): LoadedConfig {
  const result: LoadedConfig = { config: {}, failureThreshold: null, errors: [] };
  const fail = (at: { line: number; column: number }, message: string) => result.errors.push({ ...at, message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    fail(jsonErrorPosition(text, message), `invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`);
    return result;
  }
  if (key !== undefined) {
    if (data === null || typeof data !== 'object' || !(key in data)) return result;
    data = (data as Record<string, unknown>)[key];
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail({ line: 1, column: 1 }, 'the configuration must be a JSON object');
    return result;
  }
  const obj = data as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(k)) fail(keyPosition(text, k), `unknown setting "${k}" (expected one of: ${KNOWN_KEYS.slice(0, -1).join(', ')})`);
  }
  const names = new Set(rules.flatMap((r) => [r.id, ...(r.aliases.hadolint ?? []), ...(r.aliases.buildkit ? [r.aliases.buildkit] : [])]));
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      fail(keyPosition(text, 'rules'), '"rules" must be an object of rule id to "off", "on" or a severity');
    } else {
      const out: Record<string, RuleSetting> = {};
      for (const [name, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!names.has(name)) {
          fail(keyPosition(text, name), `unknown rule "${name}"`);
          continue;
        }
        if (value !== 'off' && value !== 'on' && !SEVERITIES.includes(value as Severity)) {
          fail(keyPosition(text, name), `rule "${name}" must be "off", "on", ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`);
          continue;
        }
        out[name] = value as RuleSetting;
      }
      result.config.rules = out;
    }
  }
  const options: NonNullable<LintConfig['options']> = {};
  if (obj.trustedRegistries !== undefined) {
    if (!Array.isArray(obj.trustedRegistries) || !obj.trustedRegistries.every((r) => typeof r === 'string')) {
      fail(keyPosition(text, 'trustedRegistries'), '"trustedRegistries" must be an array of registry host names');
    } else options.trustedRegistries = obj.trustedRegistries;
  }
  if (obj.labelSchema !== undefined) {
    const schema = obj.labelSchema;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      fail(keyPosition(text, 'labelSchema'), '"labelSchema" must map label names to a kind');
    } else {
      const out: [string, LabelKind][] = [];
      for (const [label, kind] of Object.entries(schema as Record<string, unknown>)) {
        if (!LABEL_KINDS.includes(kind as LabelKind)) {
          fail(keyPosition(text, label), `label "${label}" must be one of ${LABEL_KINDS.join(', ')}`);
        } else out.push([label, kind as LabelKind]);
      }
      // Object.fromEntries keeps a label named `__proto__` as a key, where assigning it would not.
      options.labelSchema = Object.fromEntries(out);
    }
  }
  if (obj.strictLabels !== undefined) {
    if (typeof obj.strictLabels !== 'boolean') fail(keyPosition(text, 'strictLabels'), '"strictLabels" must be true or false');
    else options.strictLabels = obj.strictLabels;
  }
  if (obj.failureThreshold !== undefined) {
    if (!SEVERITIES.includes(obj.failureThreshold as Severity)) {
      fail(keyPosition(text, 'failureThreshold'), `"failureThreshold" must be one of ${SEVERITIES.join(', ')}`);
    } else result.failureThreshold = obj.failureThreshold as Severity;
  }
  result.config.options = options;
  return result;
}
