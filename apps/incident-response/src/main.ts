import './telemetry';
import 'reflect-metadata';
import { IncidentResponseModule } from '@edict/incident-response-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'incident-response',
  rootModule: IncidentResponseModule,
  port: Number(process.env['PORT'] ?? 4106),
  beforeListen: (app) => connectKafkaConsumer(app, 'incident-response'),
});
