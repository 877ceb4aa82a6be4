import { pickNewestBinDir } from './postgres-binaries';
import { CRASH_SAFE_POSTGRES_SETTINGS, initdbArgs, postgresServerOptions, postgresUrl } from './postgres-config';

describe('postgresServerOptions', () => {
  it('listens on loopback with the socket in the cluster folder and the test-speed settings', () => {
    expect(postgresServerOptions({ port: 54321, socketDir: '/tmp/edict-pg-x' })).toBe(
      "-p 54321 -k '/tmp/edict-pg-x' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
    );
  });

  it('commits synchronously on a cluster a fault test crashes, so an acknowledged COMMIT survives the crash', () => {
    const options = postgresServerOptions({ port: 54321, socketDir: '/tmp/edict-pg-x' }, CRASH_SAFE_POSTGRES_SETTINGS);
    expect(options).toContain('-c synchronous_commit=on');
    expect(options).not.toContain('synchronous_commit=off');
  });

  it('quotes the socket folder for the shell pg_ctl hands the options to', () => {
    expect(postgresServerOptions({ port: 1, socketDir: "/tmp/it's here" })).toContain(`-k '/tmp/it'\\''s here'`);
  });
});

describe('initdbArgs and postgresUrl', () => {
  it('makes a trust-auth cluster owned by the postgres role', () => {
    expect(initdbArgs('/d')).toEqual(['-D', '/d', '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    expect(postgresUrl(5433, 'edict')).toBe('postgres://postgres@127.0.0.1:5433/edict');
  });
});

describe('pickNewestBinDir', () => {
  it('prefers the highest major version, numerically', () => {
    expect(pickNewestBinDir('/usr/lib/postgresql', ['9.6', '15', '13', '16'])).toBe('/usr/lib/postgresql/16/bin');
  });

  it('ignores folders that are not versions and returns undefined when none are', () => {
    expect(pickNewestBinDir('/r', ['README', '15'])).toBe('/r/15/bin');
    expect(pickNewestBinDir('/r', [])).toBeUndefined();
  });
});
