import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, shorten, status } from '../src/links.js';

test('shortens http(s) URLs only', () => {
  assert.equal(shorten('ftp://example.com/file'), null);
  const code = shorten('https://example.com/a/long/path');
  assert.equal(resolve(code), 'https://example.com/a/long/path');
  assert.equal(status().status, 'ok');
});
