import { describe, expect, it } from 'vitest';
import { noCopyFromOwnStage as rule } from '../../../../src/engine/rules/catalog/instructions/no-copy-from-own-stage.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-copy-from-own-stage (DL3023)', () => {
  it('flags copying from the same stage (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM node as foo\nCOPY --from=foo bar .\n')).toEqual([2]);
    expect(findings(rule, 'FROM node as foo\nCOPY --from=foo bar .\n')[0]!.message).toBe(
      '`COPY --from` cannot reference its own `FROM` alias',
    );
  });

  it('accepts copying from other stages (hadolint spec)', () => {
    expect(flaggedLines(rule, 'FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n')).toEqual([]);
  });

  it('compares without case and catches its own index', () => {
    expect(flaggedLines(rule, 'FROM node AS App\nCOPY --from=app a b\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM node AS a\nFROM node\nCOPY --from=1 a b\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM node AS a\nFROM node\nCOPY --from=0 a b\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY --from=0 a b\n')).toEqual([]);
  });
});
