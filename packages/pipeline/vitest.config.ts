import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The integration files mostly wait on timers, leases and PostgreSQL, not on the CPU.
    maxWorkers: 2,
  },
});
