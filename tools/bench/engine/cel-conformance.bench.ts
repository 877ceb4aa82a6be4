import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineCel } from '../../../libs/policy-engine/src/cel/conformance/engine-cel-under-test';
import { loadConformanceCases } from '../../../libs/policy-engine/src/cel/conformance/load-conformance-cases';
import { countBySuite, runConformance } from '../../../libs/policy-engine/src/cel/conformance/run-conformance';
import type { CelUnderTest } from '../../../libs/policy-engine/src/cel/conformance/conformance-case.types';
import { bufbuildCel } from './bufbuild-cel-under-test';

/** One library's conformance on the core suites. */
export interface CelConformanceResult {
  readonly library: string;
  readonly passed: number;
  readonly total: number;
  readonly suites: readonly { suite: string; passed: number; failed: number }[];
  readonly failures: readonly { id: string; detail: string }[];
}

function measure(cel: CelUnderTest): CelConformanceResult {
  const { cases } = loadConformanceCases();
  const results = runConformance(cel, cases);
  return {
    library: cel.name,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    suites: countBySuite(results),
    failures: results.filter((r) => !r.passed).map(({ id, detail }) => ({ id, detail })),
  };
}

/** The cel-spec conformance of the engine's CEL and of @bufbuild/cel, side by side; writes bench-results/cel-conformance.json. */
export function celConformance(root: string): CelConformanceResult[] {
  const results = [measure(engineCel), measure(bufbuildCel)];
  const { excluded } = loadConformanceCases();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'cel-conformance.json'), `${JSON.stringify({ excludedProtoCases: excluded.length, results }, null, 2)}\n`);
  return results;
}
