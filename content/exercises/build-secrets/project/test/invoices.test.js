const test = require('node:test');
const assert = require('node:assert');
const { listInvoices, totalDue } = require('../src/invoices');

test('totalDue adds the unpaid invoices only', () => {
  assert.strictEqual(totalDue(listInvoices()), 147900);
});
