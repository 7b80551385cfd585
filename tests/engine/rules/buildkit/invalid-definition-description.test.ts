import { describe, expect, it } from 'vitest';
import { invalidDefinitionDescription as rule } from '../../../../src/engine/rules/catalog/buildkit/invalid-definition-description.ts';
import { expectFixed, findings } from '../support.ts';

const ON = '# check=experimental=InvalidDefinitionDescription\n';
const messages = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.message]);

describe('invalid-definition-description (InvalidDefinitionDescription)', () => {
  it('BuildKit: testDefinitionDescription (dockerfile_lint_test.go)', () => {
    const src = `${ON}# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n`;
    expect(messages(src)).toEqual([
      [3, 'Comment for ARG should follow the format: `# foo <description>`'],
      [5, 'Comment for FROM should follow the format: `# base <description>`'],
      [7, 'Comment for ARG should follow the format: `# version <description>`'],
      [9, 'Comment for ARG should follow the format: `# <arg_key> <description>`'],
    ]);
  });

  it('BuildKit: accepts descriptions that start with the name, and any of an ARG’s keys', () => {
    const src = `${ON}# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n# version this is the version number\nARG version=latest\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n`;
    expect(messages(src)).toEqual([]);
  });

  it('is experimental: silent unless the check options enable it', () => {
    expect(messages('# not a description\nARG foo=bar\nFROM scratch\n')).toEqual([]);
    expect(messages('# check=experimental=all\n# not a description\nARG foo=bar\nFROM scratch\n')).toHaveLength(1);
  });

  it('reads only the last comment BuildKit attaches, back to an empty # line', () => {
    // The description is the last comment line; earlier ones do not count.
    expect(messages(`${ON}FROM scratch\n# version the version\n# more words\nARG version\n`)).toHaveLength(1);
    expect(messages(`${ON}FROM scratch\n# more words\n# version the version\nARG version\n`)).toEqual([]);
    // An empty `#` clears the comments; blank lines do not (BuildKit's parser skips them).
    expect(messages(`${ON}FROM scratch\n# a remark\n#\nARG version\n`)).toEqual([]);
    expect(messages(`${ON}FROM scratch\n# a remark\n\nARG version\n`)).toHaveLength(1);
    // BuildKit trims the comment after dropping the line's first byte: an indented `#` is "#".
    expect(messages(`${ON}FROM scratch\n# a remark\n  #\nARG version\n`)).toHaveLength(1);
  });

  it('compares the first word up to a space, exactly; stage names in lower case', () => {
    expect(messages(`${ON}FROM scratch\n# Version the version\nARG version\n`)).toHaveLength(1);
    expect(messages(`${ON}FROM scratch\n# version\tthe version\nARG version\n`)).toHaveLength(1);
    expect(messages(`${ON}FROM scratch\n#version: the version\nARG version\n`)).toHaveLength(1);
    expect(messages(`${ON}# build compiles\nFROM scratch AS Build\n`)).toEqual([]);
    // A FROM without AS names nothing, and other instructions are never checked.
    expect(messages(`${ON}# the base\nFROM scratch\n# a remark\nRUN true\n`)).toEqual([]);
  });

  it('leaves out the file’s parser directives, and instructions BuildKit rejects', () => {
    expect(messages(`# syntax=docker/dockerfile:1\n${ON}ARG foo=bar\nFROM scratch\n`)).toEqual([]);
    expect(messages(`${ON}FROM scratch\n# a remark\nFROM scratch AS\n`)).toEqual([]);
  });

  it('honours # check=skip above the instruction', () => {
    expect(messages(`${ON}FROM scratch\n# check=skip=InvalidDefinitionDescription\nARG version\n`)).toEqual([]);
  });

  it('fixes by separating the comment with an empty # line', () => {
    expectFixed(rule, `${ON}FROM scratch\n# a remark\nARG version\n`, `${ON}FROM scratch\n# a remark\n#\nARG version\n`);
    expectFixed(rule, `${ON}FROM scratch AS a\n  # a remark\n  FROM a AS b\n`, `${ON}FROM scratch AS a\n  # a remark\n#\n  FROM a AS b\n`);
  });
});
