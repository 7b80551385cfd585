/**
 * Half-right attempts a learner is likely to make: the objectives must tell them apart from the
 * solutions, failing exactly the objective that explains what is still wrong.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExercise } from '../../src/content-loaders/exercises.ts';
import { gradeExercise } from '../../src/engine/grade/index.ts';

const load = (id: string) => readExercise(join(import.meta.dirname, '../../content/exercises', id));

function failing(id: string, dockerfile: string, dockerignore?: string): string[] {
  const exercise = load(id);
  const files = { dockerfile, ...(dockerignore !== undefined ? { dockerignore } : exercise.starter.dockerignore !== undefined ? { dockerignore: exercise.starter.dockerignore } : {}) };
  return gradeExercise(exercise, files).objectives.filter((o) => !o.passed).map((o) => o.id);
}

describe('multi-stage-node', () => {
  const build = 'FROM node:22-slim AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY tsconfig.json ./\nCOPY src ./src\nRUN npm run build\n\n';
  it('copying the whole build directory ships its devDependencies and sources', () => {
    const fromContext = 'FROM node:22-slim AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\n';
    expect(failing('multi-stage-node', `${fromContext}FROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app ./\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual(['small', 'only-output']);
  });
  it('two stages on the full node:22 image are still too big', () => {
    const big = build.replace('node:22-slim', 'node:22');
    expect(failing('multi-stage-node', `${big}FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual(['small']);
  });
  it('forgetting dist fails the runtime check', () => {
    expect(failing('multi-stage-node', `${build}FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual(['runs']);
  });
});

describe('cache-order', () => {
  it('a glob for the manifests works as well', () => {
    expect(failing('cache-order', 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "src/server.js"]\n')).toEqual([]);
  });
  it('copying src before the install still breaks the cache on a code edit', () => {
    expect(failing('cache-order', 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nCOPY src ./src\nRUN npm ci --omit=dev\nCMD ["node", "src/server.js"]\n')).toEqual(['install-cached']);
  });
});

describe('dockerignore', () => {
  const dockerfile = load('dockerignore').starter.dockerfile;
  it('ignoring only .env leaves the image too big and the context dirty', () => {
    expect(failing('dockerignore', dockerfile, '.env\n')).toEqual(['small', 'context-clean']);
  });
  it('ignoring everything keeps out the code too (and package.json, so npm ci has no measured project)', () => {
    expect(failing('dockerignore', dockerfile, '*\n')).toEqual(['small', 'keeps-code', 'runs', 'keeps-example']);
  });
  it('.env* without the exception drops the example', () => {
    expect(failing('dockerignore', dockerfile, 'node_modules\n.git\ncoverage\n.env*\n*.log\n')).toEqual(['keeps-example']);
  });
});

describe('non-root', () => {
  const starter = load('non-root').starter.dockerfile;
  it('adding USER node alone keeps the doubled layer', () => {
    expect(failing('non-root', starter.replace('CMD', 'USER node\nCMD'))).toEqual(['no-recursive-chown', 'small']);
  });
  it('dropping the chown without a USER still runs as root', () => {
    expect(failing('non-root', starter.replace('RUN chown -R node:node /app\n', ''))).toEqual(['non-root', 'not-root-rule']);
  });
});

describe('prisma-client', () => {
  const build = 'FROM node:22-slim AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY prisma ./prisma\nCOPY prisma.config.ts tsconfig.json ./\nCOPY src ./src\nRUN npx prisma generate && npm run build\n\n';
  const runtime = 'FROM node:22-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n';
  it('a production install in the runtime stage without the generated client fails the runtime check only', () => {
    expect(failing('prisma-client', `${build}${runtime}COPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual(['runs']);
  });
  it('generating the client again in the runtime stage works too', () => {
    expect(failing('prisma-client', `${build}${runtime}COPY prisma ./prisma\nCOPY prisma.config.ts ./\nRUN npx prisma generate\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual([]);
  });
  it('copying node_modules from before the build stage generated the client fails it', () => {
    const deps = 'FROM node:22-slim AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n\n';
    expect(failing('prisma-client', `${deps}${build}FROM node:22-slim\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n`)).toEqual(['runs']);
  });
  it('the single stage on node:22-slim is still a single stage with devDependencies and npm\'s cache', () => {
    expect(failing('prisma-client', 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npx prisma generate && npm run build\nUSER node\nCMD ["node", "dist/server.js"]\n')).toEqual(['two-stages', 'small', 'no-dev-deps']);
  });
});
