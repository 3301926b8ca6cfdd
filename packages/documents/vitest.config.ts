import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // PDF rendering with a 20 MB CJK collection plus pdftotext per document: slow on 2 busy cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
