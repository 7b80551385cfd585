import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';
import { expandedField, resolveStages, type ResolveOptions } from '../../../src/engine/stages/index.ts';

const resolve = (source: string, options?: ResolveOptions) => resolveStages(parseDockerfile(source), options);
const field = (source: string, stage: number, step: number, name: Parameters<typeof expandedField>[1], options?: ResolveOptions) =>
  expandedField(resolve(source, options).stages[stage]!.steps[step]!, name);

describe('global ARGs and FROM', () => {
  it('expands FROM with ARGs declared before it, and build args override defaults', () => {
    const source = 'ARG NODE=22\nARG VARIANT=slim\nFROM node:${NODE}-${VARIANT} AS app\n';
    expect(resolve(source).stages[0]!.base.value).toBe('node:22-slim');
    expect(resolve(source, { buildArgs: { NODE: '24' } }).stages[0]!.base.value).toBe('node:24-slim');
  });

  it('lets a global default use an earlier global ARG', () => {
    expect(resolve('ARG A=x\nARG B=${A}y\nFROM img:$B\n').stages[0]!.base.value).toBe('img:xy');
  });

  it('reports a variable FROM cannot see', () => {
    const stage = resolve('FROM alpine\nARG TAG=3\nFROM node:$TAG\n').stages[1]!;
    expect(stage.base.value).toBe('node:');
    expect(stage.base.unmatched).toEqual(['TAG']);
    expect(stage.base.range.start).toEqual({ line: 3, column: 6 });
  });

  it('predefines the platform ARGs for FROM and --platform', () => {
    const resolved = resolve('FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine:$TARGETARCH\n', {
      targetPlatform: { os: 'linux', architecture: 'arm64' },
      buildPlatform: { os: 'linux', architecture: 'amd64' },
    });
    expect(resolved.stages[0]!.platform?.value).toBe('linux/amd64');
    expect(resolved.stages[1]!.base.value).toBe('alpine:arm64');
  });

  it("predefines all eleven of BuildKit's automatic ARGs, TARGETSTAGE and the OSVERSION pair included", () => {
    const resolved = resolve('FROM alpine AS base\nFROM base AS Final\n', {
      targetPlatform: { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.5830' },
      buildPlatform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    expect(Object.fromEntries(resolved.globalArgs)).toEqual({
      BUILDPLATFORM: 'linux/arm64/v8',
      BUILDOS: 'linux',
      BUILDOSVERSION: '',
      BUILDARCH: 'arm64',
      BUILDVARIANT: 'v8',
      TARGETPLATFORM: 'windows/amd64',
      TARGETOS: 'windows',
      TARGETOSVERSION: '10.0.17763.5830',
      TARGETARCH: 'amd64',
      TARGETVARIANT: '',
      // The last stage's name, lower-cased as BuildKit stores stage names.
      TARGETSTAGE: 'final',
    });
  });

  it('sets TARGETSTAGE from --target, and lets a build arg override a predefined ARG', () => {
    const source = 'FROM alpine AS build\nFROM scratch AS out\nFROM img:$TARGETSTAGE-$TARGETARCH\n';
    expect(resolve(source).stages[2]!.base.value).toBe('img:-amd64');
    expect(resolve(source, { target: 'out' }).stages[2]!.base.value).toBe('img:out-amd64');
    expect(resolve(source, { buildArgs: { TARGETARCH: 'riscv64' } }).stages[2]!.base.value).toBe('img:-riscv64');
  });

  it('finds the stage a FROM builds on, case-insensitively', () => {
    const resolved = resolve('FROM alpine AS Base\nENV A=1\nFROM base\nRUN x\n');
    expect(resolved.stages[1]!.baseStage).toBe(0);
    expect(resolved.stages[1]!.env.get('A')).toBe('1');
  });

  it('reports a stage built on itself', () => {
    expect(resolve('FROM a AS a\n').errors[0]?.message).toMatch(/circular dependency/);
  });
});

describe('ARG and ENV inside a stage', () => {
  it('does not see a global ARG until the stage declares it', () => {
    const source = 'ARG VERSION=1.2\nFROM alpine\nWORKDIR /v$VERSION\nARG VERSION\nWORKDIR /v$VERSION\n';
    expect(field(source, 0, 0, 'workdir')?.value).toBe('/v');
    expect(field(source, 0, 0, 'workdir')?.unmatched).toEqual(['VERSION']);
    expect(field(source, 0, 2, 'workdir')?.value).toBe('/v1.2');
  });

  it('re-declares predefined platform ARGs on request', () => {
    const source = 'FROM alpine\nARG TARGETARCH\nWORKDIR /out/$TARGETARCH\n';
    expect(field(source, 0, 1, 'workdir', { targetPlatform: { os: 'linux', architecture: 'arm64' } })?.value).toBe('/out/arm64');
  });

  it('overrides a stage ARG default with a build arg', () => {
    const source = 'FROM alpine\nARG PORT=3000\nEXPOSE $PORT\n';
    expect(field(source, 0, 1, 'port')?.value).toBe('3000');
    expect(field(source, 0, 1, 'port', { buildArgs: { PORT: '8080' } })?.value).toBe('8080');
  });

  it('lets ENV win over an ARG of the same name', () => {
    const source = 'FROM alpine\nARG MODE=dev\nENV MODE=production\nARG MODE=test\nUSER $MODE\n';
    expect(field(source, 0, 3, 'user')?.value).toBe('production');
  });

  it('expands every pair of one ENV with the environment from before it', () => {
    const resolved = resolve('FROM alpine\nENV A=1\nENV A=2 B=$A\n');
    expect(resolved.stages[0]!.env.get('B')).toBe('1');
    expect(resolved.stages[0]!.env.get('A')).toBe('2');
  });

  it('starts each image stage from the base image env, with the default PATH', () => {
    const resolved = resolve('FROM node:22\nENV PATH=/app/bin:$PATH\n', {
      baseImageEnv: (image) => (image === 'node:22' ? { NODE_VERSION: '22.12.0', PATH: '/usr/local/bin:/usr/bin' } : undefined),
    });
    expect(resolved.stages[0]!.env.get('PATH')).toBe('/app/bin:/usr/local/bin:/usr/bin');
    expect(resolve('FROM scratch\nENV X=$PATH\n').stages[0]!.env.get('X')).toBe(
      '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    );
  });

  it('inherits ARGs from a base stage', () => {
    const resolved = resolve('FROM alpine AS base\nARG APP=/srv\nFROM base\nWORKDIR $APP\n');
    expect(expandedField(resolved.stages[1]!.steps[0]!, 'workdir')?.value).toBe('/srv');
  });

  it('leaves RUN, CMD and HEALTHCHECK to the shell', () => {
    const resolved = resolve('FROM alpine\nENV A=1\nRUN echo $A\nCMD echo $A\n');
    expect(resolved.stages[0]!.steps[1]!.expansions).toEqual([]);
    expect(resolved.stages[0]!.steps[2]!.expansions).toEqual([]);
  });
});

describe('expanded instruction fields', () => {
  it('expands COPY flags, sources and destination', () => {
    const step = resolve('FROM alpine\nARG U=node\nARG D=/app\nCOPY --chown=$U:$U --from=build src/ ${D}/\n').stages[0]!.steps[2]!;
    expect(step.expansions.map((e) => [e.field, e.value])).toEqual([
      ['chown', 'node:node'],
      ['from', 'build'],
      ['source', 'src/'],
      ['destination', '/app/'],
    ]);
  });

  it('splits EXPOSE words after expansion', () => {
    const source = 'FROM alpine\nENV PORTS="80/tcp 443/tcp"\nEXPOSE $PORTS\n';
    expect(field(source, 0, 1, 'port')?.values).toEqual(['80/tcp', '443/tcp']);
  });

  it('expands RUN --mount values', () => {
    const source = 'FROM alpine\nARG CACHE=/root/.npm\nRUN --mount=type=cache,target=$CACHE npm ci\n';
    expect(field(source, 0, 1, 'mount')?.value).toBe('type=cache,target=/root/.npm');
  });

  it('honours the backtick escape character', () => {
    const source = '# escape=`\nFROM alpine\nENV A=1\nWORKDIR C:`$A\\$A\n';
    expect(field(source, 0, 1, 'workdir')?.value).toBe('C:$A\\1');
  });

  it('reports a malformed substitution where it was written, without throwing', () => {
    const resolved = resolve('FROM alpine\nWORKDIR ${DIR:?set DIR}\n');
    expect(resolved.errors).toHaveLength(1);
    expect(resolved.errors[0]!.message).toContain('DIR: set DIR');
    expect(resolved.errors[0]!.range.start).toEqual({ line: 2, column: 9 });
  });
});
