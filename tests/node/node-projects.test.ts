import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureNodeProjects } from '../../src/node/node-projects.ts';

const root = mkdtempSync(join(tmpdir(), 'layerwise-np-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, bytes: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x'.repeat(bytes));
}

describe('measureNodeProjects', () => {
  it('counts a dev package nested in another dev package once', () => {
    file('package.json', 10);
    file('node_modules/a/index.js', 1000); // production
    file('node_modules/d/index.js', 2000); // dev
    file('node_modules/d/node_modules/e/index.js', 3000); // dev, nested in d
    writeFileSync(
      join(root, 'package-lock.json'),
      JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/a': {}, 'node_modules/d': { dev: true }, 'node_modules/d/node_modules/e': { dev: true } } }),
    );
    return measureNodeProjects(root, ['package.json']).then(([p]) => {
      // Tar: 512 per entry, data padded to 512. node_modules: a/ a/index.js d/ d/index.js d/node_modules/ e/ e/index.js.
      const a = 512 + 512 + 1024; // a/, index.js header, 1000 -> 1024
      const d = 512 + 512 + 2048 + 512 + 512 + 512 + 3072; // d/, index.js, node_modules/, e/, e/index.js
      expect(p!.allBytes).toBe(a + d + 1024);
      expect(p!.allFiles).toBe(3);
      expect(p!.prodBytes).toBe(a + 1024);
      expect(p!.prodFiles).toBe(1);
    });
  });
});
