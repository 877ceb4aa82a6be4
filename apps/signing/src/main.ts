import './telemetry';
import 'reflect-metadata';
import { SigningModule } from '@edict/signing-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'signing',
  rootModule: SigningModule,
  port: Number(process.env['PORT'] ?? 4103),
  beforeListen: (app) => connectKafkaConsumer(app, 'signing'),
});
