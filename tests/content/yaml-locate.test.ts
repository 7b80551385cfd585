import { describe, expect, it } from 'vitest';
import { locateYamlPath } from '../../src/content-loaders/yaml-locate.ts';

const doc = `# comment
title: A
objectives:
  - id: one
    check: { kind: rule }
    hints:
      - first
      - second
  - id: two
    check:
      kind: stages
items:
- a
- b
`;

describe('locateYamlPath', () => {
  it('follows keys and items by indentation', () => {
    expect(locateYamlPath(doc, ['title'])).toEqual({ line: 2, column: 1 });
    expect(locateYamlPath(doc, ['objectives', 0, 'id'])).toEqual({ line: 4, column: 5 });
    expect(locateYamlPath(doc, ['objectives', 0, 'hints', 1])).toEqual({ line: 8, column: 7 });
    expect(locateYamlPath(doc, ['objectives', 1, 'check', 'kind'])).toEqual({ line: 11, column: 7 });
    expect(locateYamlPath(doc, ['items', 1])).toEqual({ line: 14, column: 1 });
  });
  it('stops at a flow collection, and at the deepest key found', () => {
    expect(locateYamlPath(doc, ['objectives', 0, 'check', 'kind'])).toEqual({ line: 5, column: 5 });
    expect(locateYamlPath(doc, ['objectives', 1, 'missing'])).toEqual({ line: 9, column: 3 });
    expect(locateYamlPath(doc, ['nothing'])).toBeNull();
  });
});
