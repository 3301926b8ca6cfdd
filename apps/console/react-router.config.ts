import type { Config } from "@react-router/dev/config";

// Served by the API server under /console/ (see vite.config.ts `base`).
export default {
  appDirectory: "app",
  ssr: true,
  basename: "/console/",
} satisfies Config;
