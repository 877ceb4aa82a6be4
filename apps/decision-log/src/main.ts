import 'reflect-metadata';
import { DecisionLogModule } from '@edict/decision-log-feature';
import { connectKafkaConsumer } from '@edict/messaging';
import { bootstrapService } from '@edict/service-kit';

void bootstrapService({
  name: 'decision-log',
  rootModule: DecisionLogModule,
  port: Number(process.env['PORT'] ?? 4105),
  beforeListen: (app) => connectKafkaConsumer(app, 'decision-log'),
});
