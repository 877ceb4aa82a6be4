// Three tiers, one per file-name suffix (STYLE.md §6):
//   *.unit.spec.ts  pure and fast, no I/O
//   *.int.spec.ts   real Kafka, Postgres and OPA, provisioned by libs/testing's harness
//   *.e2e.spec.ts   services started as separate processes against the same infrastructure
const preset = require('./jest.preset.js');

// The EventStoreDB contract suite needs an EventStoreDB: from EVENTSTORE_CONNECTION_STRING, or a
// container that global setup starts when a Docker engine answers. Without either, its spec
// (libs/event-store/src/eventstoredb/*.int.spec.ts) reports the whole suite as skipped, named
// with the reason, so the summary shows it; global setup also prints which case applies.

const infra = {
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
};

module.exports = {
  // Int and e2e files spend most of their time waiting on Kafka, Postgres and service processes,
  // and each isolates itself (topic prefix, schema, free ports): three files at a time on two cores
  // (Jest's default would be one) keep a full run well inside CI's limit.
  maxWorkers: 3,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.cjs'],
  projects: [
    { ...preset, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.unit.spec.ts'] },
    {
      ...preset,
      ...infra,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
      // jest-circus ignores a project's `testTimeout`; the setup file applies it
      setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-int.cjs'],
    },
    { ...preset, ...infra, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.e2e.spec.ts'], setupFilesAfterEnv: ['<rootDir>/tools/jest/timeout-e2e.cjs'] },
  ],
};
