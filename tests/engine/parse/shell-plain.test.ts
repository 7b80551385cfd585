import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heredocsFromLine, parseHeredocMarker } from '../../../src/engine/parse/heredoc.ts';
import { isPlainShellText, lexWord, plainWords, processWord, processWords, type ShellLexOptions } from '../../../src/engine/parse/shell/lex.ts';

const ENV = new Map([['A', 'x y']]);
const OPTIONS: ShellLexOptions[] = [
  {},
  { escape: '`' },
  { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true },
  { skipProcessQuotes: true },
];

describe('plain shell text (no quote, escape, $ or byte-order mark) skips the lexer', () => {
  it('splits like the lexer, `<<` keeping the blanks after it', () => {
    expect(plainWords('RUN <<EOF bash')).toEqual(['RUN', '<<EOF', 'bash']);
    expect(plainWords('RUN << EOF')).toEqual(['RUN', '<< EOF']);
    expect(plainWords('RUN cat <<<x 3<<-END')).toEqual(['RUN', 'cat', '<<<x', '3<<-END']);
    expect(plainWords('  ')).toEqual([]);
    expect(isPlainShellText('/app/dist')).toBe(true);
    for (const text of ['$A', "'a'", '"a"', 'a\\ b', 'a` b', '\ufeffa']) expect(isPlainShellText(text)).toBe(false);
  });

  it('gives exactly what the lexer gives, for every option set, on generated text', () => {
    const unit = fc.constantFrom('R', 'U', 'N', 'E', 'O', 'F', 'A', '<', '-', '3', '/', '.', ' ', '\t', '\n', '\u00a0', '\u0085', '\u2003', 'é', '\ud83d\ude00', '\ud800', '=', '$', "'", '"', '\\', '`', '{', '}', '\ufeff');
    fc.assert(
      fc.property(fc.string({ unit }), fc.constantFrom(...OPTIONS), (text, options) => {
        const want = lexWord(text, ENV, options);
        for (const got of [processWord(text, ENV, options), processWords(text, ENV, options)]) {
          expect(got.value).toBe(want.value);
          expect(got.words).toEqual(want.words);
          expect([...got.matched]).toEqual([...want.matched]);
          expect([...got.unmatched]).toEqual([...want.unmatched]);
          expect(got.error).toEqual(want.error);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('heredoc markers read as before', () => {
    expect(parseHeredocMarker('<<EOF')).toEqual({ name: 'EOF', fileDescriptor: 0, expand: true, chomp: false });
    expect(parseHeredocMarker('3<<-  END')).toEqual({ name: 'END', fileDescriptor: 3, expand: true, chomp: true });
    expect(parseHeredocMarker("<<'EOF'")).toEqual({ name: 'EOF', fileDescriptor: 0, expand: false, chomp: false });
    expect(parseHeredocMarker('<<E\u00a0F')).toBeNull();
    expect(heredocsFromLine('RUN --mount=type=cache,target=/x <<EOT bash').map((m) => m.name)).toEqual(['EOT']);
  });
});
