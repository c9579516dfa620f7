import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file gets its own database file, so files run in parallel; the suites start real servers
    // and child processes, so give them time on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two projects so that a run without browser tests does not build the dashboard. Each test's database is a
    // copy of one migrated once per run; the browser tests serve one build of web/ (test/setup/).
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/**"],
          globalSetup: ["test/setup/template-database.ts"],
          // One worker process runs file after file with the modules it has loaded: importing the app afresh
          // per file was a third of the run. The tests mock nothing and hold no module state of their own.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/setup/template-database.ts", "test/setup/dashboard-build.ts"],
        },
      },
    ],
  },
});
