import { Inject, Injectable, Logger } from '@nestjs/common';
import { StreamIds } from '@edict/contracts';
import { AUTO_PROMOTE_ACTOR, autoPromotion, rolloutDecider } from '@edict/distribution-domain';
import { EVENT_STORE, type EventStore } from '@edict/event-store';
import { eventMetadata, loadState } from '@edict/messaging';
import { CanaryGate } from './canary-gate';
import { decideAtRevision, RevisionMismatchError } from './decide-at-revision';

/**
 * Automatic promotion (`spec.rollout.autoPromote`): after each decision window distribution
 * stores, the canary's gates are evaluated and, when they pass and the soak elapsed, the canary
 * is promoted as `system:auto-promote`, a normal RolloutPromoted in the audit trail. The command
 * is decided at the revision the gates were read at, so a concurrent command (or a second window
 * evaluated at the same time) wins and this one steps aside; the next window evaluates again.
 */
@Injectable()
export class AutoPromoteHandler {
  private readonly logger = new Logger(AutoPromoteHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gates: CanaryGate,
  ) {}

  async afterWindow(policyId: string): Promise<boolean> {
    const streamId = StreamIds.rollout(policyId);
    const { state, revision } = await loadState(this.store, streamId, rolloutDecider);
    if (state.status !== 'tracked' || !state.canary?.autoPromote) return false;
    const command = autoPromotion(state, await this.gates.current(policyId, state), this.gates.now());
    if (!command) return false;
    try {
      await decideAtRevision(this.store, streamId, command, revision, eventMetadata(AUTO_PROMOTE_ACTOR));
      return true;
    } catch (error) {
      if (!(error instanceof RevisionMismatchError)) throw error;
      this.logger.log({ msg: 'auto-promotion skipped: the rollout moved meanwhile', policyId, revision });
      return false;
    }
  }
}
