import { assertNever, type Decider } from '@edict/core';
import type { RolloutEvent } from '@edict/contracts';
import type { RolloutCommand } from './rollout.commands';
import { evolveRollout } from './rollout.evolve';
import { initialRolloutState, type RolloutState } from './rollout.state';
import { decideDisable, decideEnable } from './kill-switch.decide';
import { decidePause, decideResume } from './pause-rollout.decide';
import { decidePin, decideUnpin } from './pin-version.decide';
import { decidePromote } from './promote-rollout.decide';
import { decideRollBack } from './roll-back.decide';
import { decideStart } from './start-rollout.decide';
import { decideRetire, requireNotRetired } from './retire-policy.decide';

/** What a retired policy still takes: the kill switch, a new major (StartRollout checks it), and RetirePolicy's own refusal. */
const TAKEN_WHEN_RETIRED: readonly RolloutCommand['type'][] = ['StartRollout', 'DisablePolicy', 'EnablePolicy', 'RetirePolicy'];

const decide = (command: RolloutCommand, state: RolloutState): readonly RolloutEvent[] => {
  if (!TAKEN_WHEN_RETIRED.includes(command.type)) requireNotRetired(state);
  switch (command.type) {
    case 'StartRollout': return decideStart(command, state);
    case 'PromoteRollout': return decidePromote(command, state);
    case 'RollBack': return decideRollBack(command, state);
    case 'PauseRollout': return decidePause(command, state);
    case 'ResumeRollout': return decideResume(command, state);
    case 'PinVersion': return decidePin(command, state);
    case 'UnpinVersion': return decideUnpin(command, state);
    case 'DisablePolicy': return decideDisable(command, state);
    case 'EnablePolicy': return decideEnable(command, state);
    case 'RetirePolicy': return decideRetire(command, state);
    default: return assertNever(command, 'rollout command');
  }
};

/**
 * The aggregate of a `rollout-<policyId>` stream: canary 10 → 50 → 100 behind gates, rollback,
 * pause, pin, the per-policy kill switch and retirement. Refusals throw EdictErrors with `ROLLOUT.*` codes.
 */
export const rolloutDecider: Decider<RolloutCommand, RolloutEvent, RolloutState> = {
  decide,
  evolve: evolveRollout,
  initialState: initialRolloutState,
};
