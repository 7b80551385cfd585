import { describe, expect, it } from 'vitest';
import { cacheMountOpportunity as rule } from '../../../../src/engine/rules/catalog/layerwise/cache-mount-opportunity.ts';
import { findings, flaggedLines } from '../support.ts';

const final = '\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n';

describe('cache-mount-opportunity', () => {
  it('suggests a cache mount for installs in build stages', () => {
    const src = `FROM node:22 AS build\nRUN npm ci${final}`;
    expect(flaggedLines(rule, src)).toEqual([2]);
    const [f] = findings(rule, src);
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('--mount=type=cache,target=/root/.npm');
  });

  it('names the cache of each tool', () => {
    const cases: [string, string][] = [
      ['FROM python:3.12 AS build\nRUN pip install -r requirements.txt', '/root/.cache/pip'],
      ['FROM golang:1.23 AS build\nRUN go build -o /app .', '/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod'],
      ['FROM golang:1.23 AS build\nRUN go mod download', 'target=/go/pkg/mod'],
      ['FROM rust:1 AS build\nRUN cargo build --release', '/usr/local/cargo/registry'],
      ['FROM debian AS build\nRUN apt-get update && apt-get install -y gcc', 'sharing=locked'],
      ['FROM node:22 AS build\nRUN yarn install', '/usr/local/share/.cache/yarn'],
      ['FROM maven:3 AS build\nRUN mvn -B package', '/root/.m2'],
      ['FROM node:22 AS build\nUSER node\nENV HOME=/home/node\nRUN npm ci', '/home/node/.npm'],
    ];
    for (const [stage, target] of cases) {
      const found = findings(rule, `${stage}${final}`);
      expect(found.length, stage).toBe(1);
      expect(found[0]!.message).toContain(target);
    }
  });

  it('is quiet when the RUN already has a cache mount', () => {
    expect(flaggedLines(rule, `FROM node:22 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci${final}`)).toEqual([]);
  });

  it('leaves the final image to package-cache-in-layer', () => {
    expect(flaggedLines(rule, 'FROM node:22\nRUN npm ci\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS base\nRUN npm ci\nFROM base\n')).toEqual([]);
  });

  it('reports one command per RUN', () => {
    expect(flaggedLines(rule, `FROM node:22 AS build\nRUN apt-get install -y git && npm ci${final}`)).toEqual([2]);
  });
});
