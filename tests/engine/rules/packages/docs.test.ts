import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/engine/parse/index.ts';
import { packagesRules } from '../../../../src/engine/rules/catalog/packages/index.ts';
import { findings } from '../support.ts';

describe('packages rules: documentation and metadata', () => {
  it('has unique kebab-case ids and one hadolint code each, in code order', () => {
    const ids = packagesRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = packagesRules.map((r) => r.aliases.hadolint?.[0] ?? '');
    expect(codes).toEqual([...codes].sort());
    for (const r of packagesRules) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.aliases.hadolint).toHaveLength(1);
      expect(r.aliases.hadolint![0]).toMatch(/^DL[34]\d{3}$/);
      expect(r.docs.rationale.length).toBeGreaterThan(200);
    }
  });

  for (const rule of packagesRules) {
    it(`${rule.id}: the bad example is flagged, the good one is not`, () => {
      expect(parseDockerfile(rule.docs.bad).errors).toEqual([]);
      expect(parseDockerfile(rule.docs.good).errors).toEqual([]);
      expect(findings(rule, rule.docs.bad).length).toBeGreaterThan(0);
      expect(findings(rule, rule.docs.good)).toEqual([]);
    });
  }

  it('never throws on odd input', () => {
    const odd = [
      'RUN',
      'RUN \\\n',
      'FROM\nRUN apt-get install',
      'RUN ["apt-get"',
      'RUN apt-get install "unterminated',
      "RUN pip install 'a",
      'RUN $(',
      'RUN ${',
      'RUN `',
      'RUN echo $((1+',
      'RUN {a,b} && { apt-get install x; }',
      'ONBUILD RUN\nONBUILD',
      'RUN <<EOF\n',
      'RUN apk add -t',
      'RUN useradd -u',
      'RUN gem install -v',
      'RUN apt-get install -t',
      'FROM a AS\nRUN apt-get update',
      'RUN busybox',
      'RUN builtin $x',
    ];
    for (const src of odd) for (const rule of packagesRules) findings(rule, src + '\n');
  });
});
