import { describe, expect, it } from 'vitest';
import { largeBaseImage as rule } from '../../../../src/engine/rules/catalog/layerwise/large-base-image.ts';
import { findings, flaggedLines } from '../support.ts';

describe('large-base-image', () => {
  it('flags the full Node.js image in the final stage, with recorded sizes', () => {
    const src = 'FROM node:22\nCOPY . .\nCMD ["node", "server.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([1]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('`node:22-slim` or `node:22-alpine`');
    expect(f!.message).toContain('408.5 MB');
    expect(f!.message).toContain('node:22-slim 79.9 MB');
    expect(f!.range).toEqual({ start: { line: 1, column: 6 }, end: { line: 1, column: 13 } });
  });

  it('names the matching variants for other tags, without sizes it has no record of', () => {
    const [f] = findings(rule, 'FROM node:18-bookworm\nCMD ["node", "a.js"]\n');
    expect(f!.message).toContain('`node:18-slim`');
    expect(f!.message).not.toContain('MB');
    expect(findings(rule, 'FROM python\nCMD ["python", "app.py"]\n')[0]!.message).toContain('`python:slim`');
    expect(findings(rule, 'FROM eclipse-temurin:21-jdk\nCMD ["java", "-jar", "app.jar"]\n')[0]!.message).toContain('eclipse-temurin:21-jre');
  });

  it('accepts slim, alpine and runtime images', () => {
    for (const image of ['node:22-slim', 'node:22-alpine', 'python:3.12-slim', 'eclipse-temurin:21-jre', 'gcr.io/distroless/static-debian12', 'nginx:alpine']) {
      expect(flaggedLines(rule, `FROM ${image}\nCMD ["x", "y"]\n`), image).toEqual([]);
    }
  });

  it('flags a toolchain image as the final stage of a multi-stage build', () => {
    const src = 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM golang:1.23\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    expect(findings(rule, src)[0]!.message).toContain('distroless/static');
  });

  it('leaves single-stage toolchain images to single-stage-with-build-tools', () => {
    expect(flaggedLines(rule, 'FROM golang:1.23\nRUN go build -o /app .\nCMD ["/app"]\n')).toEqual([]);
  });

  it('follows the final stage to the image it starts from', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS base\nFROM base\nCMD ["node", "a.js"]\n')).toEqual([1]);
  });

  it('skips images that run no application', () => {
    expect(flaggedLines(rule, 'FROM node:22\nRUN npm i -g serve\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12\nCMD ["python3"]\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM golang:1.23 AS a\nFROM golang:1.23\nCMD ["bash"]\n')).toEqual([]);
  });
});
