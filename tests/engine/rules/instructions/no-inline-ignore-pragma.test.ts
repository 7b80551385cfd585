import { describe, expect, it } from 'vitest';
import { noInlineIgnorePragma as rule } from '../../../../src/engine/rules/catalog/instructions/no-inline-ignore-pragma.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-inline-ignore-pragma (DL1001)', () => {
  it('flags an inline ignore pragma (hadolint spec)', () => {
    expect(flaggedLines(rule, '# hadolint ignore=DL3003\nRUN foo bar\n')).toEqual([1]);
    expect(findings(rule, '# hadolint ignore=DL3003\nRUN foo bar\n')[0]!.message).toBe(
      'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
    );
  });

  it('does not flag other pragmas, comments, or files without pragmas (hadolint spec)', () => {
    expect(flaggedLines(rule, '# hadolint shell=powershell\nRUN foo bar\n')).toEqual([]);
    expect(flaggedLines(rule, '# foobar\nRUN foo bar\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nRUN foo bar\n')).toEqual([]);
  });

  it('flags lists of codes and indented pragmas, not the global form', () => {
    expect(flaggedLines(rule, 'FROM debian:12\n  # hadolint ignore=DL3008, DL3015 \nRUN apt-get install -y curl\n')).toEqual([2]);
    expect(flaggedLines(rule, '# hadolint global ignore=DL3008\nFROM debian:12\n')).toEqual([]);
  });

  it('ignores look-alike lines inside a heredoc', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nCOPY <<EOF /etc/x\n# hadolint ignore=DL3008\nEOF\n')).toEqual([]);
  });

  it('underlines the comment', () => {
    const [f] = findings(rule, 'FROM debian:12\n  # hadolint ignore=DL3008\nRUN x\n');
    expect(f!.range).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 27 } });
    expect(f!.severity).toBe('style');
  });
});
