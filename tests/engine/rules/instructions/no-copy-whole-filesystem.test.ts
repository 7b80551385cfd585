import { describe, expect, it } from 'vitest';
import { noCopyWholeFilesystem as rule } from '../../../../src/engine/rules/catalog/instructions/no-copy-whole-filesystem.ts';
import { findings, flaggedLines } from '../support.ts';

describe('no-copy-whole-filesystem (DL3067)', () => {
  it('follows the hadolint spec', () => {
    expect(flaggedLines(rule, 'COPY --from=build / /\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY --from=build "/" "/"\n')).toEqual([1]);
    expect(flaggedLines(rule, 'COPY / /\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY --from=build /app /\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY --from=build / /app\n')).toEqual([]);
    expect(findings(rule, 'COPY --from=build / /\n')[0]!.message).toBe('Do not copy an entire filesystem from another stage');
  });

  it('finds the root among several sources and in the JSON form', () => {
    expect(flaggedLines(rule, 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b /etc/x / /\n')).toEqual([3]);
    expect(flaggedLines(rule, 'FROM a:1 AS b\nFROM c:1\nCOPY --from=b ["/", "/"]\n')).toEqual([3]);
  });
});
