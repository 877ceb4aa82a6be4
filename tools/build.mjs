#!/usr/bin/env node
// Compiles every app and lib to dist/ with swc (decorator metadata on, tsconfig path aliases
// rewritten to relative requires), so that services run as plain `node dist/apps/<app>/src/main.js`.
// Type-checking is `npm run typecheck`; this step only transpiles, which keeps it to seconds.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, readdirSync, statSync, existsSync, renameSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');
const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * Writes `text` to `target` only when it differs, and atomically (a temp file renamed over it):
 * e2e specs build while other specs' services start from dist/, and a truncated-then-written
 * main.js read in between would run as an empty program (exit 0, no output).
 */
function writeIfChanged(target, text) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  if (existsSync(target) && readFileSync(target).equals(bytes)) return;
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

const isSource = (p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.spec.ts');
const isAsset = (p) => /\.(json|ya?ml|sql|rego)$/.test(p) && !p.endsWith('project.json') && !p.includes(`${'/'}tsconfig`);

const started = Date.now();
let count = 0;
const jobs = [];
for (const top of ['apps', 'libs']) {
  const dir = join(root, top);
  if (!existsSync(dir)) continue;
  for (const file of walk(dir)) {
    const target = join(out, relative(root, file));
    if (isAsset(file)) {
      mkdirSync(dirname(target), { recursive: true });
      writeIfChanged(target, readFileSync(file));
      continue;
    }
    if (!isSource(file)) continue;
    count++;
    jobs.push(
      transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceFileName: relative(dirname(target), file),
        // maps name the TypeScript file and line for stack traces (--enable-source-maps) without a
        // copy of the source: Node keeps every loaded map, and the copies were ~1.7 MB of a PDP's heap
        inlineSourcesContent: false,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: base.compilerOptions.paths },
      }).then((res) => {
        const js = target.replace(/\.ts$/, '.js');
        mkdirSync(dirname(js), { recursive: true });
        writeIfChanged(js, `${res.code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
        if (res.map) writeIfChanged(`${js}.map`, res.map);
      }),
    );
  }
}
await Promise.all(jobs);
console.log(`build: ${count} files to dist/ in ${Date.now() - started} ms`);
