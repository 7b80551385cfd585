import { describe, expect, it } from 'vitest';
import { labelSchema as rule } from '../../../../src/engine/rules/catalog/instructions/label-schema.ts';
import { isEmail, isRfc3339, isSemver, isUrl } from '../../../../src/engine/rules/catalog/instructions/label-formats.ts';
import type { LabelKind } from '../../../../src/engine/rules/index.ts';
import { findings } from '../support.ts';

const schema = (labelSchema: Record<string, LabelKind>, strictLabels = false) => ({ config: { options: { labelSchema, strictLabels } } });

/** The hadolint codes reported, in order. */
function codes(source: string, extra = {}): string[] {
  return findings(rule, source, extra).map((f) => f.message.slice(0, 6));
}

function count(code: string, source: string, extra = {}): number {
  return codes(source, extra).filter((c) => c === code).length;
}

describe('label-schema (DL3048–DL3058)', () => {
  describe('DL3048: invalid label key (no schema needed)', () => {
    it('flags reserved namespaces, bad characters, bad ends and doubled separators (hadolint spec)', () => {
      for (const src of [
        'LABEL com.docker.label="foo"',
        'LABEL io.docker.label="foo"',
        'LABEL org.dockerproject.label="foo"',
        'LABEL invalid$character="foo"',
        'LABEL .invalid="foo"',
        'LABEL -invalid="foo"',
        'LABEL 1invalid="foo"',
        'LABEL invalid..character="foo"',
        'LABEL invalid--character="foo"',
        'LABEL Maintainer="foo"',
        'LABEL invalid-="foo"',
      ]) {
        expect(codes(`${src}\n`), src).toEqual(['DL3048']);
      }
      expect(findings(rule, 'LABEL Foo=bar\n')[0]!.message).toBe('DL3048: Invalid label key.');
      // The spec's plain checks put a space before `=`.
      for (const src of ['LABEL .invalid ="foo"', 'LABEL -invalid ="foo"', 'LABEL 1invalid ="foo"']) {
        expect(codes(`${src}\n`), src).toContain('DL3048');
      }
    });

    it('accepts valid keys, quoted keys and ONBUILD labels (hadolint spec)', () => {
      expect(codes('LABEL org.valid-key.label3="foo"\n')).toEqual([]);
      expect(codes('LABEL validlabel="foo"\n')).toEqual([]);
      expect(codes('LABEL "org.opencontainers.image.title"="app" a=1\n')).toEqual([]);
      expect(codes('FROM a:1\nONBUILD LABEL Bad=1\n')).toEqual(['DL3048']);
    });

    it('reports once per instruction, on the first bad key', () => {
      const f = findings(rule, 'LABEL ok=1 Bad=2 Worse=3\n');
      expect(f).toHaveLength(1);
      expect(f[0]!.range).toEqual({ start: { line: 1, column: 12 }, end: { line: 1, column: 15 } });
    });
  });

  describe('DL3049: missing label (hadolint spec)', () => {
    const foo = schema({ foo: 'text' });
    it('single stage', () => {
      expect(count('DL3049', 'FROM baseimage\n', foo)).toBe(1);
      expect(count('DL3049', 'FROM baseimage\nLABEL bar="baz"\n', foo)).toBe(1);
      expect(count('DL3049', 'FROM baseimage\nLABEL foo="bar"\n', foo)).toBe(0);
      expect(findings(rule, 'FROM baseimage\n', foo)[0]!.message).toBe('DL3049: Label `foo` is missing.');
    });
    it('multiple stages', () => {
      const cases: [string[], number][] = [
        [['FROM stage1', 'FROM stage2'], 2],
        [['FROM stage1', 'LABEL bar="baz"', 'FROM stage2', 'LABEL buzz="fuzz"'], 2],
        [['FROM baseimage', 'LABEL foo="bar"', 'FROM newimage'], 1],
        [['FROM baseimage', 'FROM newimage', 'LABEL foo="bar"'], 1],
        [['FROM baseimage', 'LABEL baz="bar"', 'FROM newimage', 'LABEL foo="bar"'], 1],
        [['FROM baseimage as base', 'FROM base'], 2],
        [['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"'], 0],
        [['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz'], 0],
        [['FROM baseimage as base', 'FROM anotherimage', 'LABEL foo="bar"'], 1],
        [['FROM baseimage as base', 'LABEL foo="bar"', 'FROM base'], 0],
        [['FROM baseimage as base', 'FROM newimage', 'LABEL foo="bar"', 'COPY --from=base /bar /baz', '', 'FROM newimage', 'COPY --from=base /bar /baz'], 1],
        [['FROM baseimage as base', 'FROM base', 'LABEL foo="bar"', '', 'FROM base'], 1],
        [['FROM baseimage as base', 'FROM base', '', 'FROM base', 'LABEL foo="bar"'], 1],
      ];
      for (const [lines, n] of cases) expect(count('DL3049', `${lines.join('\n')}\n`, foo), lines.join(' / ')).toBe(n);
    });
  });

  describe('DL3050: superfluous labels with strictLabels (hadolint spec)', () => {
    const strict = schema({ required: 'text' }, true);
    it('flags labels outside the schema', () => {
      expect(count('DL3050', '', strict)).toBe(0);
      expect(count('DL3050', 'LABEL required="foo"\n', strict)).toBe(0);
      expect(count('DL3050', 'LABEL required="bar"\n', strict)).toBe(0);
      expect(count('DL3050', 'LABEL other="bar"\n', strict)).toBe(1);
      expect(count('DL3050', 'LABEL required="foo" other="bar"\n', strict)).toBe(1);
      expect(count('DL3050', 'LABEL other="bar"\n', schema({ required: 'text' }))).toBe(0);
      expect(findings(rule, 'LABEL other="bar"\n', strict).find((f) => f.message.startsWith('DL3050'))!.message).toBe(
        'DL3050: Superfluous label(s) present.',
      );
    });
  });

  describe('DL3051–DL3058: values (hadolint spec)', () => {
    const cases: [LabelKind, string, string, string, string][] = [
      ['text', 'DL3051', 'emptylabel', '""', '"foo"'],
      ['url', 'DL3052', 'urllabel', '"not-url"', '"http://example.com"'],
      ['rfc3339', 'DL3053', 'datelabel', '"not-date"', '"2021-03-10T10:26:33.564595127+01:00"'],
      ['spdx', 'DL3054', 'spdxlabel', '"not-spdx"', '"BSD-3-Clause"'],
      ['hash', 'DL3055', 'githash', '"not-git-hash"', '"2dbfae9"'],
      ['semver', 'DL3056', 'semver', '"not-sem-ver"', '"2.0.1-rc1"'],
      ['email', 'DL3058', 'maintainer', '"not-email"', '"abcd@google.com"'],
    ];
    for (const [kind, code, key, bad, good] of cases) {
      it(`${code} (${kind})`, () => {
        const s = schema({ [key]: kind });
        expect(codes(`LABEL ${key}=${bad}\n`, s)).toContain(code);
        expect(codes(`LABEL ${key}=${good}\n`, s)).toEqual([]);
        expect(codes('LABEL other="foo"\n', s)).toEqual([]);
        expect(codes(`FROM a:1\nONBUILD LABEL ${key}=${bad}\nLABEL ${key}=${good}\n`, s)).toContain(code);
      });
    }

    it('every spec case, exactly as written', () => {
      const spec: [LabelKind, string, string, string[]][] = [
        ['text', 'DL3051', 'LABEL emptylabel=""', ['LABEL emptylabel="foo"', 'LABEL emptylabel="bar"', 'LABEL other=""']],
        ['url', 'DL3052', 'LABEL urllabel="not-url"', ['LABEL urllabel="http://example.com"', 'LABEL other="foo"', 'LABEL other="bar"']],
        [
          'rfc3339',
          'DL3053',
          'LABEL datelabel="not-date"',
          ['LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"', 'LABEL other="doo"', 'LABEL other="bar"'],
        ],
        ['spdx', 'DL3054', 'LABEL spdxlabel="not-spdx"', ['LABEL spdxlabel="BSD-3-Clause"', 'LABEL spdxlabel="MIT"', 'LABEL other="fooo"', 'LABEL other="bar"']],
        [
          'hash',
          'DL3055',
          'LABEL githash="not-git-hash"',
          ['LABEL githash="2dbfae9"', 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"', 'LABEL other="foo"', 'LABEL other="bar"'],
        ],
        ['semver', 'DL3056', 'LABEL semver="not-sem-ver"', ['LABEL semver="1.0.0"', 'LABEL semver="2.0.1-rc1"', 'LABEL other="foo"', 'LABEL other="bar"']],
        ['email', 'DL3058', 'LABEL maintainer="not-email"', ['LABEL maintainer="abcd@google.com"', 'LABEL other="doo"', 'LABEL other="bar"']],
      ];
      for (const [kind, code, bad, goods] of spec) {
        const key = /LABEL (\w+)=/.exec(bad)![1]!;
        const s = schema({ [key]: kind });
        expect(codes(`${bad}\n`, s), bad).toEqual([code]);
        for (const good of goods) expect(codes(`${good}\n`, s), good).toEqual([]);
      }
    });

    it('uses the label name and hadolint text in messages, and underlines the value', () => {
      const s = schema({ 'org.opencontainers.image.url': 'url', empty: 'text' });
      const [f] = findings(rule, 'FROM a:1\nLABEL org.opencontainers.image.url="see README"\n', s).filter((x) => x.message.startsWith('DL3052'));
      expect(f!.message).toBe('DL3052: Label `org.opencontainers.image.url` is not a valid URL.');
      expect(f!.range).toEqual({ start: { line: 2, column: 36 }, end: { line: 2, column: 48 } });
      expect(findings(rule, 'FROM a:1\nLABEL empty=""\n', s).map((x) => x.message)).toContain('DL3051: label `empty` is empty.');
    });

    it('does not judge values given by a variable', () => {
      const s = schema({ version: 'semver' });
      expect(codes('FROM a:1\nARG VERSION\nLABEL version=$VERSION\n', s)).toEqual([]);
    });
  });

  describe('formats', () => {
    it('URLs', () => {
      for (const ok of ['http://example.com', 'https://example.com:8443/a/b?c=d#e', 'mailto:a@b.c', 'urn:isbn:123', 'http://[::1]/', 'file:///etc']) {
        expect(isUrl(ok), ok).toBe(true);
      }
      for (const bad of ['not-url', 'example.com', '/path', 'http://exa mple.com', 'http://host:port/', '', 'http://a/%zz']) {
        expect(isUrl(bad), bad).toBe(false);
      }
    });
    it('RFC 3339 times', () => {
      for (const ok of ['2021-03-10T10:26:33.564595127+01:00', '2024-02-29T00:00:00Z', '2024-01-01t12:00:00z']) expect(isRfc3339(ok), ok).toBe(true);
      for (const bad of ['not-date', '2024-01-01', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z']) {
        expect(isRfc3339(bad), bad).toBe(false);
      }
    });
    it('semantic versions', () => {
      for (const ok of ['1.0.0', '2.0.1-rc1', '1.0.0-alpha.1+build.5']) expect(isSemver(ok), ok).toBe(true);
      for (const bad of ['not-sem-ver', 'v1.0.0', '1.0', '01.0.0']) expect(isSemver(bad), bad).toBe(false);
    });
    it('email addresses', () => {
      for (const ok of ['abcd@google.com', 'first.last+tag@sub.example.org', '"john doe"@example.com']) expect(isEmail(ok), ok).toBe(true);
      for (const bad of ['not-email', 'a@', '@b.c', 'John <john@example.com>', 'a..b@c.d']) expect(isEmail(bad), bad).toBe(false);
    });
  });
});
