import { test } from 'node:test';
import assert from 'node:assert/strict';
import { releaseNotes } from '../src/notes.js';

test('groups conventional commits by type, with scopes in bold', () => {
  const notes = releaseNotes('v1.3.0', ['feat(api): add /notes', 'fix: handle empty ranges', 'chore: bump deps']);
  assert.equal(notes, '## v1.3.0\n\n### Features\n- **api:** add /notes\n\n### Fixes\n- handle empty ranges');
});
