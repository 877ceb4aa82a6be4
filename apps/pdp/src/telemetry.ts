import { startTelemetry } from '@edict/observability';

// main.ts imports this first: the instrumentations patch http, pg and kafkajs only as they are loaded
startTelemetry('pdp');
