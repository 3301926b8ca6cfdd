import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 4311);
export const E2E_BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;
process.env.E2E_BASE_URL = E2E_BASE_URL;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "artifacts/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "artifacts/report", open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    launchOptions: chromium,
    screenshot: "on",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "console",
      testMatch: [
        "console.spec.ts",
        "console-exceptions.spec.ts",
        "console-rules.spec.ts",
        "console-settings.spec.ts",
        "console-channels.spec.ts",
        "console-catalog.spec.ts",
        "console-tax-reports.spec.ts",
        "console-after-sale.spec.ts",
        "console-returns.spec.ts",
      ],
    },
    { name: "partner", testMatch: "partner.spec.ts" },
    { name: "portal", testMatch: "portal.spec.ts" },
  ],
  webServer: {
    // A fresh PostgreSQL database, migrated and seeded, served like production.
    // The repository tsconfig, so tsx compiles the e-mail templates' JSX in packages the same way.
    command: `pnpm exec tsx --tsconfig ../tsconfig.json serve-e2e.ts --port ${PORT}`,
    cwd: import.meta.dirname,
    url: `${E2E_BASE_URL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
