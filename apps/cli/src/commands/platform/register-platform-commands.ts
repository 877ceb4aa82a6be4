import type { Command } from 'commander';
import { registerAuthCommands } from './auth.commands';
import { registerBundleCommands } from './bundle.commands';
import { registerDecisionCommands } from './decision.commands';
import { registerIncidentCommands } from './incident.commands';
import { registerKeysCommands } from './keys.commands';
import { registerRolloutCommands } from './rollout.commands';

/** The commands that talk to the running services. */
export function registerPlatformCommands(program: Command): void {
  registerAuthCommands(program);
  registerBundleCommands(program);
  registerRolloutCommands(program);
  registerDecisionCommands(program);
  registerIncidentCommands(program);
  registerKeysCommands(program);
}
