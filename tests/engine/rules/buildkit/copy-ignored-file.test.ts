import { describe, expect, it } from 'vitest';
import { selectContext } from '../../../../src/engine/context/index.ts';
import { copyIgnoredFile as rule } from '../../../../src/engine/rules/catalog/buildkit/copy-ignored-file.ts';
import type { LintContext } from '../../../../src/engine/rules/index.ts';
import { contextOfSelection, findings, flaggedLines } from '../support.ts';

/** A context of `files` plus the Dockerfile, with `.dockerignore` holding `ignore` (none when null). */
function context(ignore: string | null, files: string[] = []): LintContext {
  const entries = ['Dockerfile', ...files, ...(ignore === null ? [] : ['.dockerignore'])].map((path) => ({ path, bytes: 10 }));
  const selection = selectContext(entries, { dockerfile: 'Dockerfile', ignoreFile: ignore === null ? null : { path: '.dockerignore', text: ignore } });
  return contextOfSelection(selection);
}

// The check is experimental in BuildKit: the tests enable it as its own tests do.
const ON = { BUILDKIT_DOCKERFILE_CHECK: 'experimental=CopyIgnoredFile' };
const lines = (src: string, ignore: string | null, files?: string[]) => flaggedLines(rule, src, { context: context(ignore, files), buildArgs: ON });
const messages = (src: string, ignore: string | null, files?: string[]) =>
  findings(rule, src, { context: context(ignore, files), buildArgs: ON }).map((f) => [f.range.start.line, f.message]);

