import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file gets its own database file, so files run in parallel; the suites start real servers
    // and child processes, so give them time on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
