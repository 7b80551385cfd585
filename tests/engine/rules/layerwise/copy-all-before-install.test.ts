import { describe, expect, it } from 'vitest';
import { copyAllBeforeInstall as rule } from '../../../../src/engine/rules/catalog/layerwise/copy-all-before-install.ts';
import { findings, flaggedLines } from '../support.ts';

describe('copy-all-before-install', () => {
  it('flags COPY . . before npm ci', () => {
    const src = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "a.js"]\n';
    expect(flaggedLines(rule, src)).toEqual([3]);
    const [f] = findings(rule, src);
    expect(f!.message).toContain('package.json and package-lock.json');
    expect(f!.message).toContain('line 4');
    expect(f!.range).toEqual({ start: { line: 3, column: 6 }, end: { line: 3, column: 9 } });
  });

  it('flags the other dependency installers', () => {
    const cases: [string, string][] = [
      ['FROM python:3.12\nCOPY . /app\nRUN pip install -r requirements.txt\n', 'requirements.txt'],
      ['FROM python:3.12\nADD . /app\nRUN python -m pip install --no-cache-dir -r /app/req.txt\n', '/app/req.txt'],
      ['FROM golang:1.23\nCOPY ./ ./\nRUN go mod download\n', 'go.mod'],
      ['FROM ruby:3\nCOPY . .\nRUN bundle install\n', 'Gemfile'],
      ['FROM composer\nCOPY . .\nRUN composer install --no-dev\n', 'composer.json'],
      ['FROM node:22\nCOPY . .\nRUN yarn --frozen-lockfile\n', 'yarn.lock'],
      ['FROM node:22\nCOPY . .\nRUN pnpm install\n', 'pnpm-lock.yaml'],
      ['FROM python:3.12\nCOPY . .\nRUN poetry install\n', 'poetry.lock'],
      ['FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet restore\n', 'csproj'],
    ];
    for (const [src, manifest] of cases) {
      const found = findings(rule, src);
      expect(found.length, src).toBe(1);
      expect(found[0]!.message).toContain(manifest);
    }
  });

  it('accepts the manifest-first order', () => {
    expect(flaggedLines(rule, 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n')).toEqual([]);
  });

  it('ignores builds, named packages and copies from other stages', () => {
    expect(flaggedLines(rule, 'FROM golang\nCOPY . .\nRUN go build -o /app .\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22\nCOPY . .\nRUN npm install -g serve\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM python\nCOPY . .\nRUN pip install .\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b . .\nRUN npm ci\n')).toEqual([]);
  });

  it('follows stages built FROM the one with the COPY, reporting it once', () => {
    expect(flaggedLines(rule, 'FROM node:22 AS src\nCOPY . .\nFROM src AS a\nRUN npm ci\nFROM src AS b\nRUN npm ci\n')).toEqual([2]);
  });

  it('reads heredoc and exec-form RUN', () => {
    expect(flaggedLines(rule, 'FROM node:22\nCOPY . .\nRUN <<EOF\nnpm ci\nEOF\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node:22\nCOPY . .\nRUN ["npm", "ci"]\n')).toEqual([2]);
  });

  it('ignores ONBUILD triggers', () => {
    expect(flaggedLines(rule, 'FROM node:22\nONBUILD COPY . .\nONBUILD RUN npm ci\n')).toEqual([]);
  });
});
