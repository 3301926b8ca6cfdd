// pnpm dev: build the web apps (cached by turbo), then run the whole product on the embedded
// default — PGlite in .data/, the local executor, dev sign-in — with the demo tenant seeded.
import { spawnSync } from "node:child_process";
import { seedDemo } from "../apps/api/src/cli/commands/seed-demo";
import { startServer } from "../apps/api/src/server";

const port = Number(process.env.PORT ?? 3000);

console.log("Building the web apps (console, partner, portal)…");
const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startServer({ port, host: process.env.HOST, requireWebApps: true, cliHandoff: true });
const seeded = await seedDemo(server.db, server.events);
if (seeded.created)
  console.log(
    `Seeded the demo tenant "Northwind Outfitters" (${seeded.orders} orders; demo API key ${seeded.apiKey}).`,
  );

console.log(`
  Crossflow is running:  ${server.url}/

    merchant console   ${server.url}/console/   (dev sign-in: pick a user)
    partner portal     ${server.url}/partner/
    customer portal    ${server.url}/portal/
    API reference      ${server.url}/v1/docs
`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
