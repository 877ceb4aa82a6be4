import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

/** Which CPUs the sweep ran on: the two servers under test share one, everything else of the run the others. */
export type CpuPinning =
  | { readonly pinned: true; readonly serversCpu: string; readonly restCpus: string; readonly restProcesses: number }
  | { readonly pinned: false; readonly reason: string };

/** The parent pid of `pid` (field 4 of /proc/<pid>/stat, after the name in parentheses). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // ended meanwhile
  }
}

/** Every process started, directly or not, by `root`. */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) parents.set(pid, parent);
  }
  const found: number[] = [];
  const walk = (of: number): void => {
    for (const [pid, parent] of parents) {
      if (parent !== of) continue;
      found.push(pid);
      walk(pid);
    }
  };
  walk(root);
  return found;
}

const pin = (pid: number, cpus: string): boolean => spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' }).status === 0;

/**
 * Puts the servers under test on CPU 0 (they take turns, so each has it to itself, as "on one
 * core" means) and this process (autocannon) with everything else it started (the other
 * services, Kafka, Postgres) on the other CPUs: the load generator and the decision-log pipeline
 * no longer share a core with the server being timed. Only processes of this run are pinned,
 * and they all end with it. Skipped, and said so, on one CPU or without `taskset`.
 */
export function pinForSweep(servers: readonly number[]): CpuPinning {
  const cpus = availableParallelism();
  if (cpus < 2) return { pinned: false, reason: `${cpus} CPU: nothing to keep apart` };
  const rest = cpus === 2 ? '1' : `1-${cpus - 1}`;
  if (!servers.every((pid) => pin(pid, '0'))) return { pinned: false, reason: 'taskset could not pin the servers (not installed, or not allowed)' };
  const others = [process.pid, ...descendantsOf(process.pid).filter((pid) => !servers.includes(pid))];
  const restProcesses = others.filter((pid) => pin(pid, rest)).length;
  return { pinned: true, serversCpu: '0', restCpus: rest, restProcesses };
}
