import { describe, expect, it } from 'vitest';
import { validPortRange as rule } from '../../../../src/engine/rules/catalog/instructions/valid-port-range.ts';
import { findings, flaggedLines } from '../support.ts';

describe('valid-port-range (DL3011)', () => {
  it('flags ports above 65535 (hadolint spec)', () => {
    expect(flaggedLines(rule, 'EXPOSE 80000\n')).toEqual([1]);
    expect(flaggedLines(rule, 'EXPOSE 40000-80000/tcp\n')).toEqual([1]);
    expect(findings(rule, 'EXPOSE 80000\n')[0]!.message).toBe('Valid UNIX ports range from 0 to 65535');
  });

  it('accepts valid ports and variables (hadolint spec)', () => {
    expect(flaggedLines(rule, 'EXPOSE 60000\n')).toEqual([]);
    expect(flaggedLines(rule, 'EXPOSE ${FOOBAR}\n')).toEqual([]);
    expect(flaggedLines(rule, 'EXPOSE 40000-60000/tcp\n')).toEqual([]);
    expect(flaggedLines(rule, 'EXPOSE 40000-${FOOBAR}\n')).toEqual([]);
  });

  it('underlines the bad port, checks ONBUILD and reports one finding per instruction', () => {
    const f = findings(rule, 'FROM nginx:1\nEXPOSE 80 99999/udp 70000\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 2, column: 11 }, end: { line: 2, column: 20 } });
    expect(flaggedLines(rule, 'FROM nginx:1\nONBUILD EXPOSE 70000\n')).toEqual([2]);
  });
});
