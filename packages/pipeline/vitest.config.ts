import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Generous: the tests wait for observed state, never for fixed delays, so these limits only
    // matter on a machine loaded by other test packages and builds (the full suite on 2 cores).
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // The integration files mostly wait on timers, leases and PostgreSQL, not on the CPU.
    maxWorkers: 2,
  },
});
