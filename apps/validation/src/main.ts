import './telemetry';
import 'reflect-metadata';
import { ValidationModule } from '@edict/validation-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'validation',
  rootModule: ValidationModule,
  port: Number(process.env['PORT'] ?? 4102),
  beforeListen: (app) => connectKafkaConsumer(app, 'validation'),
});
