import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/portal/",
  plugins: [reactRouter()],
  // Workspace packages are TypeScript source: bundle them into the server build so that
  // build/server/index.js runs under plain Node when the API server imports it.
  ssr: { noExternal: [/^@crossflow\//] },
  server: { port: 5175, strictPort: true },
});
