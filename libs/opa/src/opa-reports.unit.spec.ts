import { parseCoverage } from './opa-coverage';
import { parseTestResults, parseTextErrors } from './opa-test-results';

// The report shapes as opa 1.22 prints them (captured from the real binary).
describe('reading opa reports', () => {
  it('given a coverage report, then test modules are left out and uncovered ranges become lines', () => {
    const report = {
      files: {
        'policy.rego': { covered_lines: 3, not_covered_lines: 2, not_covered: [{ start: { row: 11, col: 1 }, end: { row: 12, col: 6 } }, { start: { row: 12, col: 9 }, end: { row: 12, col: 17 } }] },
        'policy_test.rego': { covered_lines: 4, coverage: 100 },
      },
      covered_lines: 7,
      not_covered_lines: 2,
      coverage: 77.77777777777777,
    };
    expect(parseCoverage(report, 50)).toEqual({ percentage: 60, minimum: 50, uncovered: { 'policy.rego': [11, 12] } });
  });

  it('given a report with only test modules, then OPA\'s overall figure is used; a report without files is not one', () => {
    expect(parseCoverage({ files: { 'p_test.rego': { covered_lines: 2 } }, coverage: 100 }, 0)?.percentage).toBe(100);
    expect(parseCoverage([], 0)).toBeUndefined();
  });

  it('given test results, then failures, errors and todo tests are told apart', () => {
    const location = (row: number) => ({ file: 'p_test.rego', row, col: 1 });
    const results = parseTestResults([
      { location: location(5), package: 'data.p', name: 'test_ok', duration: 1 },
      { location: location(9), package: 'data.p', name: 'test_bad', fail: true, duration: 1 },
      { location: location(12), package: 'data.p', name: 'test_err', error: { code: 'eval_conflict_error', message: 'conflict' }, duration: 1 },
      { location: location(14), package: 'data.p', name: 'todo_test_x', skip: true, duration: 0 },
    ]);
    expect(results).toEqual({
      total: 4,
      passed: 1,
      skipped: 1,
      findings: [
        { code: 'REGO.TEST_FAILED', severity: 'error', message: 'test data.p.test_bad failed', file: 'p_test.rego', line: 9, column: 1 },
        { code: 'REGO.TEST_ERROR', severity: 'error', message: 'test data.p.test_err ended in an error: eval_conflict_error: conflict', file: 'p_test.rego', line: 12, column: 1 },
      ],
    });
    expect(parseTestResults({ errors: [] })).toBeUndefined();
  });

  it('given opa test errors as text, then each located error is a finding', () => {
    const text = '2 errors occurred:\np.rego:3: rego_compile_error: conflicting rule for data path edict/org/p/allow found\n./lib/q.rego:7: rego_type_error: undefined function f\n';
    expect(parseTextErrors(text)).toEqual([
      { code: 'REGO.TEST_COMPILE_FAILED', severity: 'error', message: 'rego_compile_error: conflicting rule for data path edict/org/p/allow found', file: 'p.rego', line: 3 },
      { code: 'REGO.TEST_COMPILE_FAILED', severity: 'error', message: 'rego_type_error: undefined function f', file: 'lib/q.rego', line: 7 },
    ]);
  });
});
