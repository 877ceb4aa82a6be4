#!/usr/bin/env node
// `npm run bench:audit`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/audit and runs it (DATABASE_URL needed). Result: bench-results/audit.json
// and a summary; `-- --events 100000` for a smaller log (default 1,000,000).
import { runBench } from '../run-bench.mjs';

await runBench(import.meta.url);
