import { describe, expect, it } from 'vitest';
import { zypperClean as rule } from '../../../../src/engine/rules/catalog/packages/zypper-clean.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches } from './hadolint.ts';

describe('zypper-clean (DL3036)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN zypper install -y mariadb=10.4');
    catchesNeither(rule, 'RUN zypper install -y mariadb=10.4 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y mariadb=10.4 && zypper cc');
    catchesNeither(rule, 'RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb');
    catchesNeither(rule, 'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb');
  });

  it('wants the clean after the install', () => {
    ruleCatches(rule, 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper in -y vim=9.1');
    const f = findings(rule, 'FROM opensuse/leap:15.6\nRUN zypper in -y vim=9.1\n');
    expect(f[0]!.message).toBe('`zypper clean` missing after zypper use.');
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 25 } });
  });
});
