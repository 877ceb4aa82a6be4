import { CloudEvent, Kafka } from 'cloudevents';
import { cloudEventTypes } from '@edict/contracts';
import { aDecision } from '@edict/testing';
import { decisionHeaders, serialiseRecord } from './decision-record.serializer';

const source = '/edict/pdp/pdp-unit';
/** What DecisionLogBuffer.add built before: the SDK's event, not strict, and its binary-mode headers. */
const sdkHeaders = (decision: ReturnType<typeof aDecision>, correlationId?: string): [string, string][] => {
  const event = new CloudEvent({
    id: decision.decisionId, type: cloudEventTypes.DecisionLogged, source, subject: decision.policyId, time: decision.timestamp,
    datacontenttype: 'application/json', data: decision, partitionkey: decision.decisionId, ...(correlationId ? { correlationid: correlationId } : {}),
  }, false);
  return Object.entries(Kafka.binary(event).headers).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]);
};

describe('decision records', () => {
  it('carry the headers, in the order, that the cloudevents SDK writes for the decision\'s event, with and without a correlation id', () => {
    const decision = aDecision({ decisionId: 'd-1', policyId: 'org/payments' });
    expect(Object.entries(decisionHeaders(source, { decision, correlationId: 'corr-1' }))).toEqual(sdkHeaders(decision, 'corr-1'));
    expect(Object.entries(decisionHeaders(source, { decision, correlationId: undefined }))).toEqual(sdkHeaders(decision));
  });

  it('serialise to the decision\'s JSON, keyed by decision id', () => {
    const decision = aDecision({ decisionId: 'd-2' });
    const outcome = serialiseRecord(source, { decision, correlationId: undefined });
    expect(outcome).toMatchObject({ ok: true, record: { message: { key: 'd-2', value: JSON.stringify(decision) } } });
  });

  it('refuse a number that is not finite, a BigInt, or nesting too deep for JSON, as outcomes that name the reason', () => {
    const withContext = (context: Record<string, unknown>) => ({ decision: aDecision({ request: { agent: 'a', action: 'b', resource: 'c', context } }), correlationId: undefined });
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(serialiseRecord(source, withContext({ limit: Infinity }))).toMatchObject({ ok: false, error: expect.stringContaining('not finite (Infinity)') });
    expect(serialiseRecord(source, withContext({ list: [1, NaN] }))).toMatchObject({ ok: false, error: expect.stringContaining('not finite (NaN)') });
    expect(serialiseRecord(source, withContext({ big: 10n }))).toMatchObject({ ok: false, error: expect.stringContaining('BigInt') });
    expect(serialiseRecord(source, withContext(deep))).toMatchObject({ ok: false, error: expect.stringContaining('RangeError') });
  });
});
