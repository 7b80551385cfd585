import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Links } from '../src/links.js';

test('a code leads back to its URL and counts visits', () => {
  const links = new Links();
  const c = links.add('https://example.org/a');
  assert.match(c, /^[2-9a-zA-Z]{7}$/);
  assert.equal(links.visit(c), 'https://example.org/a');
  assert.equal(links.stats(c).hits, 1);
});

test('only http and https links are accepted', () => {
  assert.throws(() => new Links().add('javascript:alert(1)'));
  assert.throws(() => new Links().add('not a url'));
});
