import { engineCel } from './engine-cel-under-test';
import { KNOWN_DIFFERENCES } from './known-differences';
import { CORE_SUITES, loadConformanceCases } from './load-conformance-cases';
import { countBySuite, runConformance } from './run-conformance';

// The cel-spec conformance suite (from @bufbuild/cel-spec) against the engine's CEL: every case of
// the core suites passes except the committed known differences, and every listed case still fails.
describe('CEL conformance (cel-spec core suites, engine CEL)', () => {
  const { cases, excluded } = loadConformanceCases(CORE_SUITES);
  const results = runConformance(engineCel, cases);
  const failed = new Map(results.filter((r) => !r.passed).map((r) => [r.id, r.detail]));

  it('runs the core suites, leaving out only cases that need proto messages or enums', () => {
    const counts = countBySuite(results);
    const passed = results.length - failed.size;
    process.stdout.write(`CEL conformance: ${passed}/${results.length} passed (${excluded.length} proto cases left out)\n${counts.map((c) => `  ${c.suite.padEnd(14)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed`).join('\n')}\n`);
    expect(counts.map((c) => c.suite)).toEqual([...CORE_SUITES]);
    expect(results.length).toBeGreaterThan(1000);
  });

  it('fails no case that is not a known difference', () => {
    const unlisted = [...failed].filter(([id]) => !(id in KNOWN_DIFFERENCES)).map(([id, detail]) => `${id}: ${detail}`);
    expect(unlisted).toEqual([]);
  });

  it('lists no known difference that now passes or does not exist', () => {
    const stale = Object.keys(KNOWN_DIFFERENCES).filter((id) => !failed.has(id));
    expect(stale).toEqual([]);
  });
});
