import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotes } from '../src/data.js';

test('every quote has an id, an author and a text', () => {
  for (const q of quotes) {
    assert.equal(typeof q.id, 'number');
    assert.ok(q.author.length > 0);
    assert.ok(q.text.length > 0);
  }
});

test('ids are unique', () => {
  assert.equal(new Set(quotes.map((q) => q.id)).size, quotes.length);
});
