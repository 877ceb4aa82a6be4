#!/usr/bin/env node
// `npm run bench:propagation`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/propagation and runs it. Result: bench-results/propagation.json
// and a summary; `-- --rollbacks 5 --pdps 50 --steady-seconds 20` for a shorter run (defaults 20, 200, 60).
import { transformFile } from '@swc/core';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
const root = resolve(here, '../../..');
execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { stdio: 'inherit' });

const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const out = join(root, 'dist', relative(root, here));
mkdirSync(out, { recursive: true });
for (const name of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
  const file = join(here, name);
  const res = await transformFile(file, { ...swcrc, swcrc: false, filename: file, jsc: { ...swcrc.jsc, baseUrl: root, paths: base.compilerOptions.paths } });
  writeFileSync(join(out, name.replace(/\.ts$/, '.js')), res.code);
}
// Asynchronous, so that SIGINT/SIGTERM sent to this wrapper reach main.js, which then stops the
// processes it started (see cleanup.ts); the wrapper exits with main.js's status.
const child = spawn(process.execPath, [join(out, 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
