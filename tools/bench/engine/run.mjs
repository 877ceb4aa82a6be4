#!/usr/bin/env node
// `npm run bench:engine`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/engine, and runs it on one Node thread with
// --expose-gc (for the heap measurement). Result: bench-results/engine.json and a summary.
// Options go through to main.js: `--no-http` skips the PDP-sidecar-vs-OPA HTTP comparison,
// which starts Kafka, Postgres and the seven services (see docs/benchmarks.md).
import { runBench } from '../run-bench.mjs';

await runBench(import.meta.url, { nodeArgs: ['--expose-gc'] });
