// the Kafka part, without Nest or pg, is also `@edict/messaging/kafka`
export * from './kafka';
export * from './relay/relay.ports';
export * from './relay/event-relay';
export * from './consumer/processed-events.store';
export * from './consumer/kafka-transport.options';
export * from './store/decide-and-append';
export * from './nest/runtime.tokens';
export * from './nest/runtime.lifecycle';
export * from './nest/edict-runtime.module';
export * from './nest/connect-consumer';
export * from './store/event-metadata';
export * from './store/run-ddl';
