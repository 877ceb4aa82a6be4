#!/usr/bin/env node
// A PDP's idle footprint without a whole stack: `node dist/apps/pdp/src/main.js` against the
// broker in KAFKA_BROKERS and stubs of distribution (GET /v1/serving with no policy, each long
// poll held its full wait; the fleet report; the JWKS) and authoring (no active exception). After
// PDP_PROBE_SETTLE_S (20) seconds idle, PDP_PROBE_SAMPLES (3) samples of 10 s: VmRSS from
// /proc/<pid>/status, utime+stime from /proc/<pid>/stat (clock ticks, USER_HZ 100; per thread
// name too) and the CPU time the scheduler counted (/proc/<pid>/task/*/schedstat, in ms: ticks
// only sample who runs at each tick, this is exact), then SIGTERM and the exit code.
// Usage: node tools/bench/engine/pdp-idle-probe.mjs [node flags for the PDP…]
// It serves no policy: the engine's compiled rules are not in the figure (bench:engine's idle
// sample, against a whole stack serving its 100-rule bundle, is).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const settle = Number(process.env['PDP_PROBE_SETTLE_S'] ?? 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const counts = { serving: 0, fleet: 0, exceptions: 0 };

const stub = createServer((req, res) => {
  const url = req.url ?? '/';
  if (url.startsWith('/v1/serving')) {
    counts.serving++;
    const wait = /wait=(\d+)/.exec(req.headers['prefer'] ?? '');
    if (req.headers['if-none-match'] && wait) {
      const timer = setTimeout(() => res.writeHead(304, { etag: '"e1"' }).end(), Number(wait[1]) * 1000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    return res.writeHead(200, { 'content-type': 'application/json', etag: '"e1"' }).end('[]');
  }
  if (url.startsWith('/v1/fleet/pdps')) {
    counts.fleet++;
    req.resume();
    return res.writeHead(204).end();
  }
  if (url.startsWith('/v1/exceptions')) {
    counts.exceptions++;
    return res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
  }
  if (url.includes('jwks')) return res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
  res.writeHead(404).end();
});
await new Promise((r) => stub.listen(0, '127.0.0.1', r));
const stubUrl = `http://127.0.0.1:${stub.address().port}`;
const port = 20000 + Math.floor(Math.random() * 20000);

const child = spawn(process.execPath, [...process.argv.slice(2), join(root, 'dist/apps/pdp/src/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    EDICT_DISTRIBUTION_URL: stubUrl,
    EDICT_AUTHORING_URL: stubUrl,
    EDICT_SIGNING_URL: stubUrl,
    EDICT_TOPIC_PREFIX: `probe-${process.pid}.`,
    EDICT_PDP_NAME: `pdp-probe-${process.pid}`,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));

const ticks = () => {
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
};
/** utime+stime per thread name (main thread `node`, V8's `V8 DefaultWorke…`, libuv's `libuv-worker`, …). */
const threadTicks = () => {
  const out = {};
  for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[name] = (out[name] ?? 0) + Number(f[11]) + Number(f[12]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
};
/** CPU time of every thread, in ms, as the scheduler counts it (not sampled by ticks). */
const cpuMs = () =>
  readdirSync(`/proc/${child.pid}/task`).reduce((sum, tid) => {
    try {
      return sum + Number(readFileSync(`/proc/${child.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return sum; // the thread ended meanwhile
    }
  }, 0);
const rssMiB = () => Number((Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024).toFixed(1));

let ready = false;
for (let i = 0; i < 240 && !ready; i++) {
  await sleep(500);
  ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
}
if (!ready) {
  console.error('pdp-idle-probe: the PDP never answered ready');
  child.kill('SIGKILL');
  process.exit(1);
}
const startedAt = ticks();
await sleep(settle * 1000);
const samples = [];
for (let i = 0; i < Number(process.env['PDP_PROBE_SAMPLES'] ?? 3); i++) {
  const before = ticks();
  const msBefore = cpuMs();
  const threadsBefore = threadTicks();
  await sleep(10_000);
  const threads = Object.fromEntries(Object.entries(threadTicks()).map(([name, t]) => [name, t - (threadsBefore[name] ?? 0)]).filter(([, t]) => t > 0));
  samples.push({ rssMiB: rssMiB(), ticks: ticks() - before, cpuMs: Number((cpuMs() - msBefore).toFixed(1)), threads });
}
const startupTicks = startedAt;
child.kill('SIGTERM');
const exit = await exited;
stub.close();
const result = { flags: process.argv.slice(2), settleSeconds: settle, startupTicks, samples, stubRequests: counts, exit, loadavg: readFileSync('/proc/loadavg', 'utf8').trim() };
console.log(JSON.stringify(result));
if (process.env['PDP_PROBE_OUT']) writeFileSync(process.env['PDP_PROBE_OUT'], JSON.stringify(result, null, 2));
