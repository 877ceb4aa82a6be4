#!/usr/bin/env node
// `npm run bench:engine`: builds the libs (tools/build.mjs), compiles this benchmark's
// TypeScript the same way into dist/tools/bench/engine, and runs it on one Node thread with
// --expose-gc (for the heap measurement). Result: bench-results/engine.json and a summary.
import { transformFile } from '@swc/core';
import { execFileSync } from 'node:child_process';
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
execFileSync(process.execPath, ['--expose-gc', join(out, 'main.js')], { stdio: 'inherit', cwd: root });
