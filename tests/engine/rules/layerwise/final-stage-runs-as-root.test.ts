import { describe, expect, it } from 'vitest';
import { finalStageRunsAsRoot as rule } from '../../../../src/engine/rules/catalog/layerwise/final-stage-runs-as-root.ts';
import { findings, flaggedLines } from '../support.ts';

describe('final-stage-runs-as-root', () => {
  it('flags an application image without USER', () => {
    const src = 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([1]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('USER node');
    expect(f!.severity).toBe('warning');
    expect(f!.range).toEqual({ start: { line: 1, column: 6 }, end: { line: 1, column: 18 } });
  });

  it('suggests a numeric user on scratch', () => {
    const src = 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    expect(findings(rule, src)[0]!.message).toContain('USER 65532:65532');
  });

  it('leaves any explicit USER alone (an explicit USER root is DL3002)', () => {
    expect(flaggedLines(rule, 'FROM node:22\nUSER node\nCMD ["node", "a.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nUSER root\nCMD ["node", "a.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]\n')).toEqual([]);
  });

  it('only looks at the final stage', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nUSER node\nCMD ["node", "a.js"]\n')).toEqual([]);
  });

  it('trusts images known to default to a non-root user', () => {
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM cgr.dev/chainguard/node\nCOPY . /app\nCMD ["/app/server.js"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY app /app\nENTRYPOINT ["/app/app"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM nginxinc/nginx-unprivileged:alpine\nCOPY dist /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n')).toEqual([1]);
  });

  it('skips base images, file exports and Windows images', () => {
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN apt-get update\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nCMD ["python3"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nCMD ["/bin/sh"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS b\nRUN npm run build\nFROM scratch\nCOPY --from=b /app/dist /\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n')).toEqual([]);
  });

  it('skips entrypoints that drop privileges themselves', () => {
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine\nRUN apk add --no-cache su-exec\nCMD ["su-exec", "app", "/app"]\n')).toEqual([]);
    // A dropper named by its path (a download of gosu, a copied binary), and one that only ends like one.
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN curl -fsSLo /usr/local/bin/gosu https://example.com/gosu && chmod +x /usr/local/bin/gosu\nCMD ["/app/server"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nCOPY --from=tianon/gosu /gosu/ /usr/local/bin/\nCMD ["/app/server"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN touch /opt/notgosu\nCMD ["/app/server"]\n')).toEqual([1]);
    // A name the shell puts together from quoted and escaped pieces is still the dropper.
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN apt-get install -y g"o"su\nCMD ["/app/server"]\n')).toEqual([]);
    expect(flaggedLines(rule, "FROM debian:bookworm-slim\nRUN apt-get install -y 'su-'exec\nCMD [\"/app/server\"]\n")).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get install -y set\\\npriv\nEOF\nCMD ["/app/server"]\n')).toEqual([]);
  });

  it('honours pragmas', () => {
    expect(flaggedLines(rule, '# hadolint ignore=final-stage-runs-as-root\nFROM node:22\nCMD ["node", "a.js"]\n')).toEqual([]);
  });
});
