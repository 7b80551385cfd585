import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money, total } from '../src/receipt.js';

test('money formats integer cents', () => {
  assert.equal(money(1250), '12.50 EUR');
  assert.equal(money(99, 'USD'), '0.99 USD');
  assert.throws(() => money(1.5));
});

test('total sums quantity times unit price', () => {
  assert.equal(total([{ quantity: 2, unitCents: 450 }, { quantity: 1, unitCents: 100 }]), 1000);
});
