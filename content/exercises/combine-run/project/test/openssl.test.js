import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reqArgs, validHostname } from '../src/openssl.js';

test('accepts DNS names only', () => {
  assert.ok(validHostname('pr-42.preview.example.org'));
  assert.ok(!validHostname('-bad.example.org'));
  assert.ok(!validHostname('x; rm -rf /'));
});

test('asks openssl for a self-signed P-256 certificate with a SAN', () => {
  const args = reqArgs('a.example.org', 7, '/k', '/c');
  assert.deepEqual(args.slice(0, 4), ['req', '-x509', '-newkey', 'ec']);
  assert.ok(args.includes('subjectAltName=DNS:a.example.org'));
});
