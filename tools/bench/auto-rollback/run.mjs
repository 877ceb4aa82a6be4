#!/usr/bin/env node
// `npm run bench:auto-rollback`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript and the propagation bench's (its PDP fleet) the same way into dist/tools/bench/ and
// runs it. Result: bench-results/auto-rollback.json and a summary; `-- --runs 3` for fewer runs (default 10).
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
for (const dir of [here, join(here, '..', 'propagation')]) {
  const target = join(root, 'dist', relative(root, dir));
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
    const file = join(dir, name);
    const res = await transformFile(file, { ...swcrc, swcrc: false, filename: file, jsc: { ...swcrc.jsc, baseUrl: root, paths: base.compilerOptions.paths } });
    writeFileSync(join(target, name.replace(/\.ts$/, '.js')), res.code);
  }
}
// Asynchronous, so that SIGINT/SIGTERM sent to this wrapper reach main.js, which then stops the
// processes it started (see cleanup.ts); the wrapper exits with main.js's status.
const child = spawn(process.execPath, [join(out, 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
