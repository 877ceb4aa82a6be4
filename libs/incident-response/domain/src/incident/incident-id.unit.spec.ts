import fc from 'fast-check';
import { ValidationError } from '@edict/core';
import { incidentIdFor } from './incident-id';

describe('incidentIdFor', () => {
  const start = '2025-03-01T10:00:00.000Z';

  it('is INC-<year>-<16 hex> and the same for the same finding', () => {
    const id = incidentIdFor('org/payments', '2.2.0', 'error_rate', start);
    expect(id).toMatch(/^INC-2025-[0-9a-f]{16}$/);
    expect(incidentIdFor('org/payments', '2.2.0', 'error_rate', start)).toBe(id);
  });

  it('reads the same instant written two ways as the same window', () => {
    expect(incidentIdFor('p', '1.0.0', 'cost', '2025-03-01T10:00:00Z')).toBe(incidentIdFor('p', '1.0.0', 'cost', start));
  });

  it('differs when any part of the finding differs', () => {
    const ids = [
      incidentIdFor('org/payments', '2.2.0', 'error_rate', start),
      incidentIdFor('org/payment', '2.2.0', 'error_rate', start),
      incidentIdFor('org/payments', '2.2.1', 'error_rate', start),
      incidentIdFor('org/payments', '2.2.0', 'deny_rate', start),
      incidentIdFor('org/payments', '2.2.0', 'error_rate', '2025-03-01T10:05:00.000Z'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic for any input', () => {
    const kind = fc.constantFrom('error_rate', 'deny_rate', 'cost', 'no_match' as const);
    const when = fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(fc.property(fc.string(), fc.string(), kind, when, (p, v, k, w) => {
      expect(incidentIdFor(p, v, k, w)).toBe(incidentIdFor(p, v, k, w));
    }));
  });

  it('refuses a window start it cannot read', () => {
    expect(() => incidentIdFor('p', '1.0.0', 'cost', 'soon')).toThrow(ValidationError);
  });
});
