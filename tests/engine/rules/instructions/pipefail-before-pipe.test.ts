import { describe, expect, it } from 'vitest';
import { pipefailBeforePipe as rule } from '../../../../src/engine/rules/catalog/instructions/pipefail-before-pipe.ts';
import { findings, flaggedLines } from '../support.ts';

const PIPE = 'RUN wget -O - https://some.site | wc -l file > /number';

describe('pipefail-before-pipe (DL4006)', () => {
  it('flags a pipe without pipefail (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n')).toEqual([2]);
    expect(findings(rule, `FROM scratch\n${PIPE}\n`)[0]!.message).toBe(
      'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check',
    );
  });

  it('accepts commands without pipes (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n')).toEqual([]);
  });

  it('accepts pipefail set by SHELL (hadolint spec)', () => {
    for (const shell of [
      '["/bin/bash", "-eo", "pipefail", "-c"]',
      '["/bin/bash", "-e", "-o", "pipefail", "-c"]',
      '["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]',
      '["/bin/zsh", "-o", "pipefail", "-c"]',
      // hadolint #977: bash and zsh are known by their basename, whatever their path.
      '["/usr/bin/bash", "-o", "pipefail", "-c"]',
      '["/usr/local/bin/zsh", "-o", "pipefail", "-c"]',
    ]) {
      expect(flaggedLines(rule, `FROM scratch as build\nSHELL ${shell}\n${PIPE}\n`), shell).toEqual([]);
    }
  });

  it('ignores non-POSIX shells (hadolint spec)', () => {
    const ps = 'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value';
    expect(flaggedLines(rule, `FROM scratch as build\nSHELL ["pwsh", "-c"]\n${ps}\n`)).toEqual([]);
    expect(flaggedLines(rule, `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\n${ps}\n`)).toEqual([]);
    expect(flaggedLines(rule, `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\n${ps}\n`)).toEqual([]);
    expect(flaggedLines(rule, `FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\n${ps}\n`)).toEqual([]);
  });

  it('flags plain sh, a new stage, and a later SHELL without pipefail (hadolint spec)', () => {
    expect(flaggedLines(rule, `FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${PIPE}\n`)).toEqual([3]);
    expect(
      flaggedLines(rule, `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}\nFROM scratch as build2\n${PIPE}\n`),
    ).toEqual([5]);
    expect(
      flaggedLines(rule, `FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${PIPE}\nSHELL ["/bin/sh", "-c"]\n${PIPE}\n`),
    ).toEqual([5]);
  });

  it('inherits SHELL from the stage a stage builds on, and accepts set -o pipefail in the RUN', () => {
    expect(flaggedLines(rule, `FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\n${PIPE}\n`)).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN set -euxo pipefail; curl -sSf https://x | sh\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN curl -sSf https://x | sh; set -o pipefail\n')).toEqual([2]);
  });

  it('finds pipes in heredocs, substitutions and ONBUILD triggers, not in exec form or quotes', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -s https://x | sh\nEOF\n')).toEqual([4]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN echo $(ls | wc -l)\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nONBUILD RUN a | b\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nONBUILD RUN a | b\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN echo "a | b" || true\n')).toEqual([]);
  });

  it('underlines the pipeline', () => {
    expect(findings(rule, 'FROM debian:12\nRUN set -e && curl -s https://x | sh\n')[0]!.range).toEqual({
      start: { line: 2, column: 15 },
      end: { line: 2, column: 37 },
    });
  });

  it('flags bash |&, which is a pipe too (ShellCheck parses it as T_Pipe)', () => {
    expect(flaggedLines(rule, 'FROM debian:12-slim\nRUN make |& tee build.log\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN make |& tee build.log\n')).toEqual([]);
  });

  it('does not take &> (redirect stdout and stderr) for a pipe or a background job', () => {
    expect(flaggedLines(rule, 'FROM debian:12-slim\nRUN make &>/dev/null && echo ok\n')).toEqual([]);
  });
});

