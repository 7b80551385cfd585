import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avatarPath } from '../src/avatars.js';

test('keeps avatars inside the directory', () => {
  assert.equal(avatarPath('/data', 'ada'), '/data/ada.webp');
  assert.equal(avatarPath('/data', '../etc/passwd'), null);
});
