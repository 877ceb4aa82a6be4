// Prints one plain closing line, `N passed, N failed[, N skipped]`, after Jest's own summary,
// so that CI tooling that reads a run's last line sees the counts in a common form. Before it,
// one `skipped: <file>: <suite>` line per file whose tests were all skipped, so the reason a
// suite did not run (its name, e.g. the EventStoreDB contract suite without a server) shows.
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skippedSuites = results.testResults
      .filter((file) => file.numPendingTests > 0 && file.numPassingTests === 0 && file.numFailingTests === 0)
      .map((file) => `skipped: ${path.relative(process.cwd(), file.testFilePath)}: ${file.testResults[0]?.ancestorTitles[0] ?? '(no suite name)'}`);
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Jest prints its own summary after the reporters' onRunComplete: write on process exit so
    // this line comes last
    process.once('exit', () => process.stdout.write([...skippedSuites, line].join('\n') + '\n'));
  }
}
module.exports = SummaryReporter;
