import { describe, expect, it } from 'vitest';
import { exposeProtoCasing as rule } from '../../../../src/engine/rules/catalog/buildkit/expose-proto-casing.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('expose-proto-casing (ExposeProtoCasing)', () => {
  it('flags protocols not in lowercase, with BuildKit’s messages', () => {
    expect(findings(rule, '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n').map((f) => [f.range.start.line, f.message])).toEqual([
      [3, "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"],
      [3, "Defined protocol '8080/TCP' in EXPOSE instruction should be lowercase"],
    ]);
  });

  it('accepts lowercase or no protocol', () => {
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 80 443/tcp 53/udp 9/sctp 8000-8010/tcp\n')).toEqual([]);
  });

  it('checks the words after expansion', () => {
    expect(findings(rule, 'FROM scratch\nARG P="80/TCP 81/UDP"\nEXPOSE $P\n').map((f) => f.message)).toEqual([
      "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase",
      "Defined protocol '81/UDP' in EXPOSE instruction should be lowercase",
    ]);
  });

  it('stops at the first malformed port, as the build does, in BuildKit’s sorted order', () => {
    // parseExpose sorts the arguments as written: 100/UDP, 80/TCP, 90/http.
    expect(findings(rule, 'FROM scratch\nEXPOSE 80/TCP 90/http 100/UDP\n').map((f) => f.message)).toEqual([
      "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase",
      "Defined protocol '100/UDP' in EXPOSE instruction should be lowercase",
    ]);
    // x/UDP is checked (its protocol is valid) before its port fails; it sorts last.
    expect(findings(rule, 'FROM scratch\nEXPOSE 80/TCP x/UDP 100/UDP\n').length).toBe(3);
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 90/http 80/TCP\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 80/TCP 8080/http\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 8080/TCP 80/http\n')).toEqual([]);
  });

  // BuildKit (convert.go, initOnBuildTriggers): a stage reachable from the target that is built
  // FROM a stage with ONBUILD triggers dispatches them first, located at its own FROM line.
  // Needs the stage resolver to give that stage the triggers as steps.
  it('checks ONBUILD triggers in the stages built on them, at their FROM', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base\nONBUILD EXPOSE 80/TCP\nFROM base\n')).toEqual([3]);
  });

  it('honours # check=skip above the instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=ExposeProtoCasing\nEXPOSE 80/TCP\n')).toEqual([]);
  });

  it('lowercases the protocol of literal ports', () => {
    expectFixed(rule, 'FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n', 'FROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp\n');
    expect(findings(rule, 'FROM scratch\nARG P=80/TCP\nEXPOSE $P\n')[0]!.fix).toBeUndefined();
  });
});
