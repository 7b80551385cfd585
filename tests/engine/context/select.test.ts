import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseIgnoreFile,
  createIgnoreTest,
  ignoreFileCandidates,
  newPatternMatcher,
  parseDockerignore,
  selectContext,
  type ContextEntry,
} from '../../../src/engine/context/index.ts';

const files = (...paths: string[]): ContextEntry[] => paths.map((path, i) => ({ path, bytes: 10 + i }));

function select(entries: ContextEntry[], ignore: string | null, dockerfile: string | null = 'Dockerfile', ignorePath = '.dockerignore') {
  return selectContext(entries, { dockerfile, ignoreFile: ignore === null ? null : { path: ignorePath, text: ignore } });
}

describe('choosing the ignore file', () => {
  it('prefers <Dockerfile>.dockerignore beside the Dockerfile over the root .dockerignore', () => {
    expect(ignoreFileCandidates('Dockerfile')).toEqual(['Dockerfile.dockerignore', '.dockerignore']);
    const present = new Set(['.dockerignore', 'build/app.Dockerfile.dockerignore', 'Dockerfile.dockerignore']);
    expect(chooseIgnoreFile('build/app.Dockerfile', (p) => present.has(p))).toBe('build/app.Dockerfile.dockerignore');
    expect(chooseIgnoreFile('Dockerfile', (p) => present.has(p))).toBe('Dockerfile.dockerignore');
    expect(chooseIgnoreFile('other.Dockerfile', (p) => present.has(p))).toBe('.dockerignore');
    expect(chooseIgnoreFile('Dockerfile', () => false)).toBeNull();
  });
});

describe('selectContext', () => {
  it('sends everything without an ignore file, in the walker’s order', () => {
    const result = select(files('b.txt', 'a/z', 'a-c', 'Dockerfile', 'a/b/c'), null);
    // Depth first, names in byte order: "a" (and all below it) before "a-c".
    expect(result.files.map((f) => f.path)).toEqual(['Dockerfile', 'a/b/c', 'a/z', 'a-c', 'b.txt']);
    expect(result.totalBytes).toBe(10 + 11 + 12 + 13 + 14);
    expect(result).toMatchObject({ excluded: [], ignoreFile: null, errors: [], addedBack: [] });
  });

  it('lists an excluded directory once when nothing can come back from it', () => {
    const entries = files('Dockerfile', '.dockerignore', 'node_modules/a/index.js', 'node_modules/b/index.js', 'src/app.js', 'debug.log');
    const result = select(entries, 'node_modules\n*.log\n');
    expect(result.files.map((f) => f.path)).toEqual(['.dockerignore', 'Dockerfile', 'src/app.js']);
    expect(result.excluded).toEqual(['debug.log', 'node_modules']);
    expect(result.excludedDirs).toEqual(['node_modules']);
    expect(result.ignoreFile).toBe('.dockerignore');
  });

  it('lists files one by one inside an excluded directory that an exception reaches into', () => {
    const entries = files('docs/README.md', 'docs/guide.md', 'docs/img/a.png', 'Dockerfile');
    const result = select(entries, 'docs\n!docs/README.md\n');
    expect(result.files.map((f) => f.path)).toEqual(['Dockerfile', 'docs/README.md']);
    expect(result.excluded).toEqual(['docs/guide.md', 'docs/img']);
  });

  it('folds an excluded directory back into one entry when the exception finds nothing', () => {
    const result = select(files('docs/guide.md', 'docs/img/a.png', 'Dockerfile'), 'docs\n!docs/README.md\n');
    expect(result.excluded).toEqual(['docs']);
    // A wildcard exception makes the walker enter every excluded directory; the listing still folds.
    expect(select(files('docs/guide.md', 'Dockerfile'), 'docs\n!**/*.txt\n').excluded).toEqual(['docs']);
  });

  it('always sends the Dockerfile and the ignore file, and says when the patterns exclude them', () => {
    const entries = files('Dockerfile', '.dockerignore', 'app.js');
    const result = select(entries, '*\n');
    expect(result.files.map((f) => f.path)).toEqual(['.dockerignore', 'Dockerfile']);
    expect(result.addedBack).toEqual(['.dockerignore', 'Dockerfile']);
    expect(result.excluded).toEqual(['app.js']);
  });

  it('keeps a Dockerfile inside an excluded directory, and the rest of the directory out', () => {
    const entries = files('build/app.Dockerfile', 'build/app.Dockerfile.dockerignore', 'build/tmp/x', 'src/a.js');
    const result = select(entries, 'build\n', 'build/app.Dockerfile', 'build/app.Dockerfile.dockerignore');
    expect(result.files.map((f) => f.path)).toEqual(['build/app.Dockerfile', 'build/app.Dockerfile.dockerignore', 'src/a.js']);
    expect(result.excluded).toEqual(['build/tmp']);
  });

  it('ignores a Dockerfile outside the context', () => {
    const result = select(files('a'), '*\n', '../elsewhere/Dockerfile', '../elsewhere/Dockerfile.dockerignore');
    expect(result.files).toEqual([]);
    expect(result.excluded).toEqual(['a']);
    expect(result.ignoreFile).toBe('../elsewhere/Dockerfile.dockerignore');
  });

  it('reports ignore file errors with their position and applies the valid patterns', () => {
    const result = select(files('a.log', 'b'), '*.log\n[\n');
    expect(result.errors).toEqual([{ path: '.dockerignore', line: 2, column: 1, message: 'syntax error in pattern' }]);
    expect(result.excluded).toEqual(['a.log']);
  });

  it('stops like BuildKit when a pattern fails while matching, pointing at the pattern', () => {
    const result = select(files('a', 'b', 'c'), 'x\n\n  [z-a]\n');
    expect(result.errors).toEqual([{ path: '.dockerignore', line: 3, column: 3, message: 'syntax error in pattern' }]);
    expect(result.files).toEqual([]);
  });

  it('accepts ./, trailing slashes and explicit directories in entry paths', () => {
    const entries: ContextEntry[] = [
      { path: './src/', bytes: 0, isDir: true },
      { path: 'src/a.js', bytes: 3 },
      { path: 'empty', bytes: 0, isDir: true },
      { path: '../outside', bytes: 1 },
    ];
    expect(select(entries, null).files).toEqual([{ path: 'src/a.js', bytes: 3 }]);
    expect(select(entries, 'empty\n').excluded).toEqual(['empty']);
  });
});

