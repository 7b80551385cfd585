import { describe, expect, it } from 'vitest';
import { undefinedVar as rule } from '../../../../src/engine/rules/catalog/buildkit/undefined-var.ts';
import { findings, flaggedLines } from '../support.ts';

const messages = (src: string, extra = {}) => findings(rule, src, extra).map((f) => [f.range.start.line, f.message]);

describe('undefined-var (UndefinedVar)', () => {
  it('BuildKit: declared ARGs, ARGs of the base stage and the shell’s own variables are fine', () => {
    expect(flaggedLines(rule, '\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n')).toEqual([]);
    expect(flaggedLines(rule, '\nFROM alpine\nRUN echo $PATH\n')).toEqual([]);
  });

  it('BuildKit: a variable used before its ARG', () => {
    expect(messages('\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n')).toEqual([[3, "Usage of undefined variable '$foo'"]]);
  });

  it('BuildKit: suggests the closest defined name', () => {
    expect(messages('\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n')).toEqual([
      [6, "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"],
    ]);
    expect(messages('\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n')).toEqual([[3, "Usage of undefined variable '$PAHT' (did you mean $PATH?)"]]);
  });

  it('BuildKit: checks every stage', () => {
    expect(messages('\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n')).toEqual([
      [3, "Usage of undefined variable '$foo'"],
      [6, "Usage of undefined variable '$bar'"],
    ]);
  });

  it('does not see global ARGs in a stage unless redeclared', () => {
    expect(flaggedLines(rule, 'ARG V=1\nFROM alpine\nENV V=$V\n')).toEqual([3]);
    expect(flaggedLines(rule, 'ARG V=1\nFROM alpine\nARG V\nENV V=$V\n')).toEqual([]);
  });

  it('checks the words Docker expands: ENV, LABEL, USER, WORKDIR, VOLUME, STOPSIGNAL, COPY flags, mounts', () => {
    const src = 'FROM scratch\nENV A=$a\nLABEL l=$b\nUSER $c\nWORKDIR /$d\nVOLUME /$e\nSTOPSIGNAL $f\nCOPY --chown=$g a b\nRUN --mount=type=cache,target=/$h true\n';
    expect(flaggedLines(rule, src)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('does not check RUN, CMD, ENTRYPOINT, HEALTHCHECK, EXPOSE, COPY --from or ONBUILD', () => {
    const src = 'FROM scratch\nRUN echo $a\nCMD echo $b\nENTRYPOINT ["$c"]\nHEALTHCHECK CMD $d\nEXPOSE $e\nCOPY --from=$f a b\nONBUILD COPY $g .\n';
    expect(flaggedLines(rule, src)).toEqual([]);
  });

  it('checks ARG defaults against the ARGs before them', () => {
    expect(flaggedLines(rule, 'FROM scratch\nARG A=1 B=$A\nARG C=$D\n')).toEqual([3]);
    // A default is not expanded when --build-arg gives the value.
    expect(flaggedLines(rule, 'FROM scratch\nARG C=$D\n', { resolve: { buildArgs: { C: 'x' } } })).toEqual([]);
  });

  it('expands variables in COPY here-documents with an unquoted delimiter', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCOPY <<EOF /a\n$X\nEOF\nCOPY <<"EOF" /b\n$Y\nEOF\n')).toEqual([2]);
  });

  it('uses the base image’s variables when the resolver knows them', () => {
    expect(flaggedLines(rule, 'FROM golang:1.23\nWORKDIR $GOPATH/src\n', { resolve: { baseImageEnv: () => ({ GOPATH: '/go', PATH: '/go/bin' }) } })).toEqual([]);
  });

  it('on an image whose variables are unknown, reports only names the Dockerfile defines elsewhere', () => {
    // golang's config defines GOPATH: without it, BuildKit would not warn, so neither do we.
    expect(flaggedLines(rule, 'FROM golang:1.23\nWORKDIR $GOPATH/src\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n')).toEqual([]);
    // ...but a global ARG not redeclared, or a near miss of a defined name, is a mistake anywhere.
    expect(flaggedLines(rule, 'ARG VERSION=1\nFROM golang:1.23\nLABEL v=$VERSION\n')).toEqual([3]);
    expect(messages('FROM golang:1.23\nARG APP_DIR=/srv\nCOPY . $APPDIR\n')).toEqual([[3, "Usage of undefined variable '$APPDIR' (did you mean $APP_DIR?)"]]);
  });

  it('reports on the first line of a continued instruction', () => {
    expect(findings(rule, 'FROM scratch\nCOPY a \\\n  $X\n')[0]!.range.start.line).toBe(2);
  });

  it('honours # check=skip above the instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=UndefinedVar\nCOPY $a .\nCOPY $b .\n')).toEqual([4]);
  });
});

