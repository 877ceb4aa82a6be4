// jest-circus reads only the global `testTimeout`, not a project's: the e2e tier sets its own here.
jest.setTimeout(300000);
