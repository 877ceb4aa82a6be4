import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The p-th percentile (nearest rank) of `values`, in their unit; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** CPU time (user + system) a process used so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after the command: state is field 3, utime 14, stime 15 (1-based in proc(5)); clock ticks of 10 ms
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const load = (): number => Number(loadavg()[0]?.toFixed(2));

/**
 * OPA's default bundle polling as the baseline, computed: each agent polls at a delay drawn
 * uniformly from [min, max] seconds, so a change waits for the agent's next poll (a length-biased
 * residual of that renewal process). Monte Carlo over `trials` changes: seconds until every one of
 * `agents` agents polled.
 */
export function opaPollingBaseline(agents: number, minSeconds = 60, maxSeconds = 120, trials = 20_000): { readonly p50: number; readonly p99: number; readonly perAgentMean: number } {
  const everyAgent: number[] = [];
  let sum = 0;
  let count = 0;
  const delay = (): number => minSeconds + Math.random() * (maxSeconds - minSeconds);
  for (let t = 0; t < trials; t++) {
    let last = 0;
    for (let a = 0; a < agents; a++) {
      // an agent that has been polling for a while: walk its polls past a random instant
      const instant = 1000 + Math.random() * 1000;
      let at = Math.random() * maxSeconds;
      while (at < instant) at += delay();
      const wait = at - instant;
      sum += wait;
      count += 1;
      last = Math.max(last, wait);
    }
    everyAgent.push(last);
  }
  return { p50: percentile(everyAgent, 50), p99: percentile(everyAgent, 99), perAgentMean: sum / count };
}
