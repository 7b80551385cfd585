import { describe, expect, it } from 'vitest';
import { apkPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/apk-pin-versions.ts';
import { findings } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatchesNot } from './hadolint.ts';

describe('apk-pin-versions (DL3018)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN apk add flex');
    catchesNeither(rule, 'RUN apk add flex=2.6.4-r1');
    catchesNeither(rule, 'RUN apk add --no-cache git~2.52.0');
    catchesNeither(rule, ['RUN apk add --no-cache flex=2.6.4-r1 \\', ' && pip install -r requirements.txt']);
    catchesNeither(rule, ['RUN apk add --no-cache \\', 'flex=2.6.4-r1 \\', 'libffi=3.2.1-r3 \\', 'python2=2.7.13-r1 \\', 'libbz2=1.0.6-r5']);
    catchesBoth(rule, ['RUN apk add --no-cache \\', 'flex=2.6.4-r1 \\', 'libffi \\', 'python2=2.7.13-r1 \\', 'libbz2=1.0.6-r5']);
    catchesNeither(rule, [
      'RUN apk add \\',
      '--virtual build-dependencies \\',
      'python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\',
      '&& pip install -r requirements.txt \\',
      '&& python setup.py install \\',
      '&& apk del build-dependencies',
    ]);
    catchesNeither(rule, ['RUN apk add --no-cache \\', '--repository https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0']);
    catchesNeither(rule, ['RUN apk add --no-cache \\', '--repository=https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0']);
    catchesNeither(rule, ['RUN apk add --no-cache \\', '-X https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0']);
    catchesNeither(rule, 'RUN apk add mypackage-1.1.1.apk');
  });

  it('accepts ~, < and > constraints and -t values', () => {
    ruleCatchesNot(rule, "FROM alpine:3.21\nRUN apk add --no-cache 'curl~8.11' 'git>2.40'");
    ruleCatchesNot(rule, 'FROM alpine:3.21\nRUN apk add -t .build-deps gcc=14.2.0-r4');
  });

  it('underlines the first unpinned package', () => {
    const f = findings(rule, 'FROM alpine:3.21\nRUN apk add --no-cache curl=8.11.1-r0 git\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 39 }, end: { line: 2, column: 42 } });
    expect(f[0]!.message).toBe('Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`');
  });
});
