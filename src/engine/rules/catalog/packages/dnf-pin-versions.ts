import type { Rule } from '../../types.ts';
import { checkRpmVersions } from './rpm-versions.ts';

export const dnfPinVersions: Rule = {
  id: 'dnf-pin-versions',
  title: 'Pin package versions in dnf install',
  severity: 'warning',
  category: 'correctness',
  aliases: { hadolint: ['DL3041'] },
  docs: {
    rationale: `\`dnf install -y httpd\` (or \`microdnf\`) installs the newest build available when the image is built, so the same Dockerfile can produce different images from one week to the next, and a rebuild for an unrelated fix can pull in a breaking update.

Name the version: \`dnf install -y httpd-2.4.62\` (\`name-version\`, epochs allowed), or install an \`.rpm\` file; pin modules with \`dnf module install nodejs:20\`. A version written as a variable counts when the variable is an \`ARG\`, or an \`ENV\` of the same stage or the stage it builds on. This is hadolint's DL3041.`,
    bad: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n',
    good: 'FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
  },
  check(ctx) {
    checkRpmVersions(ctx, ['dnf', 'microdnf'], ['module', 'group'], 'Specify version with `dnf install -y <package>-<version>`.');
  },
};
