import type { Rule } from '../../types.ts';
import { checkRpmVersions } from './rpm-versions.ts';

export const yumPinVersions: Rule = {
  id: 'yum-pin-versions',
  title: 'Pin package versions in yum install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3033'] },
  docs: {
    rationale: `\`yum install -y httpd\` installs the newest build in the repositories at the time of the build, so rebuilding an unchanged Dockerfile can ship a different version, or break when an update lands.

Name the version: \`yum install -y httpd-2.4.6\` (\`name-version\`, an epoch such as \`openssl-1:1.1.1k\` is fine), or install an \`.rpm\` file; pin modules with \`yum module install nodejs:20\`. A version written as a variable counts when the variable is an \`ARG\`, or an \`ENV\` of the same stage or the stage it builds on. This is hadolint's DL3033.`,
    bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
  },
  check(ctx) {
    checkRpmVersions(ctx, ['yum'], ['module'], 'Specify version with `yum install -y <package>-<version>`.');
  },
};
