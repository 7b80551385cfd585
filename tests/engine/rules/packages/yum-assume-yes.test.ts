import { describe, expect, it } from 'vitest';
import { yumAssumeYes as rule } from '../../../../src/engine/rules/catalog/packages/yum-assume-yes.ts';
import { expectFixed, findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('yum-assume-yes (DL3030)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN yum install httpd-2.4.24 && yum clean all');
    catchesNeither(rule, 'RUN yum install -y httpd-2.4.24 && yum clean all');
    catchesNeither(rule, 'RUN bash -c `# not even a yum command`');
  });

  it('covers groupinstall and localinstall, and --assumeyes', () => {
    ruleCatches(rule, 'FROM centos:7\nRUN yum groupinstall "Development Tools"');
    ruleCatches(rule, 'FROM centos:7\nRUN yum localinstall /tmp/x.rpm');
    ruleCatchesNot(rule, 'FROM centos:7\nRUN yum --assumeyes install httpd-2.4.6');
    ruleCatchesNot(rule, 'FROM centos:7\nRUN yum update');
  });

  it('adds -y after the subcommand', () => {
    expect(findings(rule, 'FROM centos:7\nRUN yum install httpd\n')[0]!.message).toBe('Use the -y switch to avoid manual input `yum install -y <package>`');
    expectFixed(rule, 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n', 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n');
    expectFixed(rule, 'FROM centos:7\nRUN yum -q groupinstall "Dev Tools"\n', 'FROM centos:7\nRUN yum -q groupinstall -y "Dev Tools"\n');
  });
});
