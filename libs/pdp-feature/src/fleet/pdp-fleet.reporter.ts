import { hostname } from 'node:os';
import type { Logger } from '@edict/observability';
import type { DecisionPoint } from '@edict/pdp';
import type { PdpConfig } from '../pdp.config';
import { serviceToken } from '../sync/service-token';
import { pdpFleetReport } from './pdp-fleet-report';

/**
 * Reports what this PDP holds to distribution's fleet view (`POST /v1/fleet/pdps`, named by
 * EDICT_PDP_NAME in `X-Edict-Agent-Id`) every EDICT_PDP_FLEET_REPORT_MS (default 15000; 0 turns it
 * off), the first time a second after start. A failed report is logged and retried at the next.
 */
export class PdpFleetReporter {
  readonly intervalMs = Number(process.env['EDICT_PDP_FLEET_REPORT_MS'] ?? 15_000);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly pdp: DecisionPoint, private readonly config: PdpConfig, private readonly logger: Logger) {}

  onApplicationBootstrap(): void {
    if (Number.isFinite(this.intervalMs) && this.intervalMs > 0) this.schedule(1000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async report(): Promise<void> {
    const body = pdpFleetReport(this.pdp.loaded(), { kind: 'edict-pdp', host: hostname() });
    const response = await fetch(`${this.config.distributionUrl}/v1/fleet/pdps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await serviceToken()}`, 'content-type': 'application/json', 'x-edict-agent-id': this.config.name },
      body: JSON.stringify(body),
    });
    if (response.status !== 204) throw new Error(`distribution answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.report()
        .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'fleet report to distribution failed; retried at the next'))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
