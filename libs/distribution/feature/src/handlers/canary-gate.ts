import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@edict/core';
import { gateReport, type Canary, type GateReport, type GateThresholds, type RolloutState, type WindowTotals } from '@edict/distribution-domain';
import { CLOCK } from '@edict/messaging';
import { DecisionWindowsRepository } from '../store/decision-windows.repository';
import { gateThresholdsFromEnv } from './gate-config';

/** The verdict when there is nothing to evaluate. */
export interface NoCanary { readonly passed: false; readonly reasons: readonly string[] }

/** The canary's gates: the service's thresholds (`EDICT_GATE_*`), with the soak the bundle declares. */
@Injectable()
export class CanaryGate {
  private readonly thresholds = gateThresholdsFromEnv();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly windows: DecisionWindowsRepository,
  ) {}

  thresholdsFor(canary: Canary | null): GateThresholds {
    return canary && canary.soakSeconds !== null ? { ...this.thresholds, soakMs: canary.soakSeconds * 1000 } : this.thresholds;
  }

  /** The current step's gates one by one, from the decision windows since the step began. */
  async current(policyId: string, state: RolloutState): Promise<GateReport | NoCanary> {
    if (state.status !== 'tracked' || !state.canary) return { passed: false, reasons: ['no canary in progress'] };
    const since = state.canary.stepStartedAt;
    const canary = await this.windows.totals(policyId, state.canary.version, true, since);
    const stable = state.stable ? await this.windows.totals(policyId, state.stable.version, false, since) : undefined;
    return gateReport({ canary, ...(stable ? { stable } : {}) }, this.thresholdsFor(state.canary), since, this.now());
  }

  /** The gates on supplied metrics; the soak counts from the current step's start (or now, without a canary). */
  supplied(state: RolloutState, canary: WindowTotals, stable?: WindowTotals): GateReport {
    const current = state.status === 'tracked' ? state.canary : null;
    return gateReport({ canary, ...(stable ? { stable } : {}) }, this.thresholdsFor(current), current?.stepStartedAt ?? this.now(), this.now());
  }

  now(): string {
    return this.clock.now().toISOString();
  }
}
