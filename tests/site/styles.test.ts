import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

// A missing brace does not fail the build: the browser drops every rule after it. Parse each
// stylesheet strictly, so a bad merge or edit is caught here rather than by a learner.
describe('stylesheets', () => {
  const dir = 'src/styles';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
    it(`${file} parses with every block closed`, () => {
      const css = readFileSync(join(dir, file), 'utf8');
      expect(() => postcss.parse(css, { from: join(dir, file) })).not.toThrow();
    });

    // The stylesheets do not use CSS nesting, so a rule inside a rule means a block lost its `}`
    // (browsers would read the rest as nested selectors and apply none of it where meant).
    it(`${file} has no rule nested in another`, () => {
      const nested: string[] = [];
      postcss.parse(readFileSync(join(dir, file), 'utf8')).walkRules((rule) => {
        if (rule.parent?.type === 'rule') nested.push(`${rule.selector} (line ${rule.source?.start?.line})`);
      });
      expect(nested).toEqual([]);
    });
  }
});
