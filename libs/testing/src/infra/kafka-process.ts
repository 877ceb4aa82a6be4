import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchChild } from './child-lifecycle';
import { freePorts } from './free-port';
import type { StartedComponent } from './infra-handle';
import { javaBinary } from './java-binary';
import { kafkaNodeSettings, newKafkaClusterId, renderLog4jProperties, renderProperties } from './kafka-config';
import type { KafkaLibs } from './kafka-libs';
import { waitForKafka } from './kafka-readiness';
import { logTails } from './log-tail';
import { guardAgainstOrphans } from './orphan-guard';
import { trackResource } from './process-cleanup';
import { runCommand } from './run-command';

// As bin/kafka-server-start.sh, but a modest heap: tests hold little data, CI has little RAM.
const JVM_OPTS = ['-Xmx512m', '-Xms512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];
// Kill the broker if it is still ours (its command line names the folder), then remove the folder.
const ORPHAN_CLEANUP = 'if ps -p "$1" -o args= 2>/dev/null | grep -qF -- "$2"; then kill -9 "$1"; fi; rm -rf "$2"';

/**
 * Starts one KRaft node (broker + controller) from the cached jars: free ports on 127.0.0.1,
 * data and logs in a fresh temp folder, storage formatted as a standalone quorum. Resolves
 * once a kafkajs admin can describe the cluster.
 */
export async function startLocalKafka(libs: KafkaLibs, readyTimeoutMs: number, stopOnSignals: boolean): Promise<StartedComponent<string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'edict-kafka-'));
  const file = (name: string): string => join(dir, name);
  const [brokerPort, controllerPort] = await freePorts(2);
  const settings = kafkaNodeSettings({ host: '127.0.0.1', brokerPort: brokerPort!, controllerPort: controllerPort!, logDir: file('data'), quorum: 'standalone' });
  writeFileSync(file('server.properties'), renderProperties(settings));
  writeFileSync(file('log4j.properties'), renderLog4jProperties(file('server.log')));
  const java = javaBinary();
  const classpath = [`-Dlog4j.configuration=file:${file('log4j.properties')}`, '-cp', join(libs.libsDir, '*')];
  const format = [...classpath, 'kafka.tools.StorageTool', 'format', '-t', newKafkaClusterId(), '-c', file('server.properties'), '--standalone'];
  await runCommand(java, format, { errorCode: 'INFRA.KAFKA_START_FAILED', timeoutMs: 120_000 }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });

  const out = openSync(file('kafka.out'), 'a');
  const child = spawn(java, [...JVM_OPTS, ...classpath, 'kafka.Kafka', file('server.properties')], { stdio: ['ignore', out, out] });
  closeSync(out);
  const life = watchChild(child);
  const cancelGuard = child.pid ? guardAgainstOrphans(ORPHAN_CLEANUP, [String(child.pid), dir]) : () => undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= life.terminate(15_000).then(() => {
      cancelGuard();
      rmSync(dir, { recursive: true, force: true });
      untrack();
    }));
  const stopSync = (): void => {
    cancelGuard();
    if (life.ended() === undefined) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const untrack = trackResource({ name: `kafka (pid ${String(child.pid)})`, stop, stopSync }, stopOnSignals);

  const brokers = [`127.0.0.1:${String(brokerPort)}`];
  const diagnostics = (): string => logTails([file('kafka.out'), file('server.log')]);
  await waitForKafka(brokers, { timeoutMs: readyTimeoutMs, gaveUp: () => life.ended() && `the broker ${life.ended()}`, diagnostics }).catch(
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
  return { value: brokers, source: 'local', detail: `${brokers[0]} (Apache Kafka ${libs.version}, KRaft, logs in ${dir})`, stop };
}
