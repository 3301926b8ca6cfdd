import type { Config } from "@react-router/dev/config";

// Served by the API server under /portal/ (see vite.config.ts `base`).
export default {
  appDirectory: "app",
  ssr: true,
  basename: "/portal/",
} satisfies Config;
