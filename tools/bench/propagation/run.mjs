#!/usr/bin/env node
// `npm run bench:propagation`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/propagation and runs it. Result: bench-results/propagation.json
// and a summary; `-- --rollbacks 5 --pdps 50 --steady-seconds 20` for a shorter run (defaults 20, 200, 60).
import { runBench } from '../run-bench.mjs';

await runBench(import.meta.url);
