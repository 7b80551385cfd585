import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listProducts } from '../src/products.js';

test('search is case-insensitive', () => {
  assert.deepEqual(listProducts('TEA').map((p) => p.id), ['teapot']);
  assert.equal(listProducts('').length, 3);
});
