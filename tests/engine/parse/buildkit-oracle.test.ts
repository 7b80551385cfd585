/**
 * Cases where a differential run against BuildKit's own parser (built from its Go source, fed
 * about 245,000 generated Dockerfiles) once disagreed with ours; the expected values are what
 * BuildKit's parser.Parse returned. Line numbers are the one deliberate difference: BuildKit
 * reports a directive error, an over-long line and "file with no instructions" one line early
 * (0 for the first line); ours point at the line itself.
 */
import { describe, expect, it } from 'vitest';
import { dumpBuildKit, parseDockerfile } from '../../../src/engine/parse/index.ts';

const dump = (src: string) => {
  const result = parseDockerfile(src);
  expect(result.errors.filter((e) => e.kind === 'syntax')).toEqual([]);
  return dumpBuildKit(result).trimEnd();
};
const syntaxError = (src: string) => {
  const e = parseDockerfile(src).errors.find((x) => x.kind === 'syntax');
  return e ? [e.message, e.range.start.line] : null;
};

describe('agreement with BuildKit’s parser on generated inputs', () => {
  it('lower-cases keywords rune by rune, as Go does (İ is i, a final Σ is σ)', () => {
    expect(dump('MA\u0130NTAINER a b')).toBe('(maintainer "a b")');
    expect(dump('A\u03a3\t')).toBe('(a\u03c3 "")');
    // Go's EqualFold: the long s folds to s, so `aſ` is no `AS` to the instruction parser
    // either way here (the dump keeps the words).
    expect(dump('FROM x a\u017f y')).toBe('(from "x" "a\u017f" "y")');
  });

  it('reads builder flags with the escape character of the `# escape=` directive', () => {
    expect(dump('# escape=`\nFROM a\nCOPY --chown=a` b x y\n')).toBe('(from "a")\n(copy ["--chown=a b"] "x" "y")');
    expect(dump('# escape=`\nFROM a\nCOPY --x\\ y a b\n')).toBe('(from "a")\n(copy ["--x\\\\"] "y" "a" "b")');
  });

  it('takes a JSON number beyond float64, at any depth, for shell form', () => {
    expect(dump('FROM a\nRUN [[1e999]]\n')).toBe('(from "a")\n(run "[[1e999]]")');
  });

  it('places a line-parser error on the instruction’s first line', () => {
    expect(syntaxError('FROM a\nLABEL \\\n  a\n')).toEqual(['LABEL must have two arguments', 2]);
    expect(syntaxError('eNv\\\n A=\\\naRG A ')).toEqual(['Syntax error - can\'t find = in "A". Must be of the form: name=value', 1]);
  });

  it('loses the start of a word at a ${...} with a modifier, as BuildKit’s lexer does: no heredoc', () => {
    expect(dump('FROM a\nRUN <<EOF${X:-y}\necho hi\nEOF${X:-y}\n')).toBe('(from "a")\n(run "<<EOF${X:-y}")\n(echo "")\n(eof${x:-y} "")');
    expect(dump('COPY <<${a-}')).toBe('(copy "<<${a-}")');
    // A plain ${a} keeps the word.
    expect(parseDockerfile('FROM a\nRUN <<EOF${a}\nx\nEOF${a}\n').instructions[1]!.heredocs.map((h) => h.name)).toEqual(['EOF${a}']);
  });

  it('keeps U+FEFF, which is no space to Go, where it stands', () => {
    expect(dump('FROM a\nHEALTHCHECK \ufeffCMD true\n')).toBe('(from "a")\n(healthcheck "\\ufeffCMD" "true")');
  });

  it('quotes values in error messages as Go’s %q does', () => {
    expect(syntaxError('FROM a\nENV A=b \u0001\n')).toEqual(['Syntax error - can\'t find = in "\\x01". Must be of the form: name=value', 2]);
  });

  it('counts a \\r before the \\n in the 64 KiB line limit', () => {
    expect(syntaxError(`FROM a\nRUN ${'a'.repeat(65531)}\r\n`)).toEqual(['dockerfile line greater than max allowed size of 65535', 2]);
    expect(syntaxError(`FROM a\nRUN ${'a'.repeat(65530)}\r\n`)).toBeNull();
  });
});
