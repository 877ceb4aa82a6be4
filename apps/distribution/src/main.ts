import './telemetry';
import 'reflect-metadata';
import { DistributionModule } from '@edict/distribution-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'distribution',
  rootModule: DistributionModule,
  port: Number(process.env['PORT'] ?? 4104),
  beforeListen: (app) => connectKafkaConsumer(app, 'distribution'),
});
