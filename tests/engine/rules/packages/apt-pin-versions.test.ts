import { describe, expect, it } from 'vitest';
import { aptPinVersions as rule } from '../../../../src/engine/rules/catalog/packages/apt-pin-versions.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('apt-pin-versions (DL3008)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, 'RUN apt-get update && apt-get install python');
    catchesNeither(rule, ['RUN apt-get update \\', ' && apt-get -yqq --no-install-recommends install nodejs=0.10 \\', ' && rm -rf /var/lib/apt/lists/*']);
    catchesNeither(rule, [
      'RUN apt-get update && apt-get install --no-install-recommends -y \\',
      'python-demjson=2.2.2* \\',
      'wget=1.16.1* \\',
      'git=1:2.5.0* \\',
      'ruby=1:2.1.*',
    ]);
    catchesNeither(rule, 'RUN apt-get install -y python=1.2.2');
    catchesNeither(rule, 'RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb');
    catchesNeither(rule, 'RUN apt-get -y --no-install-recommends install nodejs=0.10');
    catchesNeither(rule, [
      'RUN set -e &&\\',
      ' echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\',
      ' apt-get update &&\\',
      ' apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\',
      ' rm -rf /var/lib/apt/lists/*',
    ]);
  });

  it('accepts release pins, .deb files and installs without packages', () => {
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get install -y /tmp/pkg.deb');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get install -y');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt-get -f install');
    ruleCatches(rule, 'FROM debian:12\nRUN apt-get install -y --target-release bookworm-backports curl');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN apt install curl');
  });

  it('underlines the first unpinned package, once per RUN', () => {
    const f = findings(rule, 'FROM debian:12\nRUN apt-get install -y \\\n    curl=7.88 \\\n    git \\\n    wget\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 4, column: 5 }, end: { line: 4, column: 8 } });
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`');
  });

  it('reads quoted and exec-form packages, and heredocs', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN apt-get install -y "curl=7.88"\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n')).toEqual([4]);
  });

  it('honours hadolint ignore pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y \\\n  curl\n')).toEqual([]);
  });
});

describe('apt-pin-versions (DL3008): commands as hadolint names them (ShellCheck getCommandName)', () => {
  it('does not look through sudo, env or nice (hadolint sees the command "sudo"; DL3004 reports it)', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN sudo apt-get install -y curl\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n')).toEqual([]);
  });

  it('looks through exec, command, builtin and busybox, as ShellCheck does', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN exec apt-get install -y curl\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN exec -a x apt-get install -y curl\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN command apt-get install -y curl\n')).toEqual([2]);
    // `command -v` is not looked through: the next word is a flag.
    expect(flaggedLines(rule, 'FROM debian:12\nRUN command -v apt-get install\n')).toEqual([]);
  });
});
