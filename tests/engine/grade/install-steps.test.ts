import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';
import { resolveStages } from '../../../src/engine/stages/index.ts';
import { buildChain, installSteps } from '../../../src/engine/grade/index.ts';

function steps(dockerfile: string, target?: number) {
  const resolved = resolveStages(parseDockerfile(dockerfile));
  return installSteps(resolved, buildChain(resolved, target ?? resolved.stages.length - 1)).map((s) => [s.line, s.command]);
}

describe('install steps', () => {
  it('finds the package managers that install a project from its manifest', () => {
    expect(steps('FROM x\nRUN npm ci\nFROM x\nRUN pnpm install --frozen-lockfile\nFROM x\nRUN yarn\nFROM x\nRUN pip install -r requirements.txt\nFROM x\nRUN cargo fetch\nFROM x\nRUN go mod download\nFROM x\nCOPY --from=0 / /\nCOPY --from=1 / /\nCOPY --from=2 / /\nCOPY --from=3 / /\nCOPY --from=4 / /\nCOPY --from=5 / /\n')).toEqual([
      [2, 'npm ci'],
      [4, 'pnpm install --frozen-lockfile'],
      [6, 'yarn'],
      [8, 'pip install -r requirements.txt'],
      [10, 'cargo fetch'],
      [12, 'go mod download'],
    ]);
  });
  it('ignores global tools, named packages and OS packages', () => {
    expect(steps('FROM x\nRUN npm install -g pnpm\nRUN npm install lodash\nRUN apt-get install -y curl\nRUN pip install poetry\n')).toEqual([]);
  });
  it('keeps the first install of a stage: a later cargo build compiles the project itself', () => {
    expect(steps('FROM rust\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo build --release\nCOPY src ./src\nRUN cargo build --release\n')).toEqual([[3, 'cargo build --release']]);
  });
  it('only looks at the stages the target needs', () => {
    const file = 'FROM node AS test\nRUN npm install\nFROM node AS build\nRUN npm ci\nFROM node\nCOPY --from=build /app/dist ./dist\n';
    expect(steps(file)).toEqual([[4, 'npm ci']]);
    expect(steps(file, 0)).toEqual([[2, 'npm install']]);
  });
  it('finds the install inside a && chain and a heredoc', () => {
    expect(steps('FROM node\nRUN apt-get update && npm ci --omit=dev && npm cache clean --force\n')).toEqual([[2, 'npm ci --omit=dev']]);
    expect(steps('FROM node\nRUN <<EOF\nset -e\nnpm ci\nEOF\n')).toEqual([[2, 'npm ci']]);
  });
});
