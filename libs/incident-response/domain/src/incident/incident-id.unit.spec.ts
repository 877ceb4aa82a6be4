import fc from 'fast-check';
import { ValidationError } from '@edict/core';
import { deciderSpec } from '@edict/testing';
import { findingKey, formatIncidentId, incidentSequenceDecider, incidentYear } from './incident-id';

const reserved = (number: number, key: string) => ({ type: 'IncidentNumberReserved' as const, data: { year: 2026, number, key } });

describe('incident numbers (incidentseq-<year>)', () => {
  const spec = deciderSpec(incidentSequenceDecider);

  it('given no number yet, when a finding asks, then it gets 1', () => {
    spec.given([]).when({ type: 'ReserveIncidentNumber', data: { year: 2026, key: 'a' } }).then([reserved(1, 'a')]);
  });

  it('given numbers 1 and 2, when a new finding asks, then it gets 3', () => {
    spec.given([reserved(1, 'a'), reserved(2, 'b')]).when({ type: 'ReserveIncidentNumber', data: { year: 2026, key: 'c' } }).then([reserved(3, 'c')]);
  });

  it('given the finding already has a number, when it asks again (redelivery), then nothing new', () => {
    spec.given([reserved(1, 'a'), reserved(2, 'b')]).when({ type: 'ReserveIncidentNumber', data: { year: 2026, key: 'a' } }).then([]);
  });

  it('refuses an empty key', () => {
    spec.given([]).when({ type: 'ReserveIncidentNumber', data: { year: 2026, key: ' ' } }).thenThrows('INCIDENT.KEY_INVALID', ValidationError);
  });

  it('formats INC-YYYY-NNNN', () => {
    expect(formatIncidentId(2026, 42)).toBe('INC-2026-0042');
    expect(formatIncidentId(2026, 12345)).toBe('INC-2026-12345');
    expect(incidentYear('2026-12-31T23:59:59.999Z')).toBe(2026);
    expect(() => incidentYear('soon')).toThrow(ValidationError);
  });
});

describe('findingKey', () => {
  const start = '2025-03-01T10:00:00.000Z';

  it('reads the same instant written two ways as the same window', () => {
    expect(findingKey('p', '1.0.0', 'cost', '2025-03-01T10:00:00Z')).toBe(findingKey('p', '1.0.0', 'cost', start));
  });

  it('differs when any part of the finding differs', () => {
    const keys = [
      findingKey('org/payments', '2.2.0', 'error_rate', start),
      findingKey('org/payment', '2.2.0', 'error_rate', start),
      findingKey('org/payments', '2.2.1', 'error_rate', start),
      findingKey('org/payments', '2.2.0', 'deny_rate', start),
      findingKey('org/payments', '2.2.0', 'error_rate', '2025-03-01T10:05:00.000Z'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic for any input', () => {
    const when = fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), when, (p, v, k, w) => {
      expect(findingKey(p, v, k, w)).toBe(findingKey(p, v, k, w));
    }));
  });

  it('refuses a window start it cannot read', () => {
    expect(() => findingKey('p', '1.0.0', 'cost', 'soon')).toThrow(ValidationError);
  });
});
