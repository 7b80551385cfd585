import { describe, expect, it } from 'vitest';
import { dnfAssumeYes as rule } from '../../../../src/engine/rules/catalog/packages/dnf-assume-yes.ts';
import { expectFixed, findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('dnf-assume-yes (DL3038)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN dnf install httpd-2.4.24 && dnf clean all');
    catchesBoth(rule, 'RUN microdnf install httpd-2.4.24 && microdnf clean all');
    catchesNeither(rule, 'RUN dnf install -y httpd-2.4.24 && dnf clean all');
    catchesNeither(rule, 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all');
    catchesNeither(rule, 'RUN notdnf install httpd');
  });

  it('accepts --assumeyes, and ignores other subcommands', () => {
    ruleCatchesNot(rule, 'FROM fedora:41\nRUN dnf --assumeyes install httpd-2.4.62');
    ruleCatchesNot(rule, 'FROM fedora:41\nRUN dnf clean all');
  });

  it('adds -y after the subcommand', () => {
    expect(findings(rule, 'FROM fedora:41\nRUN dnf install httpd\n')[0]!.message).toBe('Use the -y switch to avoid manual input `dnf install -y <package>`');
    expectFixed(rule, 'FROM fedora:41\nRUN microdnf install httpd\n', 'FROM fedora:41\nRUN microdnf install -y httpd\n');
  });
});
