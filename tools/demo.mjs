#!/usr/bin/env node
// `npm run demo [-- --once]`: builds, brings up Kafka, Postgres, OPA and the seven services,
// ships the demo policies through the whole pipeline, prints where to look, and runs until
// Ctrl-C (or exits after the story with --once).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'tools', 'build.mjs')], { stdio: 'inherit' });
const { runDemo } = createRequire(import.meta.url)(join(root, 'dist', 'libs', 'testing', 'src', 'index.js'));
try {
  await runDemo({ once: process.argv.includes('--once') });
  process.exit(0);
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