describe('createIgnoreTest', () => {
  it('tests single paths the way BuildKit opens them', () => {
    const isIgnored = createIgnoreTest(parseDockerignore('node_modules\n*.md\n!README.md\n').patterns);
    expect(isIgnored('node_modules/x/y.js')).toBe(true);
    expect(isIgnored('/node_modules')).toBe(true);
    expect(isIgnored('README.md')).toBe(false);
    expect(isIgnored('NOTES.md')).toBe(true);
    expect(isIgnored('.')).toBe(false);
  });
});

describe('selectContext properties', () => {
  const segment = fc.constantFrom('a', 'b', 'c.log', 'd.md', 'node_modules', 'x');
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
  const pattern = fc
    .tuple(fc.boolean(), fc.constantFrom('a', 'b', '*.log', '**/*.md', 'node_modules', 'a/*', '**/x', 'c.log', 'a/b', '*'))
    .map(([exception, p]) => (exception ? `!${p}` : p));

  it('sends every file exactly once or accounts for it as excluded (itself or a parent)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path), fc.array(pattern, { maxLength: 5 }), (paths, patterns) => {
        // A path that is also a parent of another is a directory.
        const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`)));
        const result = selectContext(files(...leaves), { dockerfile: null, ignoreFile: { path: '.ignore', text: patterns.join('\n') } });
        const sent = new Set(result.files.map((f) => f.path));
        expect(sent.size).toBe(result.files.length);
        for (const leaf of leaves) {
          const coveredByExcluded = result.excluded.some((e) => leaf === e || leaf.startsWith(`${e}/`));
          expect(sent.has(leaf) !== coveredByExcluded, leaf).toBe(true);
        }
      }),
    );
  });

  it('without exceptions, sends exactly what MatchesOrParentMatches does not exclude', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path), fc.array(pattern, { maxLength: 5 }), (paths, patterns) => {
        const plain = patterns.filter((p) => !p.startsWith('!'));
        const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`)));
        const result = selectContext(files(...leaves), { dockerfile: null, ignoreFile: { path: '.ignore', text: plain.join('\n') } });
        const matcher = newPatternMatcher(plain).matcher!;
        const expected = leaves.filter((p) => !matcher.matchesOrParentMatches(p).matched).sort();
        expect(result.files.map((f) => f.path).sort()).toEqual(expected);
      }),
    );
  });
});
