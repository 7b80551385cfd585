import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrder, getOrder } from '../src/orders.js';

test('an order needs at least one item', () => {
  assert.equal(createOrder([]), null);
  const order = createOrder(['tea']);
  assert.equal(getOrder(order.id), order);
});
