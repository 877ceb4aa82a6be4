import { Inject, Injectable } from '@nestjs/common';
import { CloudEvent } from 'cloudevents';
import { cloudEventTypes, Topics, type DecisionLogged } from '@edict/contracts';
import { maskDecision } from '@edict/decision-log-domain';
import { KafkaPublisher, RUNTIME_LOGGER, type EdictCloudEvent } from '@edict/messaging';
import type { Logger } from '@edict/observability';
import { DECISION_LOG_CONFIG, type DecisionLogConfig } from '../config/decision-log.config';
import { decisionOfOpaEvent, policyOf } from './opa-decision.mapper';
import { parseOpaLogBatch } from './opa-log-event';
import { RolloutCanariesReader } from './rollout-canaries.reader';

/** What one `POST /opa/logs` did. */
export interface OpaLogsOutcome {
  readonly published: number;
  /** events about paths outside `edict/` (not Edict policies): acknowledged, not published */
  readonly skipped: number;
}

const asCloudEvent = (decision: DecisionLogged['data']): EdictCloudEvent =>
  new CloudEvent({
    id: decision.decisionId,
    type: cloudEventTypes.DecisionLogged,
    source: `/edict/opa/${decision.decisionPoint}`,
    subject: decision.policyId,
    time: decision.timestamp,
    datacontenttype: 'application/json',
    data: decision,
    partitionkey: decision.decisionId,
  }, false);

/**
 * One batch from an OPA decision_logs plugin: validated as a whole (a bad event refuses all),
 * mapped to DecisionLogged, masked with decision-log's rules, and published to
 * `edict.decisions.v1` keyed by decision id; resolves only once Kafka has acknowledged every
 * message, so a failure makes OPA keep the chunk and retry. Retries publish the same ids again;
 * decision-log stores by decision id, so each decision is stored once.
 */
@Injectable()
export class OpaLogsIngest {
  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly canaries: RolloutCanariesReader,
    @Inject(DECISION_LOG_CONFIG) private readonly config: DecisionLogConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  async ingest(body: unknown, agentId: string): Promise<OpaLogsOutcome> {
    const events = parseOpaLogBatch(body);
    const canaryOf = await this.canaries.canaryOf(events.flatMap((e) => policyOf(e)?.policyId ?? []));
    const decisions = events.flatMap((e) => decisionOfOpaEvent(e, agentId, canaryOf) ?? []);
    const masked = decisions.map((d) => maskDecision(d, this.config.maskRules));
    await this.publisher.publish(Topics.decisions, masked.map(asCloudEvent));
    const skipped = events.length - decisions.length;
    if (skipped > 0) this.logger.info({ skipped }, 'OPA decision events outside edict/ acknowledged without publishing');
    return { published: masked.length, skipped };
  }
}
