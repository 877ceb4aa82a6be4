import { hostname } from 'node:os';
import type { Logger } from '@edict/observability';
import type { DecisionPoint } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import { leanHttp } from '../sync/lean-http.client';
import { serviceToken } from '../sync/service-token';
import { pdpFleetReport } from './pdp-fleet-report';

/** A report sent this long after a change: the loads of one serving answer go out as one report. */
const CHANGE_DEBOUNCE_MS = 250;

/**
 * Reports what this PDP holds to distribution's fleet view (`POST /v1/fleet/pdps`, named by
 * EDICT_PDP_NAME in `X-Edict-Agent-Id`): a second after start, shortly after every change of what
 * it holds (`changed()`, which the serving sync calls after a load or a dropped version), and at
 * least every EDICT_PDP_FLEET_REPORT_MS (default 120000, well inside the fleet view's 330 s
 * before `stale`; 0 turns reporting off) so that distribution sees it alive. An idle PDP wakes up
 * for it once in two minutes, not every 15 s. A failed report is logged and retried a second later.
 */
export class PdpFleetReporter {
  readonly intervalMs = Number(process.env['EDICT_PDP_FLEET_REPORT_MS'] ?? 120_000);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running = false;
  /** a change arrived while a report was in flight: another report follows it */
  private changedSince = false;

  constructor(private readonly pdp: DecisionPoint, private readonly config: PdpConfig, private readonly logger: Logger) {}

  private get enabled(): boolean {
    return Number.isFinite(this.intervalMs) && this.intervalMs > 0 && !this.stopped;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.schedule(1000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** What the PDP holds changed: report it soon (the next periodic report moves accordingly). */
  changed(): void {
    this.changedSince = true;
    if (this.enabled && !this.running) this.schedule(CHANGE_DEBOUNCE_MS);
  }

  async report(): Promise<void> {
    const body = pdpFleetReport(this.pdp.loaded(), { kind: 'edict-pdp', host: hostname() });
    const response = await leanHttp(`${this.config.distributionUrl}/v1/fleet/pdps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await serviceToken()}`, 'content-type': 'application/json', 'x-edict-agent-id': this.config.name },
      body: JSON.stringify(body),
      timeoutMs: 5000,
    });
    if (response.status !== 204) throw new Error(`distribution answered ${response.status}: ${response.text().slice(0, 300)}`);
  }

  /** (Re)arms the one timer: the next report in `delayMs`. */
  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(), delayMs);
    this.timer.unref();
  }

  /** One report at a time; what changed while it was in flight goes in the next, soon after. */
  private async fire(): Promise<void> {
    this.running = true;
    this.changedSince = false;
    let next = this.intervalMs;
    try {
      await this.report();
    } catch (error) {
      next = Math.min(1000, this.intervalMs);
      this.logger.warn({ err: String(error) }, 'fleet report to distribution failed; retried in a second');
    } finally {
      this.running = false;
    }
    if (this.enabled) this.schedule(this.changedSince ? Math.min(next, CHANGE_DEBOUNCE_MS) : next);
  }
}
