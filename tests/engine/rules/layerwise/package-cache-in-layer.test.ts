import { describe, expect, it } from 'vitest';
import { packageCacheInLayer as rule } from '../../../../src/engine/rules/catalog/layerwise/package-cache-in-layer.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('package-cache-in-layer', () => {
  it("flags npm installs that leave npm's cache in the final image", () => {
    const src = 'FROM node:22-slim\nRUN npm ci --omit=dev\n';
    expect(flaggedLines(rule, src)).toEqual([2]);
    expect(findings(rule, src)[0]!.message).toContain("npm's cache");
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm install -g pm2\n')).toEqual([2]);
  });

  it('accepts a clean in the same RUN, a cache mount, or removing the cache', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm ci --omit=dev && npm cache clean --force\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm ci && rm -rf /root/.npm\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nUSER node\nRUN npm ci && rm -rf ~/.npm\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm ci && rm -rf ~/.cache\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nENV HOME=/root\nRUN npm ci && rm -rf ~/.npm\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm ci --cache /tmp/c && rm -rf /tmp/c\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nENV npm_config_cache=/tmp/npm\nRUN --mount=type=cache,target=/tmp/npm npm ci\n')).toEqual([]);
  });

  it('flags a clean in a later RUN (the cache stays in the earlier layer)', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN npm ci\nRUN npm cache clean --force\n')).toEqual([2]);
  });

  it('covers pnpm, a bare yarn, cargo, go and uv, and leaves `yarn install` to DL3060', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN pnpm install --prod\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --prod\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN yarn --frozen-lockfile\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN yarn && yarn cache clean\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN yarn install\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM rust:1\nRUN cargo install ripgrep\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM rust:1\nRUN --mount=type=cache,target=/usr/local/cargo/registry cargo install ripgrep\n')).toEqual([]);
    const go = findings(rule, 'FROM golang:1.23\nRUN go build -o /app .\n');
    expect(go[0]!.message).toContain('build cache');
    expect(go[0]!.message).toContain('module cache');
    expect(flaggedLines(rule, 'FROM golang:1.23\nRUN go build -o /app . && go clean -cache -modcache\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nRUN uv sync --frozen\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nRUN uv sync --frozen --no-cache\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv pip install -r requirements.txt\n')).toEqual([]);
  });

  it('leaves what hadolint covers (apt, apk, pip) alone', () => {
    expect(flaggedLines(rule, 'FROM debian\nRUN apt-get update && apt-get install -y curl\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python:3.12\nRUN pip install flask\n')).toEqual([]);
  });

  it('only looks at stages of the final image', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS base\nRUN npm ci\nFROM base\n')).toEqual([2]);
  });

  it('fixes npm and yarn by cleaning in the same RUN', () => {
    expectFixed(rule, 'FROM node:22-slim\nRUN npm ci --omit=dev\n', 'FROM node:22-slim\nRUN npm ci --omit=dev && npm cache clean --force\n');
    expectFixed(
      rule,
      'FROM node:22-slim\nRUN npm ci \\\n && echo done\n',
      'FROM node:22-slim\nRUN npm ci && npm cache clean --force \\\n && echo done\n',
    );
    expectFixed(rule, 'FROM node:22-slim\nRUN yarn\n', 'FROM node:22-slim\nRUN yarn && yarn cache clean\n');
  });

  it('offers no fix where appending could change the script', () => {
    expect(findings(rule, 'FROM node:22-slim\nRUN npm ci || true\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22-slim\nRUN npm ci > /log\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22-slim\nRUN ["npm", "ci"]\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM node:22-slim\nRUN <<EOF\nnpm ci\nEOF\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM golang\nRUN go build .\n')[0]!.fix).toBeUndefined();
  });

  it('reads continuation lines and ignores ONBUILD triggers', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN set -eux; \\\n    npm ci --omit=dev; \\\n    echo ok\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nONBUILD RUN npm ci\n')).toEqual([]);
  });
});

describe('package-cache-in-layer through wrappers', () => {
  it('sees `sudo npm ci` and `env X=1 npm ci` as npm installs (the cache lands in the layer all the same)', () => {
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN sudo npm ci --omit=dev\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN env NODE_ENV=production npm ci\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22-slim\nRUN sudo npm ci --omit=dev && sudo npm cache clean --force\n')).toEqual([]);
  });
});