describe('copy-ignored-file (CopyIgnoredFile)', () => {
  it('needs a build context', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCOPY Dockerfile .\n')).toEqual([]);
    expect(lines('FROM scratch\nCOPY Dockerfile .\n', null)).toEqual([]);
  });

  it('BuildKit: flags COPY and ADD of an excluded file', () => {
    expect(messages('\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', '\nDockerfile\n')).toEqual([
      [3, 'Attempting to Copy file "Dockerfile" that is excluded by .dockerignore'],
      [4, 'Attempting to Add file "Dockerfile" that is excluded by .dockerignore'],
    ]);
  });

  it('BuildKit: runs only when the check options enable it (experimental), whatever skip says', () => {
    const plain = (src: string) => flaggedLines(rule, src, { context: context('Dockerfile\n') });
    expect(plain('FROM scratch\nCOPY Dockerfile .\n')).toEqual([]);
    expect(plain('# check=skip=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n')).toEqual([]);
    expect(plain('# check=experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n')).toEqual([3]);
    expect(plain('# check=experimental=all\nFROM scratch\nCOPY Dockerfile .\n')).toEqual([3]);
    // dockerfile_lint_test.go: `skip=all;experimental=CopyIgnoredFile` still warns.
    expect(plain('# check=skip=all;experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\n')).toEqual([3]);
  });

  it('BuildKit: COPY --from reads another stage, not the context', () => {
    expect(lines('\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n', '\nfoobar\n')).toEqual([]);
  });

  it('BuildKit: a file brought back by ! is fine, and so is the whole context', () => {
    expect(lines('\nFROM scratch\nCOPY ./Dockerfile .\n', '\n**\n!Dockerfile\n')).toEqual([]);
    expect(lines('\nFROM scratch\nCOPY . .\n\t', '\n**\n!Dockerfile\n')).toEqual([]);
  });

  it('BuildKit: the context root is flagged only when every root entry is excluded', () => {
    expect(lines('\nFROM scratch\nCOPY . .\n', '\n.*\n')).toEqual([]);
    expect(messages('\nFROM scratch\nCOPY . .\n', '\n*\n')).toEqual([[3, 'Attempting to Copy file "." that is excluded by .dockerignore']]);
    expect(lines('FROM scratch\nCOPY / /ctx\n', '**\n')).toEqual([2]);
    expect(lines('FROM scratch\nCOPY . .\n', 'node_modules\n*.log\n', ['app.js'])).toEqual([]);
  });

  it('tests the source and its parent directories, after cleaning and expansion', () => {
    expect(messages('FROM scratch\nCOPY ./src//app.js /app/\n', 'src\n', ['src/app.js'])).toEqual([
      [2, 'Attempting to Copy file "src/app.js" that is excluded by .dockerignore'],
    ]);
    expect(lines('FROM scratch\nARG DIR=build\nCOPY $DIR/out /out\n', 'build\n', ['build/out'])).toEqual([3]);
    expect(lines('FROM scratch\nCOPY *.log /logs/\n', '*.log\n', ['a.log'])).toEqual([2]);
  });

  it('stays quiet when a ! pattern brings back something below the source (newer BuildKit)', () => {
    const files = ['sub/a.txt', 'sub/b.txt', 'other.txt', 'su.b/keep.txt'];
    expect(lines('FROM scratch\nCOPY sub /sub\n', 'sub\n!sub/a.txt\n', files)).toEqual([]);
    expect(lines('FROM scratch\nCOPY sub/a.txt /\n', 'sub\n!sub/a.txt\n', files)).toEqual([]);
    expect(lines('FROM scratch\nCOPY sub/*.txt /\n', 'sub\n!sub/a.txt\n', files)).toEqual([]);
    expect(lines('FROM scratch\nCOPY su.b /sub\n', 'su.b\n!su\\.b/keep.txt\n', files)).toEqual([]);
  });

  // BuildKit (validations.go, validateCopySourcePath): `if matcher == nil || matcher.Exclusions()
  // { return nil }`: any "!" pattern turns the check off, wherever it points.
  it('BuildKit: is off when the ignore file has any ! pattern', () => {
    const files = ['sub/a.txt', 'sub/b.txt', 'other.txt'];
    expect(lines('FROM scratch\nCOPY sub/a.txt /\n', 'sub\n!sub/b.txt\n', files)).toEqual([]);
    expect(lines('FROM scratch\nCOPY sub/a.txt /\n', 'sub\n!other.txt\n', files)).toEqual([]);
    expect(lines('FROM scratch\nCOPY sub/a.txt /\n', '!sub/b.txt\nsub\n', files)).toEqual([]);
  });

  it('ignores URLs, Git sources and here-documents', () => {
    const src = 'FROM scratch\nADD https://example.com/x.tgz /x\nADD git@github.com:moby/buildkit.git /src\nCOPY <<EOF /a\nx\nEOF\n';
    expect(lines(src, '*\n')).toEqual([]);
  });

  it('tests paths outside the context as BuildKit does, by their parents "" and ".."', () => {
    // MatchesOrParentMatches("/abs") tries the parent "", MatchesOrParentMatches("../up") the
    // parent "..": "*" matches both, a pattern naming the file does not.
    const src = 'FROM scratch\nCOPY /abs /b\nCOPY ../up /c\nCOPY .. /d\n';
    expect(messages(src, '*\n')).toEqual([
      [2, 'Attempting to Copy file "/abs" that is excluded by .dockerignore'],
      [3, 'Attempting to Copy file "../up" that is excluded by .dockerignore'],
      [4, 'Attempting to Copy file ".." that is excluded by .dockerignore'],
    ]);
    expect(lines(src, 'abs\nup\n')).toEqual([]);
  });

  it('treats an empty source as the context root, and skips an instruction whose expansion fails', () => {
    // Clean("") is ".": `COPY $UNSET /x` copies the whole context.
    expect(messages('FROM scratch\nCOPY $UNSET /x\n', '*\n')).toEqual([[2, 'Attempting to Copy file "." that is excluded by .dockerignore']]);
    // dispatch() expands every word before dispatchCopy: an error there ends the build first.
    expect(lines('FROM scratch\nCOPY --chown=${U:?unset} Dockerfile /x\n', 'Dockerfile\n')).toEqual([]);
  });
});
