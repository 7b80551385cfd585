import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHeredocMarker, plainWords } from '../../../src/engine/parse/heredoc.ts';
import { processWords } from '../../../src/engine/parse/shell/lex.ts';

const NO_ENV = new Map<string, string>();
const lexed = (text: string) => processWords(text, NO_ENV, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).words;

describe('heredoc marker words without quotes, escapes or variables', () => {
  it('split like the shell lexer, `<<` keeping the blanks after it', () => {
    expect(plainWords('RUN <<EOF bash')).toEqual(['RUN', '<<EOF', 'bash']);
    expect(plainWords('RUN << EOF')).toEqual(['RUN', '<< EOF']);
    expect(plainWords('RUN cat <<<x 3<<-END')).toEqual(['RUN', 'cat', '<<<x', '3<<-END']);
    expect(plainWords('  ')).toEqual([]);
  });

  it('agree with the shell lexer on generated lines', () => {
    const unit = fc.constantFrom('R', 'U', 'N', 'E', 'O', 'F', '<', '-', '3', ' ', '\t', '\n', '\u00a0', '\u0085', '\u2003', 'é', '\ud83d\ude00', '=');
    fc.assert(fc.property(fc.string({ unit }), (text) => {
      expect(plainWords(text)).toEqual(lexed(text));
    }), { numRuns: 5000 });
  });

  it('a plain delimiter reads as the lexer reads it', () => {
    expect(parseHeredocMarker('<<EOF')).toEqual({ name: 'EOF', fileDescriptor: 0, expand: true, chomp: false });
    expect(parseHeredocMarker('3<<-  END')).toEqual({ name: 'END', fileDescriptor: 3, expand: true, chomp: true });
    expect(parseHeredocMarker("<<'EOF'")).toEqual({ name: 'EOF', fileDescriptor: 0, expand: false, chomp: false });
    expect(parseHeredocMarker('<<E\u00a0F')).toBeNull();
  });
});
