import { Pool } from 'pg';
import { uniqueName } from '@edict/testing';

const schema = uniqueName('dist_windows').replace(/-/g, '_');
process.env['EDICT_DB_SCHEMA'] = schema;
let pool: Pool;

const window = {
  policyId: 'org/payments', version: '2.1.0', canary: true, windowStart: '2025-03-01T10:00:00.000Z', windowEnd: '2025-03-01T10:01:00.000Z',
  total: 10, errors: 0, denies: 2, noMatches: 0, meanEvaluationNs: 1000,
};

beforeAll(() => {
  pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe('distribution decision windows', () => {
  it('keeps the highest revision of a window, whatever the delivery order', async () => {
    // imported here so that runtimeEnv() reads this spec's schema
    const { DecisionWindowsRepository } = await import('./decision-windows.repository');
    const repo = new DecisionWindowsRepository(pool);
    await repo.save(window);
    expect(await repo.totals('org/payments', '2.1.0', true, window.windowStart)).toMatchObject({ total: 10, denies: 2 });
    await repo.save({ ...window, total: 30, denies: 25, revision: 2 });
    await repo.save({ ...window, total: 10, denies: 2 }); // revision 1 redelivered
    await repo.save({ ...window, total: 20, denies: 3, revision: 2 }); // never two different revision 2s; the first stays
    expect(await repo.totals('org/payments', '2.1.0', true, window.windowStart)).toMatchObject({ total: 30, denies: 25 });
  });

  it('sums the declared cost of the windows (the cost gate), apart from the evaluation time, and leaves it out when no window had one', async () => {
    const { DecisionWindowsRepository } = await import('./decision-windows.repository');
    const repo = new DecisionWindowsRepository(pool);
    const costed = { ...window, policyId: 'org/costed', costSum: 12.5 };
    await repo.save(costed);
    await repo.save({ ...costed, windowStart: '2025-03-01T10:01:00.000Z', windowEnd: '2025-03-01T10:02:00.000Z', meanEvaluationNs: 3000, costSum: 7.5 });
    expect(await repo.totals('org/costed', '2.1.0', true, window.windowStart)).toEqual({ total: 20, errors: 0, denies: 4, meanEvaluationNs: 2000, costSum: 20 });
    await repo.save({ ...costed, costSum: 30, revision: 2 }); // a correction replaces the window's cost too
    expect((await repo.totals('org/costed', '2.1.0', true, window.windowStart)).costSum).toBe(37.5);
    expect(await repo.totals('org/payments', '2.1.0', true, window.windowStart)).not.toHaveProperty('costSum');
  });
});
