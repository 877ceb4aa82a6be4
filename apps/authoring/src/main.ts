import './telemetry';
import 'reflect-metadata';
import { AuthoringModule } from '@edict/authoring-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'authoring',
  rootModule: AuthoringModule,
  port: Number(process.env['PORT'] ?? 4101),
  beforeListen: (app) => connectKafkaConsumer(app, 'authoring'),
});
