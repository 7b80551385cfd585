import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processWord, processWords } from '../../../src/engine/parse/shell/lex.ts';
import { shared } from '../../support/shared.ts';

const envVarTable = shared('corpus/buildkit-shell/envVarTest');
const wordsTable = shared('corpus/buildkit-shell/wordsTest');

/** The environment BuildKit's lex_test.go uses for its envVarTest table. */
const TABLE_ENV = new Map([
  ['PWD', '/home'],
  ['SHELL', 'bash'],
  ['KOREAN', '한국어'],
  ['NULL', ''],
]);

function envVarCases(): Array<[string, string]> {
  if (!envVarTable.exists) return [];
  const cases: Array<[string, string]> = [];
  for (const line of readFileSync(envVarTable.path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [platform, source, expected = ''] = line.split('|');
    // 'W' rows describe Windows builders, whose variable names are case-insensitive.
    if (platform!.trim() === 'W') continue;
    cases.push([source!.trim(), expected.trim()]);
  }
  return cases;
}

describe.skipIf(!envVarTable.exists)("BuildKit's envVarTest table", () => {
  it.each(envVarCases())('%s → %s', (source, expected) => {
    const result = processWord(source, TABLE_ENV);
    if (expected === 'error') {
      expect(result.error).toBeDefined();
    } else {
      expect(result.error).toBeUndefined();
      expect(result.value).toBe(expected);
    }
  });
});

describe.skipIf(!wordsTable.exists)("BuildKit's wordsTest table", () => {
  const cases: Array<[string, string[], Map<string, string>]> = [];
  if (wordsTable.exists) {
    const env = new Map<string, string>();
    for (const line of readFileSync(wordsTable.path, 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      if (line.startsWith('ENV ')) {
        const assignment = line.slice(4).replace(/^ +/, '');
        const eq = assignment.indexOf('=');
        env.set(assignment.slice(0, eq), assignment.slice(eq + 1));
        continue;
      }
      const [source, expected] = line.split('|');
      cases.push([source!.trim(), expected!.replace(/^ +/, '').split(','), new Map(env)]);
    }
  }
  it.each(cases)('%s → %j', (source, expected, env) => {
    const result = processWords(source, env);
    if (expected[0] === 'error') {
      expect(result.error).toBeDefined();
    } else {
      expect(result.error).toBeUndefined();
      expect(result.words).toEqual(expected);
    }
  });
});

describe('shell lexer', () => {
  const env = new Map([
    ['NAME', 'layerwise'],
    ['PATH_VAR', '/usr/local/lib/node/bin'],
    ['EMPTY', ''],
  ]);
  const value = (word: string, options = {}) => processWord(word, env, options);

  it.each([
    ['$NAME', 'layerwise'],
    ['${NAME}', 'layerwise'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${NAME:+set}', 'set'],
    ['${EMPTY+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${PATH_VAR#*/}', 'usr/local/lib/node/bin'],
    ['${PATH_VAR##*/}', 'bin'],
    ['${PATH_VAR%/*}', '/usr/local/lib/node'],
    ['${PATH_VAR%%/l*}', '/usr'],
    ['${PATH_VAR/l/L}', '/usr/Local/lib/node/bin'],
    ['${PATH_VAR//l/L}', '/usr/LocaL/Lib/node/bin'],
    ['${NAME#\\*}', 'layerwise'],
    ["'$NAME'", '$NAME'],
    ['"$NAME"', 'layerwise'],
    ['\\$NAME', '$NAME'],
  ])('%s expands to %s', (word, expected) => {
    expect(value(word).value).toBe(expected);
  });

  it('reports ${VAR:?message} with the message', () => {
    expect(value('${MISSING:?set MISSING first}').error?.message).toContain('MISSING: set MISSING first');
    expect(value('${EMPTY:?}').error?.message).toContain('EMPTY: is not allowed to be empty');
    expect(value('${MISSING?}').error?.message).toContain('MISSING: is not allowed to be unset');
  });

  it('records which variables were found and which were not', () => {
    const result = value('$NAME ${OTHER:-x} ${EMPTY}');
    expect([...result.matched].sort()).toEqual(['EMPTY', 'NAME']);
    expect([...result.unmatched]).toEqual(['OTHER']);
  });

  it('keeps unset variables as written when asked to', () => {
    expect(value('$MISSING ${MISSING} ${MISSING:-x} $NAME', { skipUnsetEnv: true }).value).toBe(
      '$MISSING ${MISSING} ${MISSING:-x} layerwise',
    );
  });

  it('honours the backtick escape character', () => {
    expect(value('C:`$NAME', { escape: '`' }).value).toBe('C:$NAME');
    expect(value('C:\\$NAME', { escape: '`' }).value).toBe('C:\\layerwise');
  });

  it('keeps quotes and escapes when raw', () => {
    expect(value(`"a b" 'c' \\d`, { rawQuotes: true, rawEscapes: true }).value).toBe(`"a b" 'c' \\d`);
  });

  it('keeps the whitespace after << in one word, for heredoc detection', () => {
    expect(processWords('cat << EOF > x', env).words).toEqual(['cat', '<< EOF', '>', 'x']);
  });

  it('returns an error instead of throwing on malformed input', () => {
    for (const bad of ['${', '${NAME', '"open', "'open", '${NAME/x', '${NAME#\\q}', '${NAME:=x}']) {
      const result = value(bad);
      expect(result.error, bad).toBeDefined();
      expect(result.value).toBe('');
    }
  });
});
