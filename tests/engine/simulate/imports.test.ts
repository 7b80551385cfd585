import { describe, expect, it } from 'vitest';
import { devDependenciesImported, needsGeneratedPrismaClient, packageOf } from '../../../src/engine/simulate/imports.ts';
import { runtimeCheck, simulateImage } from '../../../src/engine/simulate/index.ts';

const manifest = (deps: Record<string, string>, dev: Record<string, string>) =>
  JSON.stringify({ name: 'x', dependencies: deps, devDependencies: dev });

describe('packageOf', () => {
  it('names the package of a bare specifier and nothing for paths and built-ins', () => {
    expect(packageOf('express')).toBe('express');
    expect(packageOf('lodash/merge.js')).toBe('lodash');
    expect(packageOf('@prisma/client/runtime')).toBe('@prisma/client');
    expect(packageOf('./greeting.js')).toBeNull();
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('#internal')).toBeNull();
  });
});

describe('devDependenciesImported', () => {
  const context = [
    { path: 'package.json', bytes: 0, text: manifest({ pino: '^9' }, { express: '^5', vitest: '^3', '@types/node': '^22', zod: '^4' }) },
    { path: 'src/server.ts', bytes: 0, text: "import express from 'express';\nimport type { Schema } from 'zod';\nimport pino from 'pino';\n" },
    { path: 'src/server.test.ts', bytes: 0, text: "import { it } from 'vitest';\n" },
    { path: 'vite.config.ts', bytes: 0, text: "import { defineConfig } from 'vitest/config';\n" },
  ];

  it('finds the dev-only packages the app code imports, not type imports, tests or tool configs', () => {
    expect(devDependenciesImported(context, '')).toEqual([{ name: 'express', file: 'src/server.ts' }]);
  });

  it('reads require() and dynamic import() too, and nothing without a package.json', () => {
    const cjs = [context[0]!, { path: 'index.cjs', bytes: 0, text: "const z = require('zod');\nconst v = await import('vitest');\n" }];
    expect(devDependenciesImported(cjs, '').map((d) => d.name)).toEqual(['zod', 'vitest']);
    expect(devDependenciesImported(context.slice(1), '')).toEqual([]);
  });

  it('makes the runtime check fail a production install that leaves such a package out', () => {
    const dockerfile = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --omit=dev\nCOPY src ./src\nCMD ["node", "src/server.ts"]\n';
    const check = runtimeCheck(simulateImage(dockerfile, { context }));
    expect(check.problems).toContainEqual(expect.objectContaining({ kind: 'missing-dependencies', message: expect.stringContaining('express') }));
    const all = runtimeCheck(simulateImage(dockerfile.replace(' --omit=dev', ''), { context }));
    expect(all.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('needsGeneratedPrismaClient', () => {
  const schema = (provider: string) => ({ path: 'prisma/schema.prisma', bytes: 0, text: `generator client {\n  provider = "${provider}"\n}\n` });
  const code = { path: 'src/db.ts', bytes: 0, text: "import { PrismaClient } from '@prisma/client';\n" };

  it('is the importing file when the schema uses prisma-client-js, and null for the prisma-client generator', () => {
    expect(needsGeneratedPrismaClient([schema('prisma-client-js'), code], '')).toBe('src/db.ts');
    expect(needsGeneratedPrismaClient([schema('prisma-client'), code], '')).toBeNull();
    expect(needsGeneratedPrismaClient([schema('prisma-client-js')], '')).toBeNull();
  });
});

describe('runtime check: where the CMD script is', () => {
  it('reports a relative script that exists under another directory than the WORKDIR', () => {
    const check = runtimeCheck(simulateImage('FROM node:22-slim\nWORKDIR /app\nCOPY server.js ./\nWORKDIR /srv\nCMD ["node", "server.js"]\n', { context: [{ path: 'server.js', bytes: 10 }] }));
    expect(check.problems).toContainEqual(expect.objectContaining({ kind: 'missing-file', message: expect.stringContaining('/app/server.js') }));
  });

  it('reports COPY of a file missing from a given context as a build failure, but not a wildcard', () => {
    const context = [{ path: 'server.js', bytes: 10 }];
    const missing = runtimeCheck(simulateImage('FROM node:22-slim\nCOPY server.js config.json /app/\nCMD ["node", "/app/server.js"]\n', { context }));
    expect(missing.problems).toContainEqual(expect.objectContaining({ kind: 'build-fails', line: 2 }));
    const wildcard = runtimeCheck(simulateImage('FROM node:22-slim\nCOPY server.js config*.json /app/\nCMD ["node", "/app/server.js"]\n', { context }));
    expect(wildcard.problems.filter((p) => p.kind === 'build-fails')).toEqual([]);
  });

  it('reports npm ci without a lockfile as a build failure', () => {
    const context = [{ path: 'package.json', bytes: 10, text: '{}' }];
    const check = runtimeCheck(simulateImage('FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n', { context }));
    expect(check.problems).toContainEqual(expect.objectContaining({ kind: 'build-fails', message: expect.stringContaining('package-lock.json') }));
  });
});
