import { describe, expect, it } from 'vitest';
import { singleStageWithBuildTools as rule } from '../../../../src/engine/rules/catalog/layerwise/single-stage-with-build-tools.ts';
import { findings, flaggedLines } from '../support.ts';

describe('single-stage-with-build-tools', () => {
  it('flags a single stage that builds with a toolchain image', () => {
    const src = 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /server .\nCMD ["/server"]\n';
    expect(flaggedLines(rule, src)).toEqual([4]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('`go build`');
    expect(f!.message).toContain('golang:1.23');
    expect(f!.severity).toBe('warning');
  });

  it('flags npm run build, mvn package, dotnet publish', () => {
    expect(flaggedLines(rule, 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/a.js"]\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM maven:3\nCOPY . .\nRUN mvn -B package\nCMD ["java", "-jar", "target/a.jar"]\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -c Release -o /out\nENTRYPOINT ["dotnet", "/out/a.dll"]\n')).toEqual([3]);
  });

  it('flags compilers installed and kept', () => {
    const src = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nCOPY . .\nCMD ["python", "app.py"]\n';
    expect(flaggedLines(rule, src)).toEqual([2]);
    expect(findings(rule, src)[0]!.message).toContain('gcc');
  });

  it('accepts compilers removed in the same RUN, and headers alone', () => {
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && pip install x && apt-get purge -y gcc\nCMD ["python", "app.py"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nRUN apt-get install -y libpq-dev\nCMD ["python", "app.py"]\n')).toEqual([]);
  });

  it('accepts multi-stage builds', () => {
    expect(flaggedLines(rule, 'FROM golang:1.23 AS build\nRUN go build -o /server .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /server /server\nCMD ["/server"]\n')).toEqual([]);
  });

  it('leaves toolchain, base and development images alone', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y build-essential\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get install -y build-essential\nCMD ["bash"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM golang:1.23\nRUN go build ./...\nCMD ["/bin/sh"]\n')).toEqual([]);
  });
});
