import { readdirSync, readFileSync } from 'node:fs';

/** A process sampled while nothing asks it anything. */
export interface IdleSample {
  readonly pid: number;
  readonly seconds: number;
  readonly rssMiB: number;
  /** user + system CPU over the window, as a percentage of one core */
  readonly cpuPercentOfCore: number;
  /** the raw clock ticks behind it (USER_HZ, 100 on Linux): 0 means not measurable */
  readonly cpuTicks: number;
  /** the CPU time the scheduler counted over the window, every thread (schedstat; ticks only sample it) */
  readonly cpuMs: number;
}

const USER_HZ = 100;

/** utime + stime from /proc/<pid>/stat (fields 14 and 15; the name in field 2 may hold spaces). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // fields[0] is field 3 (state)
}

/** Nanoseconds on a CPU, summed over the process's threads (/proc/<pid>/task/<tid>/schedstat, field 1). */
function cpuNanos(pid: number): number {
  let sum = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      sum += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return sum;
}

function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** CPU used by `pid` over `seconds` of idleness (Linux /proc), and its resident set at the end. */
export async function sampleIdle(pid: number, seconds = 10): Promise<IdleSample> {
  const before = cpuTicks(pid);
  const nanosBefore = cpuNanos(pid);
  const started = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const ticks = cpuTicks(pid) - before;
  const nanos = cpuNanos(pid) - nanosBefore;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    pid,
    seconds: Number(elapsed.toFixed(2)),
    rssMiB: Number((rssKiB(pid) / 1024).toFixed(1)),
    cpuPercentOfCore: Number(((ticks / USER_HZ / elapsed) * 100).toFixed(2)),
    cpuTicks: ticks,
    cpuMs: Number((nanos / 1e6).toFixed(1)),
  };
}

/**
 * Waits (at most `timeoutMs`) until the PDP's decision log has nothing pending
 * (`edict_pdp_decision_log_pending_records 0` on its /metrics), so that an idle sample after load
 * does not count the publishing of the backlog; then `settleMs` more. Resolves false on timeout.
 */
export async function waitForDrainedLog(pdpUrl: string, timeoutMs = 60_000, settleMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await fetch(new URL('/metrics', pdpUrl)).then((r) => r.text(), () => '');
    if (/^edict_pdp_decision_log_pending_records 0$/m.test(text)) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Waits until the decision log has caught up with what the last window produced: OPA's last
 * batch posted (it reports every second, so at least `minMs` first), the PDP's buffer empty and
 * decision-log's consumer lag 0 on every partition. So each timed window starts on a machine
 * that is not still storing the previous window's decisions (which moved a side's req/s by
 * half at 16 connections). False when it had not caught up within `timeoutMs`.
 */
export async function waitForCaughtUp(pdpUrl: string, decisionLogUrl: string, timeoutMs = 60_000, minMs = 1500): Promise<boolean> {
  const metrics = (url: string): Promise<string> => fetch(new URL('/metrics', url)).then((r) => r.text(), () => '');
  await new Promise((resolve) => setTimeout(resolve, minMs));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [pdp, log] = await Promise.all([metrics(pdpUrl), metrics(decisionLogUrl)]);
    const lags = [...log.matchAll(/^edict_decision_log_consumer_lag_messages\{[^}]*\} (\d+)$/gm)].map((m) => Number(m[1]));
    if (/^edict_pdp_decision_log_pending_records 0$/m.test(pdp) && lags.length > 0 && lags.every((lag) => lag === 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** V8's heap spaces as a Node service exports them (prom-client's `nodejs_heap_space_size_total_bytes`), in MiB committed. */
export type HeapSpacesMiB = Readonly<Record<string, number>>;

/** The committed size of each V8 heap space of the service at `url`, read from its /metrics (after a window, so the scrape is not in it). */
export async function heapSpaces(url: string): Promise<HeapSpacesMiB> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const spaces: Record<string, number> = {};
  for (const match of text.matchAll(/^nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\d+(?:\.\d+)?)$/gm)) {
    const mib = Number(match[2]) / 1048576;
    if (mib >= 0.05) spaces[match[1]!] = Number(mib.toFixed(1));
  }
  return spaces;
}
