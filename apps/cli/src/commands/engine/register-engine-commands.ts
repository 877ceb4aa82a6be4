import type { Command } from 'commander';
import { registerCheckCommand } from './check.command';
import { registerLintCommand } from './lint.command';
import { registerSimulateCommand } from './simulate.command';
import { registerTestCommand } from './test.command';
import { registerValidateCommand } from './validate.command';
import { registerVerifyCommand } from './verify.command';

/** The policy-engine commands: `validate`, `lint`, `test`, `simulate`, `check`, `verify`. */
export function registerEngineCommands(program: Command): void {
  registerValidateCommand(program);
  registerLintCommand(program);
  registerTestCommand(program);
  registerSimulateCommand(program);
  registerCheckCommand(program);
  registerVerifyCommand(program);
}
