import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, hashSecret, newJoinCode, newSecret, normalizeJoinCode, secretMatches } from '../../src/workshop/secrets.ts';

describe('join codes and secrets', () => {
  it('never uses characters read or typed as others (0/O, 1/I/L, U)', () => {
    for (const ambiguous of '01OILU') expect(CODE_ALPHABET).not.toContain(ambiguous);
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it('reads a code as people type it, and refuses what cannot be one', () => {
    expect(normalizeJoinCode(' ab3-k7q ')).toBe('AB3K7Q');
    expect(normalizeJoinCode('AB3K7')).toBeNull();
    expect(normalizeJoinCode('AB3K70')).toBeNull();
    expect(normalizeJoinCode('<script>')).toBeNull();
  });

  it('makes 128-bit secrets and checks them against their hash only', () => {
    const secret = newSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(16);
    expect(newSecret()).not.toBe(secret);
    const hash = hashSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(`${secret}x`, hash)).toBe(false);
    expect(secretMatches(secret, 'not-a-hash')).toBe(false);
  });
});
