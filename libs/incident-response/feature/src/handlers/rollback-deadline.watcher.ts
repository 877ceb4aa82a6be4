import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@edict/core';
import { CLOCK } from '@edict/messaging';
import { rollbackFailedTotal } from '../incident-metrics';
import { IncidentCommandsService } from './incident-commands.service';
import { IncidentsRepository } from '../store/incidents.repository';

/** EDICT_ROLLBACK_DEADLINE_SECONDS (default 60): how long distribution has to roll a version back. */
export const rollbackDeadlineMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env['EDICT_ROLLBACK_DEADLINE_SECONDS'];
  const seconds = raw === undefined || raw.trim() === '' ? 60 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`EDICT_ROLLBACK_DEADLINE_SECONDS must be a number of seconds > 0, not "${raw ?? ''}"`);
  return seconds * 1000;
};

/**
 * A rollback distribution refused (pinned version, no previous version: it dead-letters the
 * request) or never got to shows up as no BundleRolledBack: past the deadline the incident is
 * escalated to CRITICAL and edict_incidents_rollback_failed_total rises. Checked every
 * deadline/4 (1 s to 15 s); the decider escalates once, so two instances cannot count twice.
 */
@Injectable()
export class RollbackDeadlineWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('RollbackDeadline');
  private readonly deadlineMs = rollbackDeadlineMs();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(@Inject(CLOCK) private readonly clock: Clock, private readonly incidents: IncidentsRepository, private readonly commands: IncidentCommandsService) {}

  onApplicationBootstrap(): void {
    const every = Math.min(15_000, Math.max(1_000, this.deadlineMs / 4));
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Escalates every overdue rollback; returns the incidents escalated now. */
  async check(): Promise<string[]> {
    if (this.running) return [];
    this.running = true;
    const escalated: string[] = [];
    try {
      const before = new Date(this.clock.now().getTime() - this.deadlineMs).toISOString();
      for (const incidentId of await this.incidents.overdueRollbacks(before)) {
        const appended = await this.commands.escalate(incidentId, `no BundleRolledBack within ${this.deadlineMs / 1000} s of the rollback request (runbook: Rollback Not Working)`);
        if (appended.length === 0) continue;
        const { policyId } = await this.commands.get(incidentId);
        rollbackFailedTotal.inc({ policy: policyId });
        escalated.push(incidentId);
      }
    } catch (error) {
      this.log.warn(`rollback deadline check failed: ${String(error)}`);
    } finally {
      this.running = false;
    }
    return escalated;
  }
}
