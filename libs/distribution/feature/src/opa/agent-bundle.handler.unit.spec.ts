import { cohortOf, type RolloutEvent } from '@edict/contracts';
import type { EventStore, StoredEvent } from '@edict/event-store';
import { AgentBundleHandler } from './agent-bundle.handler';
import { KillSwitchBundles } from './kill-switch-bundle';
import { OpaBundleReleaseHandler } from './opa-bundle-release.handler';

const POLICY = 'teams/pay/refunds';
const T = '2026-12-01T10:00:00.000Z';
const digest = (v: string): string => `sha256:${v.replace(/\D/g, '').padEnd(64, 'a')}`;
const gate = { passed: true, overridden: false, reason: 'all gates passed' };
const started = (version: string, stableVersion: string | null): RolloutEvent => ({ type: 'RolloutStarted', data: { policyId: POLICY, version, digest: digest(version), percentage: 10, stableVersion, startedBy: 'carol', startedAt: T } });
const promoted = (version: string, from: 10 | 50, to: 50 | 100): RolloutEvent => ({ type: 'RolloutPromoted', data: { policyId: POLICY, version, digest: digest(version), from, to, promotedBy: 'carol', gate, promotedAt: T } });
const stable = [started('1.0.0', null), promoted('1.0.0', 10, 50), promoted('1.0.0', 50, 100)];

/** An agent-bundle handler over a rollout history; releases answer a tarball naming the version. */
function handlerOver(history: readonly RolloutEvent[]): AgentBundleHandler {
  const store: Pick<EventStore, 'readStream'> = { readStream: (id) => Promise.resolve(id === `rollout-${POLICY}` ? (history as unknown[] as StoredEvent[]) : []) };
  const releases = Object.assign(Object.create(OpaBundleReleaseHandler.prototype) as OpaBundleReleaseHandler, {
    handle: (policyId: string, version: string) => Promise.resolve({ tarball: Buffer.from(`${policyId}@${version}`), digest: digest(version) }),
  });
  const killSwitch = Object.assign(Object.create(KillSwitchBundles.prototype) as KillSwitchBundles, {
    of: (policyId: string, mode: string) => Promise.resolve({ tarball: Buffer.from(`${policyId}:${mode}`), digest: `sha256:${'f'.repeat(64)}` }),
  });
  return new AgentBundleHandler(store as EventStore, releases, killSwitch);
}

describe('AgentBundleHandler: what each agent should run', () => {
  const agents = Array.from({ length: 200 }, (_, i) => `opa-${i}`);

  it('gives a 10% canary to exactly the agents whose cohort is below 10, stable to the others', async () => {
    const handler = handlerOver([...stable, started('1.1.0', '1.0.0')]);
    const revisions = await Promise.all(agents.map(async (id) => (await handler.handle(POLICY, id)).revision));
    const canary = agents.filter((_, i) => revisions[i] === '1.1.0');
    expect(canary).toEqual(agents.filter((id) => cohortOf(POLICY, id) < 10));
    expect(canary.length).toBeGreaterThan(5);
    expect(canary.length).toBeLessThan(40);
    expect(revisions.filter((r) => r === '1.0.0')).toHaveLength(agents.length - canary.length);
  });

  it('serves the pin to everyone, and the kill switch over the pin', async () => {
    const pin: RolloutEvent = { type: 'VersionPinned', data: { policyId: POLICY, version: '1.0.0', digest: digest('1.0.0'), reason: 'freeze', pinnedBy: 'sre', pinnedAt: T } };
    const kill: RolloutEvent = { type: 'PolicyDisabled', data: { policyId: POLICY, mode: 'fail-closed', reason: 'drill', disabledBy: 'root', disabledAt: T } };
    const pinnedHandler = handlerOver([...stable, started('1.1.0', '1.0.0'), pin]);
    expect(new Set(await Promise.all(agents.map(async (id) => (await pinnedHandler.handle(POLICY, id)).revision)))).toEqual(new Set(['1.0.0']));
    const killed = handlerOver([...stable, pin, kill]);
    expect(await killed.handle(POLICY, 'opa-1')).toEqual(expect.objectContaining({ revision: 'kill-switch-fail-closed' }));
    expect(await killed.expectedRevision(POLICY, 'opa-1')).toBe('kill-switch-fail-closed');
  });

  it('serves a retired policy the `retired` bundle (an agent would keep its last bundle on a 404), and the kill switch over it', async () => {
    const retired: RolloutEvent = { type: 'PolicyRetired', data: { policyId: POLICY, reason: 'gone', retiredBy: 'root', retiredAt: T, lastVersion: '1.0.0', lastMajor: 1, quietDays: 30, recentDecisions: 0, forced: false } };
    const handler = handlerOver([...stable, retired]);
    expect(await handler.handle(POLICY, 'opa-1')).toEqual(expect.objectContaining({ revision: 'retired', tarball: Buffer.from(`${POLICY}:retired`) }));
    expect(await handler.expectedRevision(POLICY, 'opa-1')).toBe('retired');
    const kill: RolloutEvent = { type: 'PolicyDisabled', data: { policyId: POLICY, mode: 'fail-open', reason: 'drill', disabledBy: 'root', disabledAt: T } };
    expect(await handlerOver([...stable, retired, kill]).handle(POLICY, 'opa-1')).toEqual(expect.objectContaining({ revision: 'kill-switch-fail-open' }));
  });

  it('answers OPA.BUNDLE_NOT_FOUND for a policy without a rollout', async () => {
    await expect(handlerOver([]).handle('org/unknown', 'opa-1')).rejects.toMatchObject({ code: 'OPA.BUNDLE_NOT_FOUND', status: 404 });
    expect(await handlerOver([]).expectedRevision('org/unknown', 'opa-1')).toBeUndefined();
  });
});
