import { describe, expect, it } from 'vitest';
import { yumCleanAll as rule } from '../../../../src/engine/rules/catalog/packages/yum-clean-all.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('yum-clean-all (DL3032)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN yum install -y mariadb-10.4');
    catchesNeither(rule, 'RUN yum install -y mariadb-10.4 && yum clean all');
    catchesNeither(rule, 'RUN bash -c `# not even a yum command`');
    catchesNeither(rule, 'RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*');
    ruleCatches(rule, 'RUN yum clean all && yum install -y');
  });

  it('hadolint spec: the cleanup is matched on all its words', () => {
    for (const src of [
      'RUN yum install -y bash && yum clean',
      'RUN yum install -y bash && yum clean cache',
      'RUN yum install -y bash && rm -rf /var/lib/apt/lists/*',
      'RUN yum install -y bash && rm -rf /var/cache/libdnf5',
    ]) {
      ruleCatches(rule, src);
      onBuildRuleCatches(rule, src);
    }
    catchesNeither(rule, 'RUN yum install -y bash && yum clean all');
    catchesNeither(rule, 'RUN yum install -y bash && rm -rf /var/cache/yum/*');
    catchesNeither(rule, 'RUN rm -rf /foo/bar && yum install -y bash && rm -rf /var/cache/yum/*');
  });

  it('underlines the install with hadolint\'s message', () => {
    const f = findings(rule, 'FROM centos:7\nRUN yum -y update && yum install -y httpd-2.4.6\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range.start).toEqual({ line: 2, column: 22 });
    expect(f[0]!.message).toBe('`yum clean all` missing after yum command.');
    ruleCatchesNot(rule, 'FROM centos:7\n# hadolint ignore=DL3032\nRUN yum install -y httpd-2.4.6');
  });
});
