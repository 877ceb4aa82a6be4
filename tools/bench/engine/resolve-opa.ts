import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The `opa` binary: `OPA_PATH` when set, else whatever `tools/ensure-opa.sh` prints (it may build it). */
export function resolveOpa(root: string): { path: string; version: string } {
  const path = process.env['OPA_PATH'] || execFileSync('bash', [join(root, 'tools/ensure-opa.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const version = /Version: (\S+)/.exec(execFileSync(path, ['version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  return { path, version };
}
