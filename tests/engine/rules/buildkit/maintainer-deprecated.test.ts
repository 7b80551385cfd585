import { describe, expect, it } from 'vitest';
import { maintainerDeprecated as rule } from '../../../../src/engine/rules/catalog/buildkit/maintainer-deprecated.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('maintainer-deprecated (DL4000, MaintainerDeprecated)', () => {
  it('flags MAINTAINER with BuildKit’s message', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nMAINTAINER me@example.org\n')).toEqual([3]);
    expect(findings(rule, '\nFROM scratch\nMAINTAINER me@example.org\n')[0]!.message).toBe(
      'Maintainer instruction is deprecated in favor of using label',
    );
  });

  it('hadolint: has deprecated maintainer, also before FROM', () => {
    expect(flaggedLines(rule, 'FROM busybox\nMAINTAINER hudu@mail.com\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian\nMAINTAINER Lukas\n')).toEqual([2]);
    expect(flaggedLines(rule, 'MAINTAINER Lukas\nFROM DEBIAN\n')).toEqual([1]);
  });

  it('hadolint: has no maintainer', () => {
    expect(flaggedLines(rule, 'FROM debian\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n')).toEqual([]);
  });

  it('honours # check=skip above the instruction and hadolint ignore', () => {
    expect(flaggedLines(rule, '\nFROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n# hadolint ignore=DL4000\nMAINTAINER me@example.org\n')).toEqual([]);
    // An empty comment line ends the comment block BuildKit reads.
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=MaintainerDeprecated\n#\nMAINTAINER me@example.org\n')).toEqual([4]);
  });

  it('reports the warning before a parse error, as BuildKit does', () => {
    expect(flaggedLines(rule, '\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\nBADCMD\n')).toEqual([3]);
  });

  // Needs a shared decision (see undefined-arg-in-from): where BuildKit stops, findings after it
  // would be hadolint's alone.
  it('BuildKit: no check after the instruction instructions.Parse rejects, none on a parser error', () => {
    // instructions.Parse returns at the first error: an unknown instruction, or (CurrentStage) any
    // but ARG before the first FROM; a parser.Parse error (`ENV a`) comes before every check.
    const tools = (src: string) => findings(rule, src).map((f) => [f.range.start.line, f.aliases]);
    expect(tools('FROM scratch\nBADCMD\nMAINTAINER x\n')).toEqual([[3, ['DL4000']]]);
    expect(tools('MAINTAINER a\nFROM scratch\nMAINTAINER b\n')).toEqual([[1, ['DL4000', 'MaintainerDeprecated']], [3, ['DL4000']]]);
    expect(tools('FROM scratch\nMAINTAINER b\nENV a\n')).toEqual([[2, ['DL4000']]]);
  });

  it('rewrites it as the OCI authors label, keeping the text literal', () => {
    expectFixed(
      rule,
      'FROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n',
      'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    );
    expectFixed(rule, 'FROM alpine\nMAINTAINER "J" $HOME\n', 'FROM alpine\nLABEL org.opencontainers.image.authors="\\"J\\" \\$HOME"\n');
    expectFixed(rule, 'from alpine\nmaintainer me\n', 'from alpine\nlabel org.opencontainers.image.authors="me"\n');
  });
});
