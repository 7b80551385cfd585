/**
 * Invoice numbers must have no gaps (tax authorities ask why one is missing), so each tenant's
 * counter only moves when a number is actually issued.
 * @typedef {{ prefix: string; next: number; issued: { number: string; at: string }[] }} Sequence
 */

/** @type {Map<string, Sequence>} */
const sequences = new Map();

/**
 * The next number for `tenant`, e.g. "ACME-2026-000042".
 * @param {string} tenant
 * @param {Date} [now]
 * @returns {string}
 */
export function issue(tenant, now = new Date()) {
  const year = now.getUTCFullYear();
  const key = `${tenant}:${year}`;
  let seq = sequences.get(key);
  if (!seq) {
    seq = { prefix: `${tenant.toUpperCase()}-${year}-`, next: 1, issued: [] };
    sequences.set(key, seq);
  }
  const number = `${seq.prefix}${String(seq.next).padStart(6, '0')}`;
  seq.issued.push({ number, at: now.toISOString() });
  seq.next++;
  return number;
}

/**
 * Every number issued to `tenant` in `year`, oldest first.
 * @param {string} tenant
 * @param {number} year
 */
export function issued(tenant, year) {
  return sequences.get(`${tenant}:${year}`)?.issued ?? [];
}
