import { describe, expect, it } from 'vitest';
import { copyInsteadOfAdd as rule } from '../../../../src/engine/rules/catalog/instructions/copy-instead-of-add.ts';
import { expectFixed, findings, flaggedLines } from '../support.ts';

describe('copy-instead-of-add (DL3020)', () => {
  it('accepts archives and URLs (hadolint spec)', () => {
    for (const src of ['file.tar', 'file.gz', 'file.bz2', 'file.xz', 'file.tgz', 'http://file.com', '"file.tgz"', '"http://file.com"']) {
      expect(flaggedLines(rule, `ADD ${src} /usr/src/app/\n`), src).toEqual([]);
    }
  });

  it('flags files, folders and zip files (hadolint spec)', () => {
    expect(flaggedLines(rule, 'ADD file /usr/src/app/\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ADD file.zip /usr/src/app/\n')).toEqual([1]);
    expect(flaggedLines(rule, 'ADD "file.zip" /usr/src/app/\n')).toEqual([1]);
    expect(findings(rule, 'ADD file /x/\n')[0]!.message).toBe('Use COPY instead of ADD for files and folders');
  });

  it('accepts Git repositories and sources only known at build time', () => {
    expect(flaggedLines(rule, 'FROM alpine:3\nADD git@github.com:moby/buildkit.git /src\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nADD https://github.com/moby/buildkit.git#v0.14 /src\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nARG URL\nADD ${URL} /tmp/\n')).toEqual([]);
    expect(flaggedLines(rule, 'FROM alpine:3\nARG SRC=config\nADD ${SRC} /etc/app/\n')).toEqual([3]);
  });

  it('rewrites ADD to COPY for local files, keeping the case of the keyword', () => {
    expectFixed(rule, 'FROM alpine:3\nADD --chown=app file /usr/src/app/\n', 'FROM alpine:3\nCOPY --chown=app file /usr/src/app/\n');
    expectFixed(rule, 'from alpine:3\nadd file /usr/src/app/\n', 'from alpine:3\ncopy file /usr/src/app/\n');
    expectFixed(rule, 'FROM alpine:3\nONBUILD ADD . /app/\n', 'FROM alpine:3\nONBUILD COPY . /app/\n');
  });

  it('offers no fix when ADD does something COPY cannot', () => {
    expect(findings(rule, 'FROM alpine:3\nADD file https://example.com/a.txt /app/\n')[0]!.fix).toBeUndefined();
    expect(findings(rule, 'FROM alpine:3\nADD --checksum=sha256:abc file /app/\n')[0]!.fix).toBeUndefined();
  });

  it('underlines the keyword', () => {
    expect(findings(rule, 'FROM alpine:3\nADD file /x/\n')[0]!.range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 4 } });
  });
});
