import { cloudEventTypes } from '@edict/contracts';
import { cloudEventToKafka } from '@edict/messaging';
import { windowCloudEvent, windowEventId } from './window-event';

const window = {
  policyId: 'org/payments', version: '2.1.0', canary: true,
  windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:01:00.000Z',
  total: 120, errors: 1, denies: 80, noMatches: 0, meanEvaluationNs: 1500,
};

describe('window events', () => {
  it('have a deterministic, UUID-shaped id that ignores how the instants are spelled', () => {
    const id = windowEventId(window);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(windowEventId({ ...window, windowStart: '2025-03-01T10:00:00Z', windowEnd: '2025-03-01T11:01:00+01:00' })).toBe(id);
  });

  it('get another id for another window, version, cohort or length, whatever the counts', () => {
    const ids = [
      window, { ...window, canary: false }, { ...window, version: '2.1.1' }, { ...window, policyId: 'org/pay' },
      { ...window, windowStart: '2025-03-01T10:01:00.000Z' }, { ...window, windowEnd: '2025-03-01T10:02:00.000Z' },
    ].map(windowEventId);
    expect(new Set(ids).size).toBe(ids.length);
    const recounted = { ...window, total: 1, denies: 0 };
    expect(windowEventId(recounted)).toBe(ids[0]);
  });

  it('get a new id for each correction (revision above 1), revision 1 keeping the original id', () => {
    const first = windowEventId(window);
    expect(windowEventId({ ...window, revision: 1 })).toBe(first);
    const second = windowEventId({ ...window, revision: 2 });
    expect(second).not.toBe(first);
    expect(windowEventId({ ...window, revision: 3 })).not.toBe(second);
  });

  it('travel as a DecisionWindowClosed CloudEvent keyed by policy id', () => {
    const event = windowCloudEvent(window);
    expect(event).toMatchObject({ id: windowEventId(window), type: cloudEventTypes.DecisionWindowClosed, source: '/edict/decision-log', subject: 'org/payments', time: '2025-03-01T10:01:00.000Z', data: window });
    const message = cloudEventToKafka(event);
    expect(message.key).toBe('org/payments');
    expect(JSON.parse(message.value)).toEqual(window);
  });
});
