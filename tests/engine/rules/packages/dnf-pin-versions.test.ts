import { describe, expect, it } from 'vitest';
import { dnfPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/dnf-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('dnf-pin-versions (DL3041)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN dnf install -y tomcat && dnf clean all');
    ruleCatches(rule, 'RUN microdnf install -y tomcat && microdnf clean all');
    catchesBoth(rule, 'RUN dnf install -y rpm-sign && dnf clean all');
    ruleCatches(rule, 'RUN microdnf install -y rpm-sign && microdnf clean all');
    catchesNeither(rule, 'RUN dnf install -y tomcat-9.0.1 && dnf clean all');
    catchesNeither(rule, 'RUN microdnf install -y tomcat-9.0.1 && microdnf clean all');
    catchesNeither(rule, 'RUN notdnf install openssl-1:1.1.1k');
    catchesNeither(rule, 'RUN notdnf install tomcat');
    catchesNeither(rule, 'RUN dnf install -y rpm-sign-4.16.1.3 && dnf clean all');
    catchesNeither(rule, 'RUN microdnf install -y rpm-sign-4.16.1.3 && microdnf clean all');
    catchesNeither(rule, 'RUN dnf install -y openssl-1:1.1.1k');
    catchesNeither(rule, 'RUN microdnf install -y openssl-1:1.1.1k');
    ruleCatches(rule, 'RUN dnf module install -y tomcat && dnf clean all');
    ruleCatches(rule, 'RUN microdnf module install -y tomcat && microdnf clean all');
    onBuildRuleCatches(rule, 'RUN dnf module install -y tomcat && dnf clean all');
    catchesNeither(rule, 'RUN dnf module install -y tomcat:9 && dnf clean all');
    catchesNeither(rule, 'RUN microdnf module install -y tomcat:9 && microdnf clean all');
    catchesNeither(rule, 'RUN notdnf module install tomcat');
  });

  it('does not check group installs, and uses ENV versions of the stage', () => {
    ruleCatchesNot(rule, 'FROM fedora:41\nRUN dnf group install -y "Development Tools"');
    ruleCatchesNot(rule, 'FROM fedora:41\nENV HTTPD_VERSION=2.4.62\nRUN dnf install -y httpd-${HTTPD_VERSION}');
    expect(findings(rule, 'FROM fedora:41\nRUN dnf install -y httpd\n')[0]!.message).toBe('Specify version with `dnf install -y <package>-<version>`.');
  });
});
