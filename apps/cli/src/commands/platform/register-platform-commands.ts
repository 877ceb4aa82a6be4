import type { Command } from 'commander';
import { registerAuditCommands } from './audit.commands';
import { registerAuthCommands } from './auth.commands';
import { registerBundleCommands } from './bundle.commands';
import { registerBundleReportCommand } from '../validation/bundle-report.command';
import { registerDecisionCommands } from './decision.commands';
import { registerDecisionsExplainCommand } from './decisions-explain.command';
import { registerExceptionCommands } from './exception.commands';
import { registerFleetCommands } from './fleet.commands';
import { registerIncidentCommands } from './incident.commands';
import { registerKeysCommands } from './keys.commands';
import { registerPolicyCommands } from './policy.commands';
import { registerPolicyRetireCommand } from './policy-retire.command';
import { registerReviewCommands } from './review.commands';
import { registerRolloutCommands } from './rollout.commands';
import { registerSystemCommands } from './system.commands';

/** The commands that talk to the running services. */
export function registerPlatformCommands(program: Command): void {
  registerAuthCommands(program);
  registerBundleCommands(program);
  registerBundleReportCommand(program);
  registerRolloutCommands(program);
  registerSystemCommands(program);
  registerDecisionCommands(program);
  registerDecisionsExplainCommand(program);
  registerIncidentCommands(program);
  registerKeysCommands(program);
  registerPolicyCommands(program);
  registerPolicyRetireCommand(program);
  registerReviewCommands(program);
  registerAuditCommands(program);
  registerFleetCommands(program);
  registerExceptionCommands(program);
}
