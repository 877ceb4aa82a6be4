import { Client } from 'pg';
import { startInfra } from './start-infra';

const selectOne = async (url: string): Promise<unknown> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows;
  } finally {
    await client.end();
  }
};

describe('startInfra', () => {
  it('starts PostgreSQL on its own (ignoring env URLs it is not given) and stop() takes it down', async () => {
    const lines: string[] = [];
    const infra = await startInfra({ components: ['postgres'], env: {}, log: (line) => lines.push(line), stopOnSignals: false });
    try {
      expect(infra.sources).toEqual({ postgres: expect.stringMatching(/^(local|testcontainers)$/) });
      expect(lines).toEqual([expect.stringMatching(/^infra: postgres +(local|testcontainers) /)]);
      expect(await selectOne(infra.databaseUrl)).toEqual([{ one: 1 }]);
    } finally {
      await infra.stop();
    }
    await expect(selectOne(infra.databaseUrl)).rejects.toThrow();
    await expect(infra.stop()).resolves.toBeUndefined(); // idempotent
  });
});
