import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/engine/parse/index.ts';
import { familiarName, normalizedNamedError } from '../../../../src/engine/rules/catalog/buildkit/reference.ts';
import { levenshtein, parsePlatform, skippedByComment, suggest } from '../../../../src/engine/rules/catalog/buildkit/support.ts';

describe('buildkit check helpers', () => {
  it('reads the # check= comment above an instruction as BuildKit does', () => {
    const skipped = (src: string, name: string) => skippedByComment(parseDockerfile(src).instructions.at(-1)!, name);
    expect(skipped('FROM a\n# check=skip=X\nRUN b\n', 'X')).toBe(true);
    expect(skipped('FROM a\n# check=skip=X,Y // why\nRUN b\n', 'Y')).toBe(true);
    expect(skipped('FROM a\n# check=skip=all\nRUN b\n', 'Z')).toBe(true);
    expect(skipped('FROM a\n#check = skip=X;error=true\nRUN b\n', 'X')).toBe(true);
    // Only the first check= comment counts; one that does not parse changes nothing.
    expect(skipped('FROM a\n# check=skip=X\n# check=skip=Y\nRUN b\n', 'Y')).toBe(false);
    expect(skipped('FROM a\n# check=bogus\nRUN b\n', 'X')).toBe(false);
    // An empty comment line ends the block; a blank line does not.
    expect(skipped('FROM a\n# check=skip=X\n#\nRUN b\n', 'X')).toBe(false);
    expect(skipped('FROM a\n# check=skip=X\n\nRUN b\n', 'X')).toBe(true);
    expect(skipped('FROM a\n# other words\nRUN b\n', 'X')).toBe(false);
  });

  it('suggests like BuildKit: under 3 edits, closest first', () => {
    expect(levenshtein('PAHT', 'PATH')).toBe(2);
    expect(suggest('BULIDPLATFORM', ['TARGETPLATFORM', 'BUILDPLATFORM'])).toBe('BUILDPLATFORM');
    expect(suggest('DIR_ASSET', ['DIR_BINARIES', 'DIR_ASSETS', 'DIR_CONFIG'])).toBe('DIR_ASSETS');
    expect(suggest('version', ['tag'])).toBe('');
    expect(suggest('path', ['PATH'])).toBe('');
    expect(suggest('path', ['PATH'], false)).toBe('path');
  });

  it('parses platforms as containerd does', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', architecture: 'amd64', variant: '' });
    expect(parsePlatform('Linux/x86_64')).toEqual({ os: 'linux', architecture: 'amd64', variant: '' });
    expect(parsePlatform('linux/arm')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(parsePlatform('linux/aarch64')).toEqual({ os: 'linux', architecture: 'arm64', variant: '' });
    expect(parsePlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64', variant: '' });
    expect(parsePlatform('windows')).toMatchObject({ os: 'windows' });
    expect(parsePlatform('linux/')).toBeNull();
    expect(parsePlatform('bogus')).toBeNull();
    expect(parsePlatform('a/b/c/d')).toBeNull();
  });

  it('validates image references as distribution/reference does', () => {
    for (const ok of ['alpine', 'alpine:3.20', 'library/alpine', 'ghcr.io/org/app:1.2', 'localhost:5000/a/b', 'a.b/c', 'my-app_x.y/z__w', `busybox@sha256:${'0'.repeat(64)}`, 'scratch', '[::1]:5000/img', 'UPPER/x']) {
      expect(normalizedNamedError(ok), ok).toBeNull();
    }
    for (const bad of ['', 'busybox:', 'Alpine', 'alpine::x', 'alpine@sha256:abc', `${'a'.repeat(64)}`, 'a/-b', 'alpine:-x', 'x:y:z']) {
      expect(normalizedNamedError(bad), bad).not.toBeNull();
    }
  });

  it('writes references in their short form', () => {
    expect(familiarName('docker.io/library/alpine:latest')).toBe('alpine');
    expect(familiarName('index.docker.io/corp/x:1')).toBe('corp/x:1');
    expect(familiarName('ghcr.io/a/b:latest')).toBe('ghcr.io/a/b');
  });
});
