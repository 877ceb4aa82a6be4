import { RolloutChanges } from './rollout-changes';

describe('RolloutChanges', () => {
  it('wakes the waiters of the policy that changed, not the others', async () => {
    const changes = new RolloutChanges();
    const egress = changes.wait('org/egress', changes.seen('org/egress'), 60_000);
    const other = changes.wait('org/other', changes.seen('org/other'), 60_000, AbortSignal.abort());
    changes.notify('org/egress');
    await expect(egress).resolves.toBe(true);
    await expect(other).resolves.toBe(false);
  });

  it('answers at once when a change came between reading the state and waiting', async () => {
    const changes = new RolloutChanges();
    const seen = changes.seen('org/egress');
    changes.notify('org/egress');
    await expect(changes.wait('org/egress', seen, 60_000)).resolves.toBe(true);
  });

  it('answers false when the wait ends without a change', async () => {
    await expect(new RolloutChanges().wait('org/egress', 0, 1)).resolves.toBe(false);
  });
});

describe('RolloutChanges on shutdown', () => {
  it('releases every held wait and holds no new one', async () => {
    const changes = new RolloutChanges();
    const held = changes.wait('org/egress', 0, 60_000);
    changes.onModuleDestroy();
    await expect(held).resolves.toBe(true);
    expect(changes.closed).toBe(true);
    await expect(changes.wait('org/egress', changes.seen('org/egress'), 60_000)).resolves.toBe(false);
  });
});
