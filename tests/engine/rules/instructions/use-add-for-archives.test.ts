import { describe, expect, it } from 'vitest';
import { useAddForArchives as rule } from '../../../../src/engine/rules/catalog/instructions/use-add-for-archives.ts';
import { findings, flaggedLines } from '../support.ts';

describe('use-add-for-archives (DL3010)', () => {
  it('flags a copied archive that is extracted later (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n')).toEqual([1]);
    expect(
      flaggedLines(rule, 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n'),
    ).toEqual([1]);
    expect(flaggedLines(rule, 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n')).toEqual([1]);
    expect(findings(rule, 'COPY a.tar /x/\nRUN tar -xf /x/a.tar\n')[0]!.message).toBe('Use `ADD` for extracting archives into an image');
  });

  it('handles Windows paths (hadolint spec)', () => {
    expect(
      flaggedLines(rule, 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n'),
    ).toEqual([1]);
    expect(flaggedLines(rule, 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n')).toEqual([1]);
  });

  it('does not flag archives that are not extracted, non-archives, or COPY --from (hadolint spec)', () => {
    expect(flaggedLines(rule, 'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY package.json /usr/src/app\n')).toEqual([]);
    expect(flaggedLines(rule, 'COPY --from=builder /usr/local/share/some.tar /opt/some.tar\n')).toEqual([]);
  });

  it('knows unzip tools and long tar flags, and stays within the stage', () => {
    expect(flaggedLines(rule, 'FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar --extract --file /tmp/app.tgz\n')).toEqual([2]);
    expect(flaggedLines(rule, 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -czf /tmp/out.tgz /tmp/app.tgz\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12 AS a\nCOPY app.tgz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tgz\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN <<EOF\ntar -xzf /tmp/app.tgz -C /opt\nEOF\n')).toEqual([2]);
  });

  it('underlines the archive among the sources', () => {
    const [f] = findings(rule, 'FROM debian:12\nCOPY readme.md app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz\n');
    expect(f!.range).toEqual({ start: { line: 2, column: 16 }, end: { line: 2, column: 23 } });
  });
});
