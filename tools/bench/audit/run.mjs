#!/usr/bin/env node
// `npm run bench:audit`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/audit and runs it (DATABASE_URL needed). Result: bench-results/audit.json
// and a summary; `-- --events 100000` for a smaller log (default 1,000,000); `-- --cpu-prof` writes
// a V8 CPU profile of the run into bench-results/profiles/.
import { runBench } from '../run-bench.mjs';

const profile = process.argv.includes('--cpu-prof');
await runBench(import.meta.url, { nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir=bench-results/profiles'] : [] });
