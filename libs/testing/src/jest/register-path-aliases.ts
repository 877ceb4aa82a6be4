import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

// Jest requires globalSetup/globalTeardown with plain Node resolution (its moduleNameMapper
// applies to test files only), so `@edict/*` imports in the harness would not resolve. This
// maps the tsconfig path aliases for that one load. It is imported for its side effect, first,
// because Jest's TypeScript hook is only active while the setup module itself is loading.
type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve & { edictAliases?: true } };

// Self-contained on purpose: anything it imported from the harness could need an alias itself.
function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'tsconfig.base.json'))) {
    if (dirname(dir) === dir) throw new Error(`no tsconfig.base.json above ${__dirname}`);
    dir = dirname(dir);
  }
  return dir;
}

if (!loader._resolveFilename.edictAliases) {
  const root = workspaceRoot();
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const { paths } = tsconfig.compilerOptions;
  const original = loader._resolveFilename;
  const resolve: Resolve = function (this: unknown, request, ...rest) {
    const target = paths[request]?.[0];
    return original.call(this, target ? join(root, target) : request, ...rest);
  };
  loader._resolveFilename = Object.assign(resolve, { edictAliases: true as const });
}
