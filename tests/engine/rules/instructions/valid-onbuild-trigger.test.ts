import { describe, expect, it } from 'vitest';
import { validOnbuildTrigger as rule } from '../../../../src/engine/rules/catalog/instructions/valid-onbuild-trigger.ts';
import { findings, flaggedLines } from '../support.ts';

describe('valid-onbuild-trigger (DL3043)', () => {
  it('flags ONBUILD, FROM and MAINTAINER triggers (hadolint spec)', () => {
    expect(flaggedLines(rule, 'ONBUILD ONBUILD RUN anything\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ONBUILD FROM debian:buster\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ONBUILD MAINTAINER "BoJack Horseman"\n')).toEqual([1]);
    expect(findings(rule, 'ONBUILD FROM debian:buster\n')[0]!.message).toBe(
      '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
    );
  });

  it('accepts other triggers and FROM/MAINTAINER outside ONBUILD (hadolint spec)', () => {
    for (const src of [
      'ONBUILD ADD anything anywhere',
      'ONBUILD USER anything',
      'ONBUILD LABEL bla="blubb"',
      'ONBUILD STOPSIGNAL anything',
      'ONBUILD COPY anything anywhere',
      'ONBUILD RUN anything',
      'ONBUILD CMD anything',
      'ONBUILD SHELL anything',
      'ONBUILD WORKDIR anything',
      'ONBUILD EXPOSE 69',
      'ONBUILD VOLUME anything',
      'ONBUILD ENTRYPOINT anything',
      'ONBUILD ENV MYVAR="bla"',
      'ONBUILD ARG anything',
      'ONBUILD HEALTHCHECK NONE',
      'FROM debian:buster',
      'MAINTAINER "Some Guy"',
    ]) {
      expect(flaggedLines(rule, `${src}\n`), src).toEqual([]);
    }
  });

  it('underlines the trigger keyword, in any case', () => {
    expect(findings(rule, 'FROM debian:12\nonbuild from debian:12\n')[0]!.range).toEqual({
      start: { line: 2, column: 9 },
      end: { line: 2, column: 13 },
    });
  });
});
