import { describe, expect, it } from 'vitest';
import { aptAssumeYes as rule } from '../../../../src/engine/rules/catalog/packages/apt-assume-yes.ts';
import { expectFixed, findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('apt-assume-yes (DL3014)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN apt-get install python');
    catchesBoth(rule, 'RUN apt-get install -q python');
    catchesBoth(rule, 'RUN apt-get install --quiet python');
    catchesNeither(rule, 'RUN apt-get install -yq python');
    catchesNeither(rule, 'RUN apt-get install -y python');
    catchesNeither(rule, 'RUN apt-get -y install python');
    catchesNeither(rule, 'RUN apt-get --yes install python');
    catchesNeither(rule, 'RUN apt-get --assume-yes install python');
    catchesNeither(rule, 'RUN apt-get install -qq python');
    catchesNeither(rule, 'RUN apt-get install -q -q python');
    catchesNeither(rule, 'RUN apt-get install -q=2 python');
    catchesNeither(rule, 'RUN apt-get install --quiet --quiet python');
  });

  it('only looks at apt-get install', () => {
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get update && apt-get remove python3');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt install python3');
  });

  it('reports once per RUN with hadolint\'s message', () => {
    const f = findings(rule, 'FROM debian:12\nRUN apt-get install a && apt-get install b\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('Use the `-y` switch to avoid manual input `apt-get -y install <package>`');
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 22 } });
  });

  it('adds -y after install, in every command of the RUN', () => {
    expectFixed(rule, 'FROM debian:12\nRUN apt-get update && apt-get install curl\n', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
    expectFixed(
      rule,
      'FROM debian:12\nRUN apt-get install a \\\n && apt-get --no-install-recommends install b\n',
      'FROM debian:12\nRUN apt-get install -y a \\\n && apt-get --no-install-recommends install -y b\n',
    );
    expectFixed(rule, 'FROM debian:12\nONBUILD RUN apt-get install curl\n', 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n');
    expectFixed(rule, 'FROM debian:12\nRUN <<EOF\nset -e\napt-get install curl\nEOF\n', 'FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n');
    expect(findings(rule, 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n')[0]!.fix).toBeUndefined();
  });
});
