/** Kafka topics: a public contract (docs/asyncapi.yaml). Keys are listed beside each. */
export const BaseTopics = {
  /** key: policy id */
  bundles: 'edict.bundles.v1',
  /** key: policy id */
  rollouts: 'edict.rollouts.v1',
  /** key: decision id */
  decisions: 'edict.decisions.v1',
  /** key: policy id */
  decisionWindows: 'edict.decision-windows.v1',
  /** key: incident id */
  incidents: 'edict.incidents.v1',
  /** key: `audit-checkpoint` */
  audit: 'edict.audit.v1',
  /** key: policy id */
  exceptions: 'edict.exceptions.v1',
} as const;

export type Topic = string;

/**
 * An optional namespace in front of every topic and consumer group, read once at start from
 * `EDICT_TOPIC_PREFIX` (e.g. `staging.`), so that two Edict deployments, or a test run beside a
 * local stack, can share one Kafka cluster without seeing each other's events. Empty by default:
 * the names above are the contract.
 */
export const topicPrefix: string = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['EDICT_TOPIC_PREFIX'] ?? '';

/** The topics this process uses: the contract names with the deployment's prefix. */
export const Topics: { readonly [K in keyof typeof BaseTopics]: string } = Object.fromEntries(
  Object.entries(BaseTopics).map(([key, name]) => [key, `${topicPrefix}${name}`]),
) as { readonly [K in keyof typeof BaseTopics]: string };

export const allTopics: readonly Topic[] = Object.values(Topics);

/** Dead-letter topic of a source topic: messages that could not be processed, with the error. */
export const dlqTopic = (topic: string): string => `${topic}.dlq`;

/** Which topic the relay publishes a stream category's events to. */
export const topicForCategory: Readonly<Record<string, Topic>> = {
  bundle: Topics.bundles,
  validation: Topics.bundles,
  signature: Topics.bundles,
  rollout: Topics.rollouts,
  incident: Topics.incidents,
  audit: Topics.audit,
  exception: Topics.exceptions,
};

/** The category of a stream id: the part before the first '-' (`bundle-org/net` → `bundle`). */
export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};
