import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';
import { resolveStages } from '../../../src/engine/stages/index.ts';
import { shared } from '../../support/shared.ts';

const corpus = shared('corpus/real-dockerfiles');

// These files build with Docker, so neither the parser nor the stage resolver may reject them,
// except one: dive keeps a deliberately broken Dockerfile to test its own error path, and
// `docker build` rejects it too ("unknown instruction: INVALID"). BuildKit's parser itself accepts it.
const DELIBERATELY_INVALID = new Map([
  ['wagoodman_dive_cmd_dive_cli_testdata_invalid_Dockerfile.Dockerfile', ['2:1: unknown instruction: INVALID']],
]);
const where = (e: { range: { start: { line: number; column: number } }; message: string }) =>
  `${e.range.start.line}:${e.range.start.column}: ${e.message}`;
describe.skipIf(!corpus.exists)('195 real Dockerfiles', () => {
  const files = corpus.exists ? readdirSync(corpus.path).filter((f) => f.endsWith('.Dockerfile')) : [];

  it('has the whole corpus', () => {
    expect(files.length).toBe(195);
  });

  it.each(files)('%s parses and resolves as Docker does', (file) => {
    const parsed = parseDockerfile(readFileSync(join(corpus.path, file), 'utf8'));
    expect(parsed.errors.filter((e) => e.kind === 'syntax').map(where)).toEqual([]);
    expect(parsed.errors.map(where)).toEqual(DELIBERATELY_INVALID.get(file) ?? []);
    const resolved = resolveStages(parsed);
    expect(resolved.errors.map(where)).toEqual([]);
    expect(resolved.stages.length).toBeGreaterThan(0);
  });
});
