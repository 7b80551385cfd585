import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, needsIsolation, RUN_PATH_PREFIX } from '../../src/site/isolation.ts';

describe('cross-origin isolation of the run pages only', () => {
  it('covers /run/ and what is under it, with or without a query, and nothing else', () => {
    for (const url of ['/run/prod-deps/', '/run/prod-deps/?start&bootTimeout=2000', '/run/prod-deps/project.json', '/run/x/#abc']) expect(needsIsolation(url), url).toBe(true);
    for (const url of ['/', '/run', '/runner/', '/exercises/prod-deps/', '/embed/prod-deps/', '/playground/?x=/run/', '/_astro/webcontainer.abc.js']) expect(needsIsolation(url), url).toBe(false);
  });

  it('public/_headers, read by static hosts, says the same as src/site/isolation.ts', () => {
    const text = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    const rules = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(rules[0]).toBe(`${RUN_PATH_PREFIX}*`);
    const headers = Object.fromEntries(rules.slice(1).map((l) => l.trim().split(/:\s*/, 2) as [string, string]));
    expect(headers).toEqual(ISOLATION_HEADERS);
  });
});
