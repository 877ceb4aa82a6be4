import './telemetry';
import 'reflect-metadata';
import { DecisionLogModule } from '@edict/decision-log-feature';
import { bootstrapService } from '@edict/service-kit';

// decision-log consumes edict.decisions.v1 with its own batch consumer (DecisionBatchConsumer), not Nest's transport
void bootstrapService({
  name: 'decision-log',
  rootModule: DecisionLogModule,
  port: Number(process.env['PORT'] ?? 4105),
});
