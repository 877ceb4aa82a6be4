// jest-circus reads only the global `testTimeout`, not a project's: the int tier sets its own here.
jest.setTimeout(120000);
