import { describe, expect, it } from 'vitest';
import { npmPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/npm-pin-versions.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('npm-pin-versions (DL3016)', () => {
  it('hadolint spec: pinned or not applicable', () => {
    for (const cmd of [
      'npm install',
      'npm install --progress=false',
      'npm install express@4.1.1',
      'npm install @myorg/privatepackage@">=0.1.0"',
      'npm install express@"4.1.1" sax@0.1.1',
      'npm install --global express@"4.1.1"',
      'npm install -g express@"4.1.1"',
      'npm install package-v1.2.3.tar',
      'npm install package-v1.2.3.tar.gz',
      'npm install package-v1.2.3.tgz',
      'npm install /folder',
      'npm install ./folder',
      'npm install ../folder',
      'npm install ~/folder',
      'npm install git+ssh://git@github.com:npm/npm.git#v1.0.27',
      'npm install git+http://isaacs@github.com/npm/npm#semver:^5.0',
      'npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27',
      'npm install git://github.com/npm/npm.git#v1.0.27',
      'npm run --crazy install',
      'npm install @myorg/privatepackage@">=0.1.0 <0.2.0"',
      'npm install --loglevel verbose sax@0.1.1',
      'npm install --registry https://example.com sax@0.1.1',
    ]) {
      catchesNeither(rule, `RUN ${cmd}`);
    }
  });

  it('hadolint spec: unpinned', () => {
    for (const cmd of [
      'npm install express',
      'npm install @myorg/privatepackage',
      'npm install express sax@0.1.1',
      'npm install --global express',
      'npm install git+ssh://git@github.com:npm/npm.git',
      'npm install git+http://isaacs@github.com/npm/npm',
      'npm install git+https://isaacs@github.com/npm/npm.git',
      'npm install git://github.com/npm/npm.git',
      'npm install --registry https://example.com express',
      'npm install --registry=https://example.com express',
    ]) {
      catchesBoth(rule, `RUN ${cmd}`);
    }
  });

  it('skips the value of --registry, and ignores npm ci', () => {
    ruleCatchesNot(rule, 'FROM node:22\nRUN npm install --registry https://r.example.com typescript@5.6.3');
    ruleCatchesNot(rule, 'FROM node:22\nRUN npm ci');
    ruleCatches(rule, 'FROM node:22\nRUN npm install -g npm');
  });

  it('underlines the package with hadolint\'s message', () => {
    const f = findings(rule, 'FROM node:22\nRUN npm install -g typescript@5.6.3 tsx\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 37 }, end: { line: 2, column: 40 } });
    expect(f[0]!.message).toBe('Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`');
    expect(flaggedLines(rule, 'FROM node:22\n# hadolint ignore=DL3016\nRUN npm install -g tsx\n')).toEqual([]);
  });
});
