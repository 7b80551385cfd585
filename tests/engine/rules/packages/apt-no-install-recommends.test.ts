import { describe, expect, it } from 'vitest';
import { aptNoInstallRecommends as rule } from '../../../../src/engine/rules/catalog/packages/apt-no-install-recommends.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('apt-no-install-recommends (DL3015)', () => {
  it('hadolint spec', () => {
    catchesNeither(rule, 'RUN apt-get install --no-install-recommends python');
    catchesBoth(rule, 'RUN apt-get install python');
    catchesBoth(rule, 'RUN apt-get -y install python');
    catchesNeither(rule, 'RUN apt-get -o APT::Install-Recommends=false install python');
  });

  it('ignores other apt-get subcommands and apt', () => {
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt install -y curl');
  });

  it('is info, once per RUN, on the command', () => {
    const f = findings(rule, 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.range.start).toEqual({ line: 3, column: 5 });
    expect(f[0]!.message).toBe('Avoid additional packages by specifying `--no-install-recommends`');
  });

  it('adds --no-install-recommends after install', () => {
    expectFixed(
      rule,
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get -y install git\n',
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && apt-get -y install --no-install-recommends git\n',
    );
    expectFixed(rule, 'FROM debian:12\nRUN apt-get install -y \\\n  curl\n', 'FROM debian:12\nRUN apt-get install --no-install-recommends -y \\\n  curl\n');
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n')).toEqual([]);
    expect(flaggedLines(rule, '# hadolint global ignore=DL3015\nFROM debian:12\nRUN apt-get install -y curl\n')).toEqual([]);
  });
});
