import type { Config } from "@react-router/dev/config";

// Served by the API server under /partner/ (see vite.config.ts `base`).
export default {
  appDirectory: "app",
  ssr: true,
  basename: "/partner/",
} satisfies Config;
