#!/usr/bin/env node
// `npm run bench:auto-rollback`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript and the propagation bench's (its PDP fleet) the same way into dist/tools/bench/ and
// runs it. Result: bench-results/auto-rollback.json and a summary; `-- --runs 3` for fewer runs (default 10).
import { runBench } from '../run-bench.mjs';

await runBench(import.meta.url, { alsoCompile: ['../propagation'] });
