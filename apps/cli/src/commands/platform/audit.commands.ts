import type { Command } from 'commander';
import { registerAuditExportCommand } from './audit-export.command';
import { registerAuditVerifyCommand } from './audit-verify.command';

/** `edict audit export | verify`: the hash-chained log, streamed to a file and checked offline. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log and its signed checkpoints');
  registerAuditExportCommand(audit);
  registerAuditVerifyCommand(audit);
}
