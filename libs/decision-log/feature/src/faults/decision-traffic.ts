import { CloudEvent } from 'cloudevents';
import type { Producer } from 'kafkajs';
import { cloudEventTypes, type DecisionLogged } from '@edict/contracts';
import { cloudEventToKafka } from '@edict/messaging';

type Decision = DecisionLogged['data'];

/** The n-th decision of a fault test: org/payments, a canary share of 10 %, every fifth denied, timestamped now. */
export const trafficDecision = (run: string, n: number, at = Date.now()): Decision => {
  const version = n % 10 === 0 ? '2.1.0' : '2.0.0';
  return {
    decisionId: `${run}-${n}`, timestamp: new Date(at).toISOString(), policyId: 'org/payments', version, subject: `s-${n % 97}`,
    request: { agent: 'inbox.triage', action: 'quarantine', resource: `msg/${n}`, context: { risk: n % 100 } },
    result: { effect: n % 5 === 0 ? 'deny' : 'allow', rule: 'r1', tier: 'org', reason: 'fault test', noMatch: false },
    bundles: [{ policyId: 'org/payments', version, cohort: n % 100, canary: n % 10 === 0 }],
    evaluationNs: 1000 + (n % 7), source: 'pdp', decisionPoint: 'fault-test',
  };
};

/** As the PDP publishes them: binary-mode CloudEvents keyed by decision id. */
export const decisionMessages = (decisions: readonly Decision[]) =>
  decisions.map((d) => cloudEventToKafka(new CloudEvent<Record<string, unknown>>({
    id: d.decisionId, type: cloudEventTypes.DecisionLogged, source: '/edict/pdp/fault-test', subject: d.policyId, time: d.timestamp,
    datacontenttype: 'application/json', data: { ...d }, partitionkey: d.decisionId,
  }, false)));

/** Sends decisions `from`…`to - 1` in batches, retrying a batch the broker refused (idempotent producer: no duplicates). */
export async function sendDecisions(producer: Producer, topic: string, run: string, from: number, to: number, batch = 500): Promise<void> {
  for (let i = from; i < to; i += batch) {
    const messages = decisionMessages(Array.from({ length: Math.min(batch, to - i) }, (_, k) => trafficDecision(run, i + k)));
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
        break;
      } catch (error) {
        if (attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
