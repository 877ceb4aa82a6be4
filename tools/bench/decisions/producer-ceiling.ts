import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const KAFKA_VERSION = '3.9.2';
const cache = join(homedir(), '.cache', 'edict');
const brokerLibs = join(cache, `kafka-${KAFKA_VERSION}`, 'libs');
const toolLibs = join(cache, `kafka-tools-${KAFKA_VERSION}`);

/**
 * Kafka's own `kafka-producer-perf-test` (org.apache.kafka.tools.ProducerPerformance). The
 * broker jars the harness fetched lack the tools module, so kafka-tools and argparse4j are
 * fetched once with Maven (`mvn dependency:copy`, Maven Central) into ~/.cache/edict.
 */
function ensureToolJars(): void {
  if (existsSync(join(toolLibs, `kafka-tools-${KAFKA_VERSION}.jar`)) && existsSync(join(toolLibs, 'argparse4j-0.7.0.jar'))) return;
  mkdirSync(toolLibs, { recursive: true });
  for (const artifact of [`org.apache.kafka:kafka-tools:${KAFKA_VERSION}`, 'net.sourceforge.argparse4j:argparse4j:0.7.0']) {
    execFileSync('mvn', ['-q', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${toolLibs}`], { stdio: 'inherit' });
  }
}

export interface CeilingResult {
  readonly recordsPerSecond: number;
  readonly mbPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly records: number;
  readonly recordSize: number;
  readonly output: string;
}

/** Runs ProducerPerformance against `brokers` on `topic`: `records` records of `recordSize` bytes, acks=all, unthrottled. */
export function producerCeiling(brokers: string, topic: string, records: number, recordSize: number): CeilingResult {
  ensureToolJars();
  const cp = `${toolLibs}/*:${brokerLibs}/*`;
  const run = spawnSync('java', ['-Xmx512m', '-cp', cp, 'org.apache.kafka.tools.ProducerPerformance', '--topic', topic, '--num-records', String(records),
    '--record-size', String(recordSize), '--throughput', '-1', '--producer-props', `bootstrap.servers=${brokers}`, 'acks=all'], { encoding: 'utf8', timeout: 600_000 });
  const output = `${run.stdout}${run.stderr}`;
  const last = output.split('\n').filter((l) => l.includes('records sent')).pop() ?? '';
  const num = (re: RegExp): number => Number(re.exec(last)?.[1] ?? Number.NaN);
  if (!last) throw new Error(`ProducerPerformance printed no result:\n${output.slice(-2000)}`);
  return {
    recordsPerSecond: num(/([\d.]+) records\/sec/), mbPerSecond: num(/\(([\d.]+) MB\/sec\)/), p50Ms: num(/(\d+) ms 50th/), p99Ms: num(/(\d+) ms 99th/),
    records, recordSize, output: last,
  };
}
