#!/usr/bin/env node
// `npm run bench:decisions`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/decisions and runs it. Result: bench-results/decisions.json
// and a summary; `-- --seconds 20` shortens the sustained load (default 60 s).
import { runBench } from '../run-bench.mjs';

await runBench(import.meta.url);
