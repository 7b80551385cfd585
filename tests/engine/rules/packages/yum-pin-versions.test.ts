import { describe, expect, it } from 'vitest';
import { yumPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/yum-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('yum-pin-versions (DL3033)', () => {
  it('hadolint spec: packages and modules', () => {
    catchesBoth(rule, 'RUN yum install -y tomcat && yum clean all');
    catchesNeither(rule, 'RUN yum install -y tomcat-9.2 && yum clean all');
    catchesNeither(rule, 'RUN bash -c `# not even a yum command`');
    catchesNeither(rule, 'RUN yum install -y openssl-1:1.1.1k');
    catchesNeither(rule, 'RUN yum install -y rpm-sign-4.16.1.3');
    catchesNeither(rule, 'RUN yum install -y gcc-c++-1.1.1');
    catchesBoth(rule, 'RUN yum module install -y tomcat && yum clean all');
    catchesNeither(rule, 'RUN yum module install -y tomcat:9 && yum clean all');
  });

  it('hadolint spec: versions in variables', () => {
    ruleCatchesNot(rule, ['ENV version=2.51.0-2.fc42', 'RUN yum -y install git-core-${version}']);
    ruleCatchesNot(rule, ['ARG version=2.51.0-2.fc42', 'RUN yum -y install git-core-$version']);
    ruleCatchesNot(rule, ['FROM fedora:fc42 AS build', 'ARG version=2.51.0-2.fc42', 'FROM fedora:fc42', 'RUN yum -y install git-core-${version}']);
    ruleCatchesNot(rule, ['FROM fedora:fc42 AS build', 'ENV version=2.51.0-2.fc42', 'FROM build', 'RUN yum -y install git-core-${version}']);
    ruleCatches(rule, ['FROM fedora:fc42 AS build', 'ENV version=2.51.0-2.fc42', 'FROM fedora:fc42', 'RUN yum -y install git-core-${version}']);
  });

  it('needs a version part that starts with a digit', () => {
    ruleCatches(rule, 'FROM centos:7\nRUN yum install -y rpm-sign');
    ruleCatchesNot(rule, 'FROM centos:7\nRUN yum install -y /tmp/tool-latest.rpm');
    // Without any `-`, even an .rpm file has no version for hadolint.
    ruleCatches(rule, 'FROM centos:7\nRUN yum install -y /tmp/tool.rpm');
    ruleCatches(rule, 'FROM centos:7\nRUN yum install -y tool-${UNKNOWN}');
  });

  it('underlines the package with hadolint\'s message', () => {
    const f = findings(rule, 'FROM centos:7\nRUN yum install -y httpd-2.4.6 php\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 32 }, end: { line: 2, column: 35 } });
    expect(f[0]!.message).toBe('Specify version with `yum install -y <package>-<version>`.');
  });
});
