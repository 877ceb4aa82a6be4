// Preloaded into decision-log by `npm run bench:decisions -- --cpu-prof <dir>` (NODE_OPTIONS
// --require; node refuses --cpu-prof itself in NODE_OPTIONS): a V8 CPU profile of the whole run,
// written when the process gets SIGTERM or exits to <dir>/decision-log-<pid>.cpuprofile (Chrome DevTools or
// speedscope open it). The in-process inspector session answers synchronously, so 'exit' works.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.EDICT_CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `decision-log-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // the bench stops decision-log with SIGTERM, which Nest re-raises after its shutdown: 'exit' never comes
  process.once('SIGTERM', write);
  process.on('exit', write);
}
