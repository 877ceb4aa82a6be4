import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@edict/testing';

/** docs/asyncapi.yaml is the public Kafka contract: tools/check-asyncapi.mjs keeps it in step with libs/contracts. */
describe('the AsyncAPI document', () => {
  const root = repoRoot();
  const check = (...args: string[]) => spawnSync(process.execPath, [join(root, 'tools', 'check-asyncapi.mjs'), ...args], { encoding: 'utf8' });

  it('names every CloudEvents type and every topic (and its DLQ) that the contracts define', () => {
    const result = check();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/CloudEvents types and \d+ topics match/);
  });

  it('fails, naming it, when a topic has no channel', () => {
    const doc = readFileSync(join(root, 'docs', 'asyncapi.yaml'), 'utf8').replace('address: edict.audit.v1.dlq', 'address: edict.nowhere.v1.dlq');
    const file = join(mkdtempSync(join(tmpdir(), 'asyncapi-')), 'asyncapi.yaml');
    writeFileSync(file, doc);
    const result = check('--doc', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('topic edict.audit.v1.dlq: no channel has this address');
  });
});
