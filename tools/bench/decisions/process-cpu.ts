import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const USER_HZ = 100;

/** utime + stime of a process in seconds (Linux /proc; fields 14 and 15, after the name in parentheses); undefined once it is gone. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

const socketInodes = (pid: string): Set<string> => {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, 'utf8'));
      if (m?.[1]) inodes.add(m[1]);
    }
  } catch {
    // gone meanwhile, or not ours to read
  }
  return inodes;
};

/** TCP sockets of the machine by inode: local and remote port. */
const tcpSockets = (): Map<string, { local: number; remote: number }> => {
  const out = new Map<string, { local: number; remote: number }>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const [local, remote, inode] = [f[1], f[2], f[9]];
      if (local && remote && inode) out.set(inode, { local: parseInt(local.split(':')[1] ?? '0', 16), remote: parseInt(remote.split(':')[1] ?? '0', 16) });
    }
  }
  return out;
};

/**
 * The Postgres backends serving one client process: the `postgres` processes whose TCP peer port
 * is one of that process's local ports (everything on this machine). What their CPU says is the
 * Postgres work done for that client alone, whoever else uses the cluster.
 */
export function backendsOf(clientPid: number | undefined): number[] {
  if (clientPid === undefined) return [];
  const sockets = tcpSockets();
  const clientPorts = new Set([...socketInodes(String(clientPid))].flatMap((i) => sockets.get(i)?.local ?? []));
  const backends: number[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    if ([...socketInodes(pid)].some((i) => clientPorts.has(sockets.get(i)?.remote ?? -1))) backends.push(Number(pid));
  }
  return backends;
}

/**
 * CPU seconds of a client process and of its Postgres backends, sampled as often as the caller
 * likes: a backend's time counts from the first sample that saw it to the last one (a backend
 * closed between two samples loses what it did after the last one).
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private clientFirst: number | undefined;
  private clientLast: number | undefined;
  private sampledAt = 0;

  constructor(private readonly clientPid: number | undefined) {}

  /** Samples, at most every 400 ms unless `force` (reading /proc for every process costs the bench itself). */
  sample(force = false): void {
    if (!force && Date.now() - this.sampledAt < 400) return;
    this.sampledAt = Date.now();
    const client = cpuSeconds(this.clientPid);
    if (client !== undefined) {
      this.clientFirst ??= client;
      this.clientLast = client;
    }
    for (const pid of backendsOf(this.clientPid)) {
      const now = cpuSeconds(pid);
      if (now === undefined) continue;
      const seen = this.backends.get(pid);
      if (seen) seen.last = now;
      else this.backends.set(pid, { first: now, last: now });
    }
  }

  /** Seconds since the first sample: the client's, and its backends' together. */
  seconds(): { client: number; postgres: number } {
    let postgres = 0;
    for (const b of this.backends.values()) postgres += b.last - b.first;
    return { client: (this.clientLast ?? 0) - (this.clientFirst ?? 0), postgres };
  }
}
