import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/engine/parse/index.ts';

// The parser reads physical lines in place, by offset; heredoc bodies are cut from the source in
// one piece. These pin what that must give: bodies exactly as written (CR kept), up to the
// terminator line, and positions measured on the lines as written.
describe('physical lines read in place', () => {
  it('keeps a CRLF heredoc body as written and ends the instruction on its terminator', () => {
    const result = parseDockerfile('FROM a\r\nRUN <<EOF\r\necho 1\r\n\techo 2\r\nEOF\r\n');
    const run = result.instructions[1]!;
    expect(run.heredocs.map((h) => h.content)).toEqual(['echo 1\r\n\techo 2\r\n']);
    expect(run.heredocs[0]!.range).toEqual({ start: { line: 3, column: 1 }, end: { line: 5, column: 4 } });
    expect(run.range.end).toEqual({ line: 5, column: 4 });
    expect(result.errors).toEqual([]);
  });

  it('reads two heredocs in turn, a tab-stripped terminator and a last line without newline', () => {
    const copy = parseDockerfile('FROM a\nCOPY <<-A <<B /x\n\tone\n\tA\ntwo\nB').instructions[1]!;
    expect(copy.heredocs.map((h) => [h.name, h.content])).toEqual([
      ['A', '\tone\n'],
      ['B', 'two\n'],
    ]);
    expect(copy.range.end).toEqual({ line: 6, column: 2 });
  });

  it('runs an unterminated heredoc to the end of the file, CR included', () => {
    const result = parseDockerfile('FROM a\nRUN <<EOF\necho\nno end\r');
    expect(result.instructions[1]!.heredocs[0]!.content).toBe('echo\nno end\r');
    expect(result.errors).toEqual([
      { kind: 'syntax', message: 'unterminated heredoc', range: { start: { line: 2, column: 1 }, end: { line: 4, column: 8 } } },
    ]);
  });

  it('does not count a byte-order mark in the first line', () => {
    const result = parseDockerfile('\uFEFF  FROM a\n');
    expect(result.instructions[0]!.range).toEqual({ start: { line: 1, column: 3 }, end: { line: 1, column: 9 } });
    expect(parseDockerfile('\uFEFF').errors[0]!.range).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  });
});
