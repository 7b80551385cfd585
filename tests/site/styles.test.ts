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
  }
});
