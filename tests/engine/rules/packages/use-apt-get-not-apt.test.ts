import { describe, expect, it } from 'vitest';
import { useAptGetNotApt as rule } from '../../../../src/engine/rules/catalog/packages/use-apt-get-not-apt.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, ruleCatchesNot } from './hadolint.ts';

describe('use-apt-get-not-apt (DL3027)', () => {
  it('hadolint spec', () => {
    catchesBoth(rule, ['FROM ubuntu', 'RUN apt install python']);
  });

  it('flags apt as a command only', () => {
    ruleCatchesNot(rule, 'FROM ubuntu:24.04\nRUN apt-get install -y python3 && apt-cache policy python3');
    ruleCatchesNot(rule, 'FROM ubuntu:24.04\nRUN echo apt install');
    const f = findings(rule, 'FROM ubuntu:24.04\nRUN apt-get update && apt list --installed\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range.start).toEqual({ line: 2, column: 23 });
    expect(f[0]!.message).toBe('Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead');
    expect(f[0]!.fix).toBeUndefined();
  });

  it('checks the exec form and ONBUILD, and honours pragmas', () => {
    expect(flaggedLines(rule, 'FROM ubuntu:24.04\nRUN ["apt", "update"]\nONBUILD RUN apt update\n')).toEqual([2, 3]);
    expect(flaggedLines(rule, 'FROM ubuntu:24.04\n# hadolint ignore=DL3027\nRUN apt update\n')).toEqual([]);
  });
});
