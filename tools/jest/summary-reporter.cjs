// Prints one plain closing line, `N passed, N failed[, N skipped]`, after Jest's own summary,
// so that CI tooling that reads a run's last line sees the counts in a common form.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Jest prints its own summary after the reporters' onRunComplete: write on process exit so
    // this line comes last
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = SummaryReporter;
