// The shared body of tools/bench/*/run.mjs: build the libs (tools/build.mjs), compile the
// benchmark's TypeScript (and any extra source folders) with swc into dist/tools/bench/<name>,
// then run its main.js with the wrapper's arguments.
import { transformFile } from '@swc/core';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const compiled = (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts');

/**
 * `runBench(import.meta.url, { alsoCompile: ['../propagation'], nodeArgs: ['--expose-gc'] })`:
 * `alsoCompile` are folders relative to the benchmark's, compiled the same way; `nodeArgs` go to
 * the Node running main.js.
 */
export async function runBench(runUrl, { alsoCompile = [], nodeArgs = [] } = {}) {
  const here = dirname(new URL(runUrl).pathname);
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { stdio: 'inherit' });
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  for (const dir of [here, ...alsoCompile.map((d) => resolve(here, d))]) {
    const target = join(root, 'dist', relative(root, dir));
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(dir).filter(compiled)) {
      const file = join(dir, name);
      const res = await transformFile(file, { ...swcrc, swcrc: false, filename: file, jsc: { ...swcrc.jsc, baseUrl: root, paths: base.compilerOptions.paths } });
      writeFileSync(join(target, name.replace(/\.ts$/, '.js')), res.code);
    }
  }
  // Asynchronous, so that SIGINT/SIGTERM sent to the wrapper reach main.js, which then stops the
  // processes it started (see cleanup.ts); the wrapper exits with main.js's status.
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', relative(root, here), 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
}
