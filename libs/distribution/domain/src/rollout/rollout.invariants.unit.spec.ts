import { isEdictError } from '@edict/core';
import type { RolloutEvent } from '@edict/contracts';
import fc from 'fast-check';
import { gt } from 'semver';
import { servingVersionFor } from '../serving/serving-version';
import { digestOf, failed, passed, POLICY, T1 } from './__fixtures__/rollout.fixtures';
import type { RolloutCommand } from './rollout.commands';
import { rolloutDecider } from './rollout.decider';
import { knownVersions, servingVersions, type RolloutState } from './rollout.state';

const at = T1;
const version = fc.integer({ min: 0, max: 6 }).map((minor) => `1.${minor}.0`);
const start = version.map((v): RolloutCommand => ({
  type: 'StartRollout', data: { policyId: POLICY, version: v, digest: digestOf(v), signatureVerified: true, by: 'a', at },
}));
const promote = fc.integer({ min: 0, max: 3 }).map((n): RolloutCommand => ({
  type: 'PromoteRollout', data: { by: 'a', at, gate: n > 0 ? passed : failed },
}));
const rollBack = fc.record({
  v: fc.option(version, { nil: undefined, freq: 2 }),
  inc: fc.option(fc.constantFrom('i1', 'i2'), { nil: undefined }),
}).map(({ v, inc }): RolloutCommand => ({
  type: 'RollBack',
  data: { reason: 'r', by: 'a', at, automatic: inc !== undefined, ...(v ? { version: v } : {}), ...(inc ? { incidentId: inc } : {}) },
}));
/** Weighted so that runs reach 100%, history and repeated rollbacks often enough to matter. */
const command: fc.Arbitrary<RolloutCommand> = fc.oneof(
  { arbitrary: start, weight: 3 },
  { arbitrary: promote, weight: 4 },
  { arbitrary: rollBack, weight: 2 },
  { arbitrary: fc.constant<RolloutCommand>({ type: 'PauseRollout', data: { reason: 'r', by: 'a', at } }), weight: 1 },
  { arbitrary: fc.constant<RolloutCommand>({ type: 'ResumeRollout', data: { by: 'a', at } }), weight: 1 },
);
const commands = fc.array(command, { minLength: 5, maxLength: 40 });
const runs = { numRuns: 500 };

/** Applies commands as a service would: a refusal leaves the stream as it was; any other throw fails. */
const run = (commands: readonly RolloutCommand[]): { state: RolloutState; events: RolloutEvent[] } =>
  commands.reduce(({ state, events }, cmd) => {
    try {
      const produced = rolloutDecider.decide(cmd, state);
      return { state: produced.reduce(rolloutDecider.evolve, state), events: [...events, ...produced] };
    } catch (error: unknown) {
      if (isEdictError(error)) return { state, events };
      throw error;
    }
  }, { state: rolloutDecider.initialState(), events: [] as RolloutEvent[] });

describe('rollout invariants (any command sequence)', () => {
  it('a rolled-back version never serves again, and the canary is always newer than stable', () => {
    fc.assert(fc.property(commands, fc.integer({ min: 0, max: 99 }), (cmds, cohort) => {
      const { state } = run(cmds);
      if (state.status === 'empty') return;
      for (const v of state.archived) expect(servingVersions(state)).not.toContain(v);
      if (state.canary && state.stable) expect(gt(state.canary.version, state.stable.version)).toBe(true);
      const all = knownVersions(state);
      expect(new Set(all).size).toBe(all.length);
      const serving = servingVersionFor(state, cohort);
      if (serving.kind === 'version') expect(servingVersions(state)).toContain(serving.version);
    }), runs);
  });

  it('a failed gate never promotes without an override', () => {
    fc.assert(fc.property(commands, (cmds) => {
      for (const e of run(cmds).events) if (e.type === 'RolloutPromoted') expect(e.data.gate.passed).toBe(true);
    }), runs);
  });

  it('one incident never rolls back twice', () => {
    fc.assert(fc.property(commands, (cmds) => {
      const ids = run(cmds).events.flatMap((e) => (e.type === 'BundleRolledBack' && e.data.incidentId ? [e.data.incidentId] : []));
      expect(new Set(ids).size).toBe(ids.length);
    }), runs);
  });
});
