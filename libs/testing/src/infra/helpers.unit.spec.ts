import { redactPassword } from './component-starters';
import { formatShellExports, infraEnvironment } from './infra-environment';
import type { InfraHandle } from './infra-handle';
import { withDatabase } from './test-database';
import { uniqueName } from './unique-name';

const handle = (extra: Partial<InfraHandle> = {}): InfraHandle => ({
  kafkaBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
  databaseUrl: 'postgres://postgres@127.0.0.1:3/edict',
  opaPath: '/cache/opa',
  sources: {},
  stop: () => Promise.resolve(),
  ...extra,
});

describe('infraEnvironment and formatShellExports', () => {
  it('hands out the variables the services read, EventStoreDB only when there is one', () => {
    expect(infraEnvironment(handle())).toEqual({
      KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:2',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:3/edict',
      OPA_PATH: '/cache/opa',
    });
    expect(infraEnvironment(handle({ eventStoreConnectionString: 'esdb://h:1?tls=false' })).EVENTSTORE_CONNECTION_STRING).toBe('esdb://h:1?tls=false');
  });

  it('quotes values for a POSIX shell', () => {
    expect(formatShellExports({ A: 'esdb://h:1?tls=false&x=1', B: "it's" })).toBe(
      "export A='esdb://h:1?tls=false&x=1'\nexport B='it'\\''s'",
    );
  });
});

describe('small helpers', () => {
  it('uniqueName is lower case, prefixed and different every time', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('orders')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^orders-[0-9a-z]+-[0-9a-f]{8}$/);
  });

  it('withDatabase swaps the database and keeps credentials and query', () => {
    expect(withDatabase('postgres://u:p@h:5432/edict?sslmode=disable', 'edict_test_1')).toBe('postgres://u:p@h:5432/edict_test_1?sslmode=disable');
  });

  it('redactPassword hides passwords in log lines', () => {
    expect(redactPassword('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactPassword('postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(redactPassword('not a url')).toBe('(unparsable URL)');
  });
});
