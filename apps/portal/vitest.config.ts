import { defineConfig } from "vitest/config";

// Unit tests of app modules; the React Router plugin in vite.config.ts is for the app build only.
export default defineConfig({ test: { include: ["app/**/*.test.ts"] } });