describe('undefined-var: predefined ARGs in a stage', () => {
  it('accepts a predefined ARG once the stage declares it, TARGETSTAGE and BUILDOSVERSION included', () => {
    expect(flaggedLines(rule, 'FROM alpine AS app\nARG TARGETSTAGE BUILDOSVERSION TARGETARCH\nWORKDIR /out/$TARGETSTAGE/$TARGETARCH$BUILDOSVERSION\n')).toEqual([]);
  });

  it('flags a predefined ARG the stage did not declare, as BuildKit does (it is in the global scope only)', () => {
    expect(messages('FROM alpine\nCOPY bin/$TARGETARCH /usr/local/bin/\n').map(([line]) => line)).toEqual([2]);
  });
});

describe('undefined-var: what BuildKit dispatches beyond the stage’s own words', () => {
  it('counts the ARGs and ENV an ONBUILD trigger defines in the stage that runs it', () => {
    // initOnBuildTriggers dispatches `ONBUILD ARG` first: dispatchArg adds VERSION to d.buildArgs.
    expect(flaggedLines(rule, 'FROM alpine AS base\nONBUILD ARG VERSION=1\nONBUILD ENV HOME_DIR=/srv\nFROM base AS app\nFROM app\nLABEL v=$VERSION h=$HOME_DIR\n')).toEqual([]);
  });

  it('checks the words of ONBUILD triggers at the FROM of the stage that runs them', () => {
    // The trigger's location is reset to the stage's FROM (node.StartLine = rangeStartEnd(d.stage.Location)).
    const src = 'FROM scratch AS base\nARG A=1\n# check=skip=UndefinedVar\nONBUILD COPY $A $B /\nFROM base\n';
    expect(messages(src)).toEqual([[5, "Usage of undefined variable '$B' (did you mean $A?)"]]);
    // ...only where the build target reaches the stage.
    expect(flaggedLines(rule, 'FROM scratch AS base\nONBUILD COPY $B /\nFROM base\nFROM scratch\n')).toEqual([]);
  });

  it('expands each field of a mount apart, as parseMount does', () => {
    expect(flaggedLines(rule, 'FROM scratch\nRUN --mount=type=secret,id=$A,target=/$A true\n')).toEqual([2, 2]);
  });

  it('breaks ties between suggestions in the order of the step’s environment', () => {
    // reportUnmatchedVariables suggests from env.Keys() (llb EnvList: each name where last set),
    // and each stage's state gets its image config's variables set again (dockerfile2llb).
    expect(messages('FROM scratch\nARG FOO1=x\nENV FOO2=y\nCOPY $FOO /\n')).toEqual([[4, "Usage of undefined variable '$FOO' (did you mean $FOO1?)"]]);
    expect(messages('FROM scratch AS b\nENV FOO1=y\nARG FOO2=x\nFROM b\nCOPY $FOO /\n')).toEqual([[5, "Usage of undefined variable '$FOO' (did you mean $FOO2?)"]]);
  });
});

