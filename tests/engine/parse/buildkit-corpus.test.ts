import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpBuildKit, parseDockerfile } from '../../../src/engine/parse/index.ts';
import { shared } from '../../support/shared.ts';

const positive = shared('corpus/buildkit-parser/testfiles');
const negative = shared('corpus/buildkit-parser/testfiles-negative');

describe.skipIf(!positive.exists)("BuildKit's parser golden files", () => {
  const cases = positive.exists ? readdirSync(positive.path) : [];
  it.each(cases)('%s dumps exactly as BuildKit does', (name) => {
    const source = readFileSync(join(positive.path, name, 'Dockerfile'), 'utf8');
    const expected = readFileSync(join(positive.path, name, 'result'), 'utf8');
    const result = parseDockerfile(source);
    expect(result.errors.filter((e) => e.kind === 'syntax')).toEqual([]);
    expect(dumpBuildKit(result)).toBe(expected);
  });
});

describe.skipIf(!negative.exists)('Dockerfiles BuildKit rejects', () => {
  const cases = negative.exists ? readdirSync(negative.path) : [];
  it.each(cases)('%s is rejected with a line number', (name) => {
    const source = readFileSync(join(negative.path, name, 'Dockerfile'), 'utf8');
    const syntax = parseDockerfile(source).errors.filter((e) => e.kind === 'syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.range.start.line).toBeGreaterThanOrEqual(1);
  });
});
