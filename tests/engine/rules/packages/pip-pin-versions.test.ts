import { describe, expect, it } from 'vitest';
import { pipPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/pip-pin-versions.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, onBuildRuleCatches, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('pip-pin-versions (DL3013)', () => {
  it('hadolint spec: unpinned packages', () => {
    catchesBoth(rule, 'RUN pip2 install MySQL_python');
    catchesBoth(rule, 'RUN pip3 install MySQL_python');
    catchesBoth(rule, 'RUN pip install MySQL_python');
    ruleCatches(rule, 'RUN python -m pip install example');
    onBuildRuleCatches(rule, 'RUN python -m pip install --index-url url example');
    catchesBoth(rule, 'RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext');
    catchesBoth(rule, 'RUN pip install git+ssh://github.com/rtfd/read-ext.git#egg=read-ext');
  });

  it('hadolint spec: pinned or not applicable', () => {
    for (const cmd of [
      'pip3 install MySQL_python==1.2.2',
      'pip3 install mypkg.whl',
      'pip3 install mypkg.tar.gz',
      'pip install -r requirements.txt',
      'pip install --requirement requirements.txt',
      'pip install .',
      'pip install MySQL_python~=1.2.2',
      'pip install MySQL_python===1.2.2',
      'pip install --ignore-installed MySQL_python==1.2.2',
      'pip3 install --build /opt/yamllint yamllint==1.20.0',
      'pip3 install --prefix /opt/yamllint yamllint==1.20.0',
      'pip3 install --root /opt/yamllint yamllint==1.20.0',
      'pip3 install --target /opt/yamllint yamllint==1.20.0',
      'pip3 install --trusted-host host example==1.2.2',
      'python -m pip install example==1.2.2',
      'pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext',
      'pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext',
      'pip install foo/bar',
      'pip install https://foo.bar/baz.zip',
      "pip install 'alabaster>=0.7'",
      "pip install 'alabaster<0.7'",
      "pip install 'alabaster!=0.7'",
      'pip install MySQL_python==1.2.2 --user',
      'pip install MySQL_python==1.2.2 --disable-pip-version-check',
      'pip install --index-url https://eg.com/foo foobar==1.0.0',
      'pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0',
      'pip install MySQL_python==1.2.2 --no-cache-dir',
      'pip install pykafka --constraint http://foo.bar.baz',
      'pip install pykafka -c http://foo.bar.baz',
      'pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0',
      'pipenv install black',
    ]) {
      catchesNeither(rule, `RUN ${cmd}`);
    }
  });

  it('underlines the first unpinned package', () => {
    const f = findings(rule, 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0 \\\n      gunicorn\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 3, column: 7 }, end: { line: 3, column: 15 } });
    expect(f[0]!.message).toBe(
      'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`',
    );
  });

  it('treats pip3.12 and python3 -m pip like pip, and not pipx', () => {
    ruleCatches(rule, 'FROM python:3.12\nRUN pip3.12 install flask');
    ruleCatches(rule, 'FROM python:3.12\nRUN python3 -m pip install --upgrade pip');
    ruleCatches(rule, 'FROM python:3.12\nRUN pipx install black');
    ruleCatchesNot(rule, 'FROM python:3.12\nRUN pip download flask');
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM python:3.12\n# hadolint ignore=DL3013\nRUN pip install flask\n')).toEqual([]);
  });
});
