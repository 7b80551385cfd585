import { describe, expect, it } from 'vitest';
import { multipleInstructionsDisallowed as rule } from '../../../../src/engine/rules/catalog/buildkit/multiple-instructions-disallowed.ts';
import { findings, flaggedLines } from '../support.ts';

describe('multiple-instructions-disallowed (DL4003, DL4004, DL3012, MultipleInstructionsDisallowed)', () => {
  it('BuildKit: flags every overridden CMD, ENTRYPOINT and HEALTHCHECK', () => {
    const src = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(findings(rule, src).map((f) => [f.range.start.line, f.message])).toEqual([
      [3, 'Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used'],
      [5, 'Multiple CMD instructions should not be used in the same stage because only the last one will be used'],
      [7, 'Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used'],
    ]);
  });

  it('BuildKit: other instructions in between do not matter', () => {
    const src = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(flaggedLines(rule, src)).toEqual([3, 4, 5]);
  });

  it('BuildKit: a stage built FROM another starts afresh', () => {
    const src = '\nFROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(flaggedLines(rule, src)).toEqual([]);
  });

  it('hadolint DL4003: many cmds, single cmds in different stages', () => {
    expect(flaggedLines(rule, 'FROM debian\nCMD bash\nRUN foo\nCMD another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian as distro2\nCMD another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'CMD /bin/true\n')).toEqual([]);
  });

  it('hadolint DL4004: entrypoints', () => {
    expect(flaggedLines(rule, 'FROM busybox\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\nENTRYPOINT another\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian as distro2\nENTRYPOINT another\n')).toEqual([2]);
    expect(flaggedLines(rule, 'ENTRYPOINT /bin/true\n')).toEqual([]);
  });

  it('hadolint DL3012: healthchecks', () => {
    expect(flaggedLines(rule, 'FROM scratch\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM scratch\nHEALTHCHECK NONE\nHEALTHCHECK CMD /bin/bla2\n')).toEqual([2]);
  });

  it('counts instructions before the first FROM together, as hadolint does', () => {
    expect(flaggedLines(rule, 'CMD a\nCMD b\nFROM scratch\nCMD c\n')).toEqual([1]);
  });

  it('names the instruction as the overriding one is written, and ignores ONBUILD', () => {
    expect(findings(rule, 'FROM scratch\nCMD a\ncmd b\n')[0]!.message).toBe(
      'Multiple cmd instructions should not be used in the same stage because only the last one will be used',
    );
    expect(flaggedLines(rule, 'FROM scratch\nCMD a\nONBUILD CMD b\n')).toEqual([]);
  });

  it('reads # check=skip above the overriding instruction, as BuildKit does', () => {
    expect(flaggedLines(rule, 'FROM scratch\nCMD a\n# check=skip=MultipleInstructionsDisallowed\nCMD b\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM scratch\n# check=skip=MultipleInstructionsDisallowed\nCMD a\nCMD b\n')).toEqual([3]);
  });
});
