#!/usr/bin/env node
// Local infrastructure for humans and CI: Kafka, PostgreSQL, OPA (and EventStoreDB when a
// Docker engine answers), from the same harness the int and e2e tiers use.
//
//   node tools/build.mjs && node tools/infra.mjs up
//
// prints `export KAFKA_BROKERS=… DATABASE_URL=… OPA_PATH=…` lines on stdout (status lines go
// to stderr), then runs until SIGINT/SIGTERM and stops everything it started. Variables
// already set (KAFKA_BROKERS, DATABASE_URL, EVENTSTORE_CONNECTION_STRING, OPA_PATH) are used
// as they are. This script builds nothing: it loads the compiled harness from dist/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'libs', 'testing', 'src', 'index.js');
const [command] = process.argv.slice(2);

if (command !== 'up') {
  process.stderr.write('usage: node tools/infra.mjs up\n');
  process.exit(2);
}
if (!existsSync(entry)) {
  process.stderr.write(`infra: ${entry} is missing; run \`node tools/build.mjs\` first\n`);
  process.exit(1);
}

const { runInfraUntilSignal, formatShellExports } = createRequire(import.meta.url)(entry);
try {
  const signal = await runInfraUntilSignal({
    onReady: (env) => {
      process.stdout.write(`${formatShellExports(env)}\n`);
      process.stderr.write('infra: ready; Ctrl-C (SIGINT) or SIGTERM stops everything\n');
    },
  });
  process.stderr.write(`infra: stopped after ${signal}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
} catch (error) {
  process.stderr.write(`infra: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
