import { describe, expect, it } from 'vitest';
import { dumpBuildKit, parseDockerfile } from '../../../src/engine/parse/index.ts';
import type { Instruction, InstructionKeyword, InstructionOf } from '../../../src/engine/parse/index.ts';

const dump = (source: string) => dumpBuildKit(parseDockerfile(source)).trimEnd().split('\n');
const only = <K extends InstructionKeyword>(source: string, keyword: K) => {
  const result = parseDockerfile(source);
  const found = result.instructions.find((i) => i.keyword === keyword);
  if (!found) throw new Error(`no ${keyword} in ${JSON.stringify(source)}`);
  return { instruction: found as InstructionOf<K>, result };
};
const messages = (source: string) => parseDockerfile(source).errors.map((e) => e.message);

describe('parser directives', () => {
  it('reads syntax, escape and check at the top of the file', () => {
    const result = parseDockerfile('# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine\n');
    expect(result.directives.map((d) => [d.name, d.value, d.range.start.line])).toEqual([
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=JSONArgsRecommended;error=true', 3],
    ]);
    expect(result.escapeCharacter).toBe('`');
  });

  it('ignores a directive after a blank line, a comment or an instruction', () => {
    expect(parseDockerfile('\n# escape=`\nFROM a\n').escapeCharacter).toBe('\\');
    expect(parseDockerfile('# hello\n# escape=`\nFROM a\n').escapeCharacter).toBe('\\');
    expect(parseDockerfile('FROM a\n# escape=`\n').directives).toEqual([]);
  });

  it('rejects a repeated directive and an invalid escape character, with the line', () => {
    const repeated = parseDockerfile('# escape=`\n# escape=\\\nFROM a\n');
    expect(repeated.errors[0]).toMatchObject({ message: 'only one escape parser directive can be used' });
    expect(repeated.errors[0]!.range.start.line).toBe(2);
    expect(messages('# escape=x\nFROM a\n')).toContain("invalid escape token 'x' does not match ` or \\");
  });

  it('uses the backtick as escape and line continuation', () => {
    expect(dump('# escape=`\nFROM a\nRUN echo `\n  hello C:\\path\n')).toEqual([
      '(from "a")',
      '(run "echo   hello C:\\\\path")',
    ]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(dump('\uFEFFFROM a\n')).toEqual(['(from "a")']);
  });
});

describe('line continuations', () => {
  it('joins continued lines and keeps the continuation lines as written', () => {
    expect(dump('RUN a \\\n    b\n')).toEqual(['(run "a     b")']);
  });

  it('skips comment lines and empty lines inside a continued instruction, and warns on empty ones', () => {
    const result = parseDockerfile('FROM a\nRUN one \\\n# a comment\n\n  two\n');
    expect(dumpBuildKit(result)).toBe('(from "a")\n(run "one   two")\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.range.start.line).toBe(2);
  });

  it('does not continue a line that ends with an escaped escape character', () => {
    expect(dump('ENV C a\\\\\nENV D b\n')).toEqual(['(env "C" "a\\\\\\\\" "")', '(env "D" "b" "")']);
  });

  it('ends a continuation at the end of the file', () => {
    // BuildKit trims the joined line, so the space before the escape does not survive.
    expect(dump('FROM a\nRUN x \\')).toEqual(['(from "a")', '(run "x")']);
  });

  it('handles CRLF line endings', () => {
    expect(dump('FROM a\r\nRUN b \\\r\n  c\r\n')).toEqual(['(from "a")', '(run "b   c")']);
  });

  it('gives the instruction the range of all its lines', () => {
    const { instruction } = only('FROM a\n  RUN x \\\n   && y\n', 'RUN');
    expect(instruction.range).toEqual({ start: { line: 2, column: 3 }, end: { line: 3, column: 8 } });
  });
});

describe('heredocs', () => {
  it('reads a heredoc body up to its terminator', () => {
    const { instruction, result } = only('FROM a\nRUN <<EOF\necho hi\necho $HOME\nEOF\nRUN b\n', 'RUN');
    expect(instruction.heredocs).toEqual([
      expect.objectContaining({ name: 'EOF', content: 'echo hi\necho $HOME\n', expand: true, chomp: false }),
    ]);
    expect(instruction.range.end.line).toBe(5);
    expect(result.instructions).toHaveLength(3);
  });

  it('chomps leading tabs for <<- only when the body is used, and matches the tabbed terminator', () => {
    const { instruction } = only('FROM a\nCOPY <<-EOF /x\n\tone\n\tEOF\n', 'COPY');
    expect(instruction.heredocs[0]!.content).toBe('\tone\n');
    expect(instruction.sourceContents).toEqual([{ path: 'EOF', data: 'one\n', expand: true }]);
    expect(instruction.destination?.value).toBe('/x');
  });

  it('does not expand a quoted delimiter', () => {
    expect(only("FROM a\nRUN <<'EOF'\n$X\nEOF\n", 'RUN').instruction.heredocs[0]!.expand).toBe(false);
    expect(only('FROM a\nRUN <<"EOF"\n$X\nEOF\n', 'RUN').instruction.heredocs[0]!.expand).toBe(false);
  });

  it('reads several heredocs in order, with file descriptors', () => {
    const { instruction } = only('FROM a\nCOPY <<X 3<<Y /dest\nY\nX\nX\nY\n', 'COPY');
    expect(instruction.heredocs.map((h) => [h.name, h.content, h.fileDescriptor])).toEqual([
      ['X', 'Y\n', 0],
      ['Y', 'X\n', 3],
    ]);
  });

  it('has no heredocs in exec form or in other instructions', () => {
    expect(only('FROM a\nRUN ["<<EOF"]\n', 'RUN').instruction.heredocs).toEqual([]);
    const result = parseDockerfile('FROM a\nUSER <<INVALID\nINVALID\n');
    expect(result.instructions.map((i) => i.keyword)).toEqual(['FROM', 'USER', 'UNKNOWN']);
  });

  it('reports an unterminated heredoc with its start line', () => {
    const result = parseDockerfile('FROM a\nRUN <<EOF\necho\n');
    expect(result.errors).toEqual([expect.objectContaining({ message: 'unterminated heredoc', kind: 'syntax' })]);
    expect(result.errors[0]!.range.start.line).toBe(2);
  });
});

describe('JSON and shell forms', () => {
  it('reads a JSON array as exec form', () => {
    const { instruction } = only('CMD ["node", "server.js"]', 'CMD');
    expect(instruction.form).toBe('exec');
    expect(instruction.command).toEqual(['node', 'server.js']);
    expect(instruction.args[1]!.range).toEqual({ start: { line: 1, column: 14 }, end: { line: 1, column: 25 } });
  });

  it('falls back to shell form for malformed JSON, as BuildKit does', () => {
    for (const text of ["CMD ['a']", 'CMD ["a"', 'CMD ["a"] b', 'CMD [a]']) {
      const { instruction } = only(text, 'CMD');
      expect(instruction.form).toBe('shell');
      expect(instruction.command).toEqual([text.slice(4)]);
    }
  });

  it('rejects a JSON array with other than strings', () => {
    expect(messages('CMD ["a", 1]')).toContain('when using JSON array syntax, arrays must be comprised of strings only');
    expect(messages('CMD ["a", ["b"]]')).toHaveLength(1);
  });
});

describe('instructions and flags', () => {
  it('reads FROM with platform and a stage name, lower-cased', () => {
    const { instruction } = only('FROM --platform=$BUILDPLATFORM node:22-slim AS Build', 'FROM');
    expect(instruction).toMatchObject({ image: 'node:22-slim', stageName: 'build', platform: '$BUILDPLATFORM' });
  });

  it('rejects bad stage names and argument counts', () => {
    expect(messages('FROM a AS 1x')[0]).toMatch(/invalid name for build stage: "1x"/);
    expect(messages('FROM a b')).toEqual(['FROM requires either one or three arguments']);
  });

  it('reads COPY flags', () => {
    const { instruction } = only(
      'FROM a\nCOPY --from=build --chown=node:node --chmod=0755 --link --parents --exclude=*.md --exclude=test ./a ./b /app/',
      'COPY',
    );
    expect(instruction).toMatchObject({
      from: 'build', chown: 'node:node', chmod: '0755', link: true, parents: true, exclude: ['*.md', 'test'],
    });
    expect(instruction.sources.map((s) => s.value)).toEqual(['./a', './b']);
    expect(instruction.destination?.value).toBe('/app/');
  });

  it('reads ADD flags', () => {
    const { instruction } = only(
      'FROM a\nADD --keep-git-dir=true --checksum=sha256:abc --unpack=false https://x/y.tgz /y',
      'ADD',
    );
    expect(instruction).toMatchObject({ keepGitDir: true, checksum: 'sha256:abc', unpack: false });
  });

  it('rejects unknown, duplicate and valueless flags', () => {
    expect(messages('FROM a\nCOPY --user=me a b')).toEqual(['unknown flag: user']);
    expect(messages('FROM a\nCOPY --from=a --from=b a b')).toEqual(['duplicate flag specified: from']);
    expect(messages('FROM a\nCOPY --from a b')).toEqual(['missing a value on flag: from']);
    expect(messages('FROM a\nCOPY --link=maybe a b')).toEqual(['expecting boolean value for flag link, not: maybe']);
    const [error] = parseDockerfile('FROM a\nCOPY --user=me a b').errors;
    expect(error!.range).toEqual({ start: { line: 2, column: 6 }, end: { line: 2, column: 15 } });
  });

  it('reads RUN mounts, network and security', () => {
    const { instruction } = only(
      'FROM a\nRUN --mount=type=cache,target=/root/.npm,sharing=locked --mount=type=secret,id=npmrc,required --mount=type=bind,from=build,source=/out,target=/in --network=none --security=insecure npm ci',
      'RUN',
    );
    expect(instruction.mounts).toEqual([
      expect.objectContaining({ type: 'cache', target: '/root/.npm', sharing: 'locked', readOnly: false }),
      expect.objectContaining({ type: 'secret', id: 'npmrc', required: true }),
      expect.objectContaining({ type: 'bind', from: 'build', source: '/out', target: '/in', readOnly: true }),
    ]);
    expect(instruction).toMatchObject({ network: 'none', security: 'insecure', command: ['npm ci'] });
    expect(instruction.mounts[0]!.range.start).toEqual({ line: 2, column: 5 });
  });

  it('rejects invalid mounts', () => {
    expect(messages('FROM a\nRUN --mount=type=nfs x')).toEqual(['unsupported mount type "nfs"']);
    expect(messages('FROM a\nRUN --mount=type=bind,sharing=locked x')).toEqual(['invalid cache sharing set for bind mount']);
    expect(messages('FROM a\nRUN --mount=type=cache,target=/x,colour=red x')[0]).toMatch(/^unexpected key 'colour'/);
  });

  it('reads HEALTHCHECK NONE and CMD with every flag', () => {
    expect(only('FROM a\nHEALTHCHECK NONE', 'HEALTHCHECK').instruction.type).toBe('NONE');
    const { instruction } = only(
      'FROM a\nHEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --start-interval=500ms --retries=3 CMD wget -qO- http://localhost:3000/health || exit 1',
      'HEALTHCHECK',
    );
    expect(instruction).toMatchObject({
      type: 'CMD', form: 'shell', intervalMs: 30_000, timeoutMs: 3000, startPeriodMs: 90_000, startIntervalMs: 500, retries: 3,
      command: ['wget -qO- http://localhost:3000/health || exit 1'],
    });
    expect(only('FROM a\nHEALTHCHECK CMD ["node", "hc.js"]', 'HEALTHCHECK').instruction.command).toEqual(['node', 'hc.js']);
    expect(messages('FROM a\nHEALTHCHECK --interval=soon CMD x')).toEqual(['time: invalid duration "soon"']);
    expect(messages('FROM a\nHEALTHCHECK --interval=2562048h CMD x')).toEqual(['time: invalid duration "2562048h"']);
    expect(messages('FROM a\nHEALTHCHECK NONE x')).toEqual(['HEALTHCHECK NONE takes no arguments']);
    expect(messages('FROM a\nHEALTHCHECK CONNECT x')).toEqual(['Unknown type "CONNECT" in HEALTHCHECK (try CMD)']);
  });

  // BuildKit reads --retries with strconv.ParseInt(value, 10, 32) and hands its errors on.
  it('reads --retries as a 32-bit integer, with strconv.ParseInt\'s errors', () => {
    const retries = (value: string) => only(`FROM a\nHEALTHCHECK --retries=${value} CMD x`, 'HEALTHCHECK').instruction.retries;
    expect(retries('+7')).toBe(7);
    expect(retries('2147483647')).toBe(2147483647);
    expect(retries('0')).toBe(0);
    expect(messages('FROM a\nHEALTHCHECK --retries=2147483648 CMD x')).toEqual(['strconv.ParseInt: parsing "2147483648": value out of range']);
    expect(messages('FROM a\nHEALTHCHECK --retries=-2147483649 CMD x')).toEqual(['strconv.ParseInt: parsing "-2147483649": value out of range']);
    expect(messages('FROM a\nHEALTHCHECK --retries=-2 CMD x')).toEqual(['--retries cannot be negative (-2)']);
    expect(messages('FROM a\nHEALTHCHECK --retries=3x CMD x')).toEqual(['strconv.ParseInt: parsing "3x": invalid syntax']);
    expect(messages('FROM a\nHEALTHCHECK --retries=1_0 CMD x')).toEqual(['strconv.ParseInt: parsing "1_0": invalid syntax']);
    // BuildKit reads flags byte by byte, each byte written back as a rune: é arrives as Ã©.
    expect(messages('FROM a\nHEALTHCHECK --retries=é CMD x')).toEqual(['strconv.ParseInt: parsing "Ã©": invalid syntax']);
  });

  it('reads ENV and LABEL in both forms, and ARG with and without defaults', () => {
    expect(only('FROM a\nENV A=1 B="two words"', 'ENV').instruction.pairs.map((p) => [p.key, p.value, p.separator])).toEqual([
      ['A', '1', '='],
      ['B', '"two words"', '='],
    ]);
    expect(only('FROM a\nENV A one two', 'ENV').instruction.pairs.map((p) => [p.key, p.value, p.separator])).toEqual([
      ['A', 'one two', ''],
    ]);
    expect(only('ARG A B=2', 'ARG').instruction.definitions.map((d) => [d.name, d.defaultValue])).toEqual([
      ['A', null],
      ['B', '2'],
    ]);
    expect(messages('FROM a\nENV A')).toEqual(['ENV must have two arguments']);
    expect(messages('FROM a\nENV A=1 B')[0]).toMatch(/can't find = in "B"/);
  });

  it('reads ONBUILD triggers and refuses forbidden ones', () => {
    const { instruction } = only('FROM a\nONBUILD COPY --chown=1 . /app', 'ONBUILD');
    expect(instruction.trigger).toMatchObject({ keyword: 'COPY', chown: '1' });
    expect(dump('FROM a\nONBUILD RUN ["a"]')[1]).toBe('(onbuild (run "a"))');
    expect(messages('FROM a\nONBUILD FROM b')).toEqual(["FROM isn't allowed as an ONBUILD trigger"]);
  });

  it('reads the remaining single-value and list instructions', () => {
    const result = parseDockerfile('FROM a\nMAINTAINER me\nUSER node:node\nWORKDIR /app\nSTOPSIGNAL SIGTERM\nEXPOSE 80 443/tcp\nVOLUME ["/data"]\nSHELL ["/bin/bash", "-c"]\n');
    expect(result.errors).toEqual([]);
    expect(result.instructions.slice(1).map((i) => ('value' in i ? i.value : 'values' in i ? i.values : 'shell' in i ? i.shell : null))).toEqual([
      'me', 'node:node', '/app', 'SIGTERM', ['80', '443/tcp'], ['/data'], ['/bin/bash', '-c'],
    ]);
    expect(messages('FROM a\nSHELL bash -c')).toEqual(['SHELL requires the arguments to be in JSON form']);
  });

  it('keeps unknown instructions and reports them', () => {
    const result = parseDockerfile('FROM a\nFOO bar\n');
    expect(dumpBuildKit(result)).toBe('(from "a")\n(foo "")\n');
    expect(result.errors).toEqual([expect.objectContaining({ message: 'unknown instruction: FOO', kind: 'instruction' })]);
  });

  it('keeps the keyword as written for casing checks', () => {
    expect(parseDockerfile('from a AS b\nrun x').instructions.map((i) => i.keywordText)).toEqual(['from', 'run']);
  });
});

describe('errors', () => {
  it('reports a file with no instructions', () => {
    expect(messages('')).toEqual(['file with no instructions']);
    expect(messages('# only a comment\n\n')).toEqual(['file with no instructions']);
  });

  it('keeps parsing after an error', () => {
    const result = parseDockerfile('FROM a\nENV X\nRUN ok\nCMD ["a", 1]\nUSER node\n');
    expect(result.errors.map((e) => e.range.start.line)).toEqual([2, 4]);
    expect(result.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'USER']);
  });

  it('reports a line longer than BuildKit can read', () => {
    const result = parseDockerfile(`FROM a\nRUN ${'x'.repeat(70_000)}\n`);
    expect(result.errors[0]!.message).toBe('dockerfile line greater than max allowed size of 65535');
    expect(result.errors[0]!.range.start.line).toBe(2);
  });
});

describe('segments map the logical line back to the source', () => {
  it('has none for a one-line instruction and maps offsets from its start', async () => {
    const { positionInSegments } = await import('../../../src/engine/parse/index.ts');
    const run = parseDockerfile('FROM a\n  RUN echo hi\n').instructions[1]!;
    expect(run.segments).toEqual([]);
    expect(positionInSegments(run.segments, 4, run.range.start)).toEqual({ line: 2, column: 7 });
  });

  it('maps every continuation piece, including one after an empty first line', async () => {
    const { positionInSegments } = await import('../../../src/engine/parse/index.ts');
    const run = parseDockerfile('FROM a\nRUN a && \\\n    b\n').instructions[1]!;
    expect(positionInSegments(run.segments, run.original.indexOf('b'), run.range.start)).toEqual({ line: 3, column: 5 });
    const odd = parseDockerfile('FROM a\n\\\nRUN b\n').instructions[1]!;
    expect(positionInSegments(odd.segments, odd.original.indexOf('b'), odd.range.start)).toEqual({ line: 3, column: 5 });
  });
});
