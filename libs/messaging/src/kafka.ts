// The Kafka part of messaging without Nest, pg or the event store: CloudEvents mapping, the
// client factory, topics, the idempotent publisher and the idempotent consumer with its DLQ.
// `@edict/messaging/kafka` is what a process without a store loads (the PDP's lean runtime);
// `@edict/messaging` re-exports all of it beside the relay, the store helpers and the Nest module.
export * from './cloudevents/cloud-event.mapper';
export * from './cloudevents/kafka-to-cloud-event';
export * from './kafka/kafka-client.factory';
export * from './kafka/ensure-topics';
export * from './kafka/kafka-publisher';
export * from './kafka/publish-failure';
export * from './kafka/kafka-security';
export * from './consumer/dead-letter';
export * from './consumer/event-consumer';
export * from './relay/relay.ports';
export { consumerGroupOf, runtimeEnv, type RuntimeEnv } from './nest/runtime.tokens';
