import { readdirSync, readFileSync } from 'node:fs';

const USER_HZ = 100;

/** utime + stime of a process in seconds (Linux /proc; fields 14 and 15, after the name in parentheses); 0 once it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of every `postgres` process on the machine (the shared cluster: other engineers'
 * queries included, so an upper bound of what the bench's inserts cost). Processes that exit
 * between two readings take their time with them: a difference may undercount.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
