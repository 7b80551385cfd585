import { describe, expect, it } from 'vitest';
import { noZypperDistUpgrade as rule } from '../../../../src/engine/rules/catalog/packages/no-zypper-dist-upgrade.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither } from './hadolint.ts';

describe('no-zypper-dist-upgrade (DL3035)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN zypper dist-upgrade');
    catchesBoth(rule, 'RUN zypper dup');
    catchesNeither(rule, 'RUN zypper install -y httpd=2.4.24 && zypper clean');
  });

  it('underlines the command with hadolint\'s message', () => {
    const f = findings(rule, 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n dup\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range.start).toEqual({ line: 2, column: 23 });
    expect(f[0]!.message).toBe('Do not use `zypper dist-upgrade`.');
  });
});
