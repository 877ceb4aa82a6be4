import './telemetry';
import 'reflect-metadata';
import { connectKafkaConsumer } from '@edict/messaging';
import { installFastDecisions, PdpModule, pdpConfigFromEnv } from '@edict/pdp-feature';
import { bootstrapService } from '@edict/service-kit';

// Every PDP instance must see every rollout event, so each has its own consumer group.
const { name } = pdpConfigFromEnv();

void bootstrapService({
  name: 'pdp',
  rootModule: PdpModule,
  port: Number(process.env['PORT'] ?? 4107),
  beforeListen: async (app) => {
    installFastDecisions(app);
    await connectKafkaConsumer(app, `pdp-${name}`, { fromBeginning: false });
  },
});
