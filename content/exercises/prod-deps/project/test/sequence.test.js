import { describe, expect, it } from 'vitest';
import { issue, issued } from '../src/sequence.js';

describe('issue', () => {
  it('counts per tenant and year without gaps', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(issue('acme', at)).toBe('ACME-2026-000001');
    expect(issue('acme', at)).toBe('ACME-2026-000002');
    expect(issue('globex', at)).toBe('GLOBEX-2026-000001');
    expect(issue('acme', new Date('2027-01-01T00:00:00Z'))).toBe('ACME-2027-000001');
    expect(issued('acme', 2026).map((i) => i.number)).toEqual(['ACME-2026-000001', 'ACME-2026-000002']);
  });
});
