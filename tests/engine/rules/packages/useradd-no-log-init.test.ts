import { describe, expect, it } from 'vitest';
import { useraddNoLogInit as rule } from '../../../../src/engine/rules/catalog/packages/useradd-no-log-init.ts';
import { expectFixed, findings } from '../support.ts';
import { ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('useradd-no-log-init (DL3046)', () => {
  it('hadolint spec', () => {
    ruleCatchesNot(rule, 'RUN useradd luser');
    ruleCatchesNot(rule, 'RUN useradd -u 12345 luser');
    ruleCatchesNot(rule, 'RUN useradd -l -u 123456 luser');
    ruleCatchesNot(rule, 'RUN useradd -l luser');
    ruleCatches(rule, 'RUN useradd -u 123456 luser');
  });

  it('reads the value after -u only, and accepts --no-log-init', () => {
    ruleCatchesNot(rule, 'FROM debian:12\nRUN useradd --no-log-init -u 123456 app');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN useradd --uid 123456 app');
    ruleCatches(rule, 'FROM debian:12\nRUN groupadd -g 123456 app && useradd -r -u 123456 -g app app');
  });

  it('adds -l', () => {
    expect(findings(rule, 'FROM debian:12\nRUN useradd -u 123456 app\n')[0]!.message).toBe(
      '`useradd` without flag `-l` and high UID will result in excessively large Image.',
    );
    expectFixed(rule, 'FROM debian:12\nRUN useradd -u 123456 app\n', 'FROM debian:12\nRUN useradd -l -u 123456 app\n');
  });
});
