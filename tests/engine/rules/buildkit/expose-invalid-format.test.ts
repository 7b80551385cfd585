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

  it('honours # check=skip above the instruction', () => {
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=ExposeInvalidFormat\nEXPOSE 80:80\n')).toEqual([]);
  });
});
