import { describe, expect, it } from 'vitest';
import { zypperNonInteractive as rule } from '../../../../src/engine/rules/catalog/packages/zypper-non-interactive.ts';
import { expectFixed, findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('zypper-non-interactive (DL3034)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN zypper install httpd=2.4.24 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -n httpd=2.4.24 && zypper clean');
    catchesNeither(rule, 'RUN zypper install --non-interactive httpd=2.4.24 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y httpd=2.4.24 && zypper clean');
    catchesNeither(rule, 'RUN zypper install --no-confirm httpd=2.4.24 && zypper clean');
  });

  it('covers remove, source-install and patch, and the global -n', () => {
    ruleCatches(rule, 'FROM opensuse/leap:15.6\nRUN zypper rm vim');
    ruleCatches(rule, 'FROM opensuse/leap:15.6\nRUN zypper si vim');
    ruleCatches(rule, 'FROM opensuse/leap:15.6\nRUN zypper patch');
    ruleCatchesNot(rule, 'FROM opensuse/leap:15.6\nRUN zypper -n in vim=9.1');
    ruleCatchesNot(rule, 'FROM opensuse/leap:15.6\nRUN zypper refresh');
  });

  it('adds -y after the subcommand', () => {
    expect(findings(rule, 'FROM opensuse/leap:15.6\nRUN zypper in vim\n')[0]!.message).toBe(
      'Non-interactive switch missing from `zypper` command: `zypper install -y`',
    );
    expectFixed(rule, 'FROM opensuse/leap:15.6\nRUN zypper in vim && zypper clean\n', 'FROM opensuse/leap:15.6\nRUN zypper in -y vim && zypper clean\n');
    expect(findings(rule, 'FROM opensuse/leap:15.6\nRUN zypper si vim\n')[0]!.fix).toBeUndefined();
  });
});
