import { describe, expect, it } from 'vitest';
import { zypperPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/zypper-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither } from './hadolint.ts';

describe('zypper-pin-versions (DL3037)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN zypper install -y tomcat && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat=9.0.39 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat\\>=9.0 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat\\>9.0 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat\\<=9.0 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat\\<9.0 && zypper clean');
    catchesNeither(rule, 'RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean');
  });

  it('underlines the package with hadolint\'s message', () => {
    const f = findings(rule, "FROM opensuse/leap:15.6\nRUN zypper in -y 'vim>=9' curl\n");
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 27 }, end: { line: 2, column: 31 } });
    expect(f[0]!.message).toBe('Specify version with `zypper install -y <package>=<version>`.');
  });
});
