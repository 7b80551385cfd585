import { describe, expect, it } from 'vitest';
import { exposeInvalidFormat as rule } from '../../../../src/engine/rules/catalog/buildkit/expose-invalid-format.ts';
import { findings, flaggedLines } from '../support.ts';

describe('expose-invalid-format (ExposeInvalidFormat)', () => {
  it('flags IP addresses and host ports, with BuildKit’s messages', () => {
    expect(findings(rule, '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n').map((f) => [f.range.start.line, f.message])).toEqual([
      [3, "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"],
      [3, "EXPOSE instruction should not define an IP address or host-port mapping, found '[::1]:8080:8080'"],
      [3, "EXPOSE instruction should not define an IP address or host-port mapping, found '5000:5000'"],
    ]);
  });

  it('accepts plain ports and ranges', () => {
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 80 443/tcp 8000-8010\n')).toEqual([]);
  });

  it('checks the words after expansion and stops at the first malformed one', () => {
    expect(flaggedLines(rule, 'FROM scratch\nENV P=8080:80\nEXPOSE $P\n')).toEqual([3]);
    expect(findings(rule, 'FROM scratch\nEXPOSE 1.2.3:80:80 5000:5000\n').length).toBe(1);
    expect(findings(rule, 'FROM scratch\nEXPOSE ::1:80:80 5000:5000\n').length).toBe(2);
  });

  it('checks the arguments in BuildKit’s sorted order, up to the first malformed one', () => {
    // parseExpose sorts the arguments as written; a bad protocol fails before any check.
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 8080:80/http 5000:5000\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nEXPOSE 5000:5000 1:80/http\n')).toEqual([]);
  });

  // BuildKit (convert.go, initOnBuildTriggers): ONBUILD triggers run, and are checked, in the
  // reachable stages built FROM their stage, at those stages' FROM line. Needs the stage resolver.
  it('checks ONBUILD triggers in the stages built on them, at their FROM', () => {
    expect(flaggedLines(rule, 'FROM scratch AS base\nONBUILD EXPOSE 8080:80\nFROM base\n')).toEqual([3]);
  });

  it('honours # check=skip above the instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=ExposeInvalidFormat\nEXPOSE 80:80\n')).toEqual([]);
  });
});
