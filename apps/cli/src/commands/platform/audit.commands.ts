import type { Command } from 'commander';
import { registerAuditExportCommand } from './audit-export.command';
import { registerAuditReportCommand } from './audit-report.command';
import { registerAuditVerifyCommand } from './audit-verify.command';

/** `edict audit export | verify | report`: the hash-chained log, streamed to a file, checked offline, read as change records. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log and its signed checkpoints');
  registerAuditExportCommand(audit);
  registerAuditVerifyCommand(audit);
  registerAuditReportCommand(audit);
}
