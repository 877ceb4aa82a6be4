import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { edictCacheDir } from './cache-dir';
import { watchChild } from './child-lifecycle';
import { freePort, freePorts } from './free-port';
import { javaBinary } from './java-binary';
import { kafkaNodeSettings, newKafkaClusterId, renderLog4jProperties, renderProperties } from './kafka-config';
import { ensureKafkaLibs } from './kafka-libs';
import { waitForKafka } from './kafka-readiness';
import { logTails } from './log-tail';
import { findPostgresBinDir } from './postgres-binaries';
import { CRASH_SAFE_POSTGRES_SETTINGS, initdbArgs, postgresServerOptions, postgresUrl } from './postgres-config';
import { clusterOwner } from './postgres-owner';
import { repoRoot } from './repo-root';
import { runCommand } from './run-command';

/** A private piece of infrastructure a fault test may take down and bring back, on the same address and data. */
export interface RestartableInfra<T> {
  readonly value: T;
  /** kill it hard (SIGKILL / immediate shutdown), without bringing it back */
  kill(): Promise<void>;
  /** start it again after kill(), same port and data; resolves once it answers */
  start(): Promise<void>;
  /** stop for good and remove its data */
  stop(): Promise<void>;
}

/**
 * A private PostgreSQL cluster (database `edict`) for a test that restarts Postgres; never the
 * shared one. Crash-safe commits (CRASH_SAFE_POSTGRES_SETTINGS): with the test-speed
 * `synchronous_commit=off`, kill() made Postgres forget transactions it had acknowledged, and a
 * consumer that committed its Kafka offsets after them never saw those messages again.
 */
export async function startRestartablePostgres(): Promise<RestartableInfra<string>> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'edict-pg-fault-'));
  const dataDir = join(dir, 'data');
  const asOwner = clusterOwner(dir);
  const port = await freePort();
  const pgCtl = (args: string[]): Promise<string> => {
    const [file, argv] = asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
    return runCommand(file, argv, { errorCode: 'INFRA.POSTGRES_START_FAILED', timeoutMs: 90_000 });
  };
  const [initdb, initArgs] = asOwner(join(bin, 'initdb'), initdbArgs(dataDir));
  await runCommand(initdb, initArgs, { errorCode: 'INFRA.POSTGRES_START_FAILED', timeoutMs: 120_000 });
  const start = (): Promise<void> => pgCtl(['-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', postgresServerOptions({ port, socketDir: dir }, CRASH_SAFE_POSTGRES_SETTINGS), 'start']).then(() => undefined);
  await start();
  const client = new Client({ connectionString: postgresUrl(port, 'postgres') });
  await client.connect();
  await client.query('CREATE DATABASE edict');
  await client.end();
  return {
    value: postgresUrl(port, 'edict'),
    kill: () => pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']).then(() => undefined),
    start,
    stop: async () => {
      await pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A broker a fault test can also freeze: it keeps its connections and answers nothing, as a hung broker does. */
export interface FreezableKafka extends RestartableInfra<string[]> {
  /** SIGSTOP: connections stay open (the kernel even accepts new ones), nothing is answered */
  freeze(): void;
  /** SIGCONT after freeze() */
  thaw(): void;
}

/** A private single-node Kafka (KRaft) from the harness's cached jars, for a test that kills or freezes the broker. */
export async function startRestartableKafka(): Promise<FreezableKafka> {
  const libs = await ensureKafkaLibs(repoRoot(), edictCacheDir(), () => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'edict-kafka-fault-'));
  const file = (name: string): string => join(dir, name);
  const [brokerPort, controllerPort] = await freePorts(2);
  writeFileSync(file('server.properties'), renderProperties(kafkaNodeSettings({ host: '127.0.0.1', brokerPort: brokerPort!, controllerPort: controllerPort!, logDir: file('data'), quorum: 'standalone' })));
  writeFileSync(file('log4j.properties'), renderLog4jProperties(file('server.log')));
  const classpath = [`-Dlog4j.configuration=file:${file('log4j.properties')}`, '-cp', join(libs.libsDir, '*')];
  await runCommand(javaBinary(), [...classpath, 'kafka.tools.StorageTool', 'format', '-t', newKafkaClusterId(), '-c', file('server.properties'), '--standalone'],
    { errorCode: 'INFRA.KAFKA_START_FAILED', timeoutMs: 120_000 });
  const brokers = [`127.0.0.1:${String(brokerPort)}`];
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const out = openSync(file('kafka.out'), 'a');
    const started = spawn(javaBinary(), ['-Xmx512m', '-Xms256m', ...classpath, 'kafka.Kafka', file('server.properties')], { stdio: ['ignore', out, out] });
    closeSync(out);
    child = started;
    const life = watchChild(started);
    await waitForKafka(brokers, { timeoutMs: 120_000, gaveUp: () => life.ended() && `the broker ${life.ended()}`, diagnostics: () => logTails([file('kafka.out'), file('server.log')]) });
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  const signal = (name: 'SIGSTOP' | 'SIGCONT'): void => {
    if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`the broker is not running (${name})`);
    child.kill(name);
  };
  await start();
  return {
    value: brokers, kill, start,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
    stop: async () => {
      if (child) child.kill('SIGCONT'); // a frozen broker takes SIGKILL too, but let it exit cleanly either way
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
