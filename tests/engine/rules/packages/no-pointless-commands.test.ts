import { describe, expect, it } from 'vitest';
import { noPointlessCommands as rule } from '../../../../src/engine/rules/catalog/packages/no-pointless-commands.ts';
import { findings, flaggedLines } from '../support.ts';
import { catchesBoth, catchesNeither, ruleCatches, ruleCatchesNot } from './hadolint.ts';

describe('no-pointless-commands (DL3001)', () => {
  it('flags commands that make no sense in a build (hadolint spec)', () => {
    catchesBoth(rule, 'RUN top');
    catchesNeither(rule, 'RUN apt-get install ssh');
  });

  it('knows the whole list, as commands only', () => {
    for (const cmd of ['free', 'kill 1', 'mount /dev/sda', 'ps aux', 'service nginx start', 'shutdown -h now', 'ssh host', 'vim x']) {
      ruleCatches(rule, `FROM debian:12\nRUN ${cmd}`);
    }
    ruleCatchesNot(rule, 'FROM debian:12\nRUN echo ps top && ifconfig');
    ruleCatchesNot(rule, 'FROM debian:12\nRUN pkill node');
  });

  it('underlines the command, once per RUN, with hadolint\'s message', () => {
    const f = findings(rule, 'FROM debian:12\nRUN echo hi && \\\n    service nginx start && top\n');
    expect(f).toHaveLength(1);
    expect(f[0]!.range).toEqual({ start: { line: 3, column: 5 }, end: { line: 3, column: 24 } });
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toContain('it makes no sense running them in a Docker container');
  });

  it('reads the exec form, heredocs, subshells and command substitutions', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nRUN ["service", "nginx", "start"]\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN <<EOF\nset -e\nservice nginx start\nEOF\n')).toEqual([4]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN (cd /x && kill 1)\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nRUN echo $(ps aux)\n')).toEqual([2]);
  });

  it('honours hadolint ignore pragmas', () => {
    expect(flaggedLines(rule, 'FROM debian:12\n# hadolint ignore=DL3001\nRUN top\n')).toEqual([]);
  });
});
