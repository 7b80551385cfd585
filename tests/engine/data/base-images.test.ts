import { describe, expect, it } from 'vitest';
import { findBaseImageTools } from '../../../src/engine/data/base-image-tools.ts';
import { recordedSize } from '../../../src/engine/data/base-image-variants.ts';
import { RECORDED_BASE_IMAGES } from '../../../src/engine/data/recorded-base-images.ts';
import { lookupBaseImage } from '../../../src/engine/simulate/index.ts';

const split = (ref: string) => {
  const colon = ref.lastIndexOf(':');
  return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
};

describe('one source of base-image facts for the rules and the simulator', () => {
  it('gives the rules the same recorded pull sizes as the simulator, with the same source', () => {
    for (const row of RECORDED_BASE_IMAGES) {
      const size = recordedSize(row.ref);
      if (row.compressedBytes === null) {
        expect(size).toBeNull();
        continue;
      }
      expect(size?.compressedBytes, row.ref).toBe(row.compressedBytes);
      expect(size?.source).toBe(row.source);
      expect(lookupBaseImage(row.ref)?.compressedBytes, row.ref).toBe(row.compressedBytes);
    }
    expect(recordedSize('node:22-slim')?.compressedBytes).toBe(79893445);
    expect(recordedSize('gcr.io/distroless/static-debian12:latest')?.approximate).toBe(true);
    expect(recordedSize('node:0-unknown')).toBeNull();
  });

  it('makes the simulator agree with the cited table on curl, wget, a shell and the user, for every recorded image', () => {
    for (const row of RECORDED_BASE_IMAGES) {
      const { repository, tag } = split(row.ref);
      const facts = findBaseImageTools(repository, tag);
      const info = lookupBaseImage(row.ref)!;
      if (!facts) continue;
      if (facts.curl !== null) expect(info.tools.includes('curl'), `${row.ref} curl`).toBe(facts.curl);
      if (facts.wget !== null) expect(info.tools.includes('wget'), `${row.ref} wget`).toBe(facts.wget);
      if (facts.shell !== null) expect(info.shell, `${row.ref} shell`).toBe(facts.shell);
      if (facts.user !== null) expect(info.user === 'root', `${row.ref} user`).toBe(facts.user === 'root');
    }
  });

  it("takes facts the variant's traits got wrong from the table: nginx's Debian image keeps curl, distroless :debug has a shell", () => {
    expect(lookupBaseImage('nginx:latest')?.tools).toContain('curl');
    const debug = lookupBaseImage('gcr.io/distroless/static-debian12:debug')!;
    expect(debug.shell).toBe(true);
    expect(debug.tools).toContain('sh');
    expect(lookupBaseImage('gcr.io/distroless/static-debian12:nonroot')?.user).toBe('nonroot');
    expect(lookupBaseImage('node:22-slim')?.tools).not.toContain('curl');
  });
});
