import { cloudEventTypes } from '@edict/contracts';
import { aDecision } from '@edict/testing';
import { decisionOf } from './decision-message';

const headers = (type: string = cloudEventTypes.DecisionLogged) => ({ ce_id: 'e-1', ce_type: type, ce_source: '/edict/pdp', ce_specversion: Buffer.from('1.0') });
const message = (value: unknown, h: Record<string, string | Buffer> = headers()) =>
  ({ key: null, value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), headers: h });

describe('reading a decision from a Kafka message', () => {
  it('returns the DecisionLogged data', () => {
    expect(decisionOf(message(aDecision()))).toEqual(aDecision());
  });

  it('ignores other event types', () => {
    expect(decisionOf(message({}, headers(cloudEventTypes.DecisionWindowClosed)))).toBeNull();
  });

  it.each([
    ['no CloudEvent headers', message(aDecision(), {}), 'MESSAGING.NOT_A_CLOUDEVENT'],
    ['another specversion', message(aDecision(), { ...headers(), ce_specversion: '0.3' }), 'MESSAGING.MALFORMED_CLOUDEVENT'],
    ['data that is not JSON', message('{not json'), 'MESSAGING.MALFORMED_CLOUDEVENT'],
    ['a decision it cannot store', message({ ...aDecision(), timestamp: 'yesterday' }), 'DECISION_LOG.MALFORMED_DECISION'],
  ])('refuses %s as poison', (_, m, code) => {
    expect(() => decisionOf(m)).toThrow(expect.objectContaining({ code }));
  });
});
