import { describe, expect, it } from 'vitest';
import { dnfCleanAll as rule } from '../../../../src/engine/rules/catalog/packages/dnf-clean-all.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

// hadolint's commit cbdec65 (which also adds DL3068 and later, past the DL3000-DL3067 this project follows)
// turns the rule into "use a BuildKit cache mount": `dnf clean all` and `rm -rf` no longer suppress it. That
// contradicts this rule's purpose, so the spec below is the last clean-all one.

describe('dnf-clean-all (DL3040)', () => {
  it('hadolint spec: missing clean', () => {
    catchesBoth(rule, 'RUN dnf install -y mariadb-10.4');
    catchesBoth(rule, 'RUN microdnf install -y mariadb-10.4');
    catchesBoth(rule, 'RUN dnf in -y mariadb-10.4');
    onBuildRuleCatches(rule, 'RUN dnf install -y mariadb-10.4 && microdnf clean all');
  });

  it('hadolint spec: cleaned', () => {
    for (const src of [
      'RUN dnf install -y mariadb-10.4 && dnf clean all',
      'RUN dnf in -y mariadb-10.4 && dnf clean all',
      'RUN microdnf install -y mariadb-10.4 && microdnf clean all',
      'RUN notdnf install mariadb',
      'RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN dnf in -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*',
      'RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/libdnf5',
      'RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/libdnf5',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf in -y mariadb-10.4',
      'RUN --mount=type=cache,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf install -y mariadb-10.4',
    ]) {
      catchesNeither(rule, src);
    }
  });

  it('hadolint spec: clean before install, and install variants', () => {
    catchesBoth(rule, 'RUN microdnf clean all && dnf install -y mariadb-10.4');
    ruleCatches(rule, 'RUN microdnf clean all && dnf in -y mariadb-10.4');
    catchesBoth(rule, 'RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4');
    catchesBoth(rule, 'RUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4');
    catchesBoth(rule, 'RUN rm -rf /var/cache/libdnf5 && microdnf install -y mariadb-10.4');
    for (const verb of ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei']) {
      ruleCatches(rule, `RUN dnf -y ${verb}`);
      ruleCatchesNot(rule, `RUN dnf -y ${verb} && dnf clean all`);
    }
    onBuildRuleCatches(rule, 'RUN dnf -y upgrade');
    onBuildRuleCatches(rule, 'RUN dnf -y up');
  });

  it('underlines the install with hadolint\'s message', () => {
    const f = findings(rule, 'FROM fedora:41\nRUN dnf -y upgrade && dnf -y install httpd-2.4.62\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range.start).toEqual({ line: 2, column: 5 });
    expect(f[0]!.message).toBe('`dnf clean all` missing after dnf command.');
  });
});
