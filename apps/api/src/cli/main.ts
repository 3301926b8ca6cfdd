// pnpm crossflow <command>: see README.md. Reads DATABASE_URL (PGlite in .data/ when unset).
import { resolve } from "node:path";
import { openDatabase } from "@crossflow/db";
import { listRuns } from "@crossflow/pipeline";
import { startServer } from "../server";
import { parse, UsageError } from "./args";
import { DATA_COMMANDS } from "./commands/index";
import { runInServer, runningEmbeddedServer } from "./server-handoff";

const USAGE = `usage: pnpm crossflow <command>

  serve [--port N] [--host H]       API, web apps and (without Inngest settings) the local executor
  db:migrate                        apply migrations
  seed:demo                         the demo tenant with catalog, stock, partners and orders
  tenants:create --name NAME [--owner-email E] [--json]
  api-keys:create --tenant ID [--name N] [--json]
  runs:list [--status S] [--limit N] [--json]   pipeline runs of the local executor
  orders:import FILE [--tenant ID] [--map col=field,…] [--json]   CSV/XLSX import with a per-row error report
  dead-letters:replay [--id ID] [--json]   re-run intake for stored payloads that failed`;

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  name: { type: "string" },
  tenant: { type: "string" },
  "owner-email": { type: "string" },
  status: { type: "string" },
  limit: { type: "string" },
  id: { type: "string" },
  map: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function print(result: Record<string, unknown>, asJson: boolean) {
  if (asJson) {
    console.log(JSON.stringify(result));
    return;
  }
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      console.log(`${key}:${value.length ? "" : " none"}`);
      for (const line of value) console.log(`  ${line}`);
    } else console.log(`${key}: ${typeof value === "object" ? JSON.stringify(value) : value}`);
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  const parsed = parse(rest, OPTIONS);
  // A positional argument (orders:import FILE) travels as `file`, also through the server handoff.
  const values: Record<string, string | boolean | undefined> = { ...parsed.values };
  if (parsed.positionals[0]) values.file = resolve(parsed.positionals[0]);
  const asJson = values.json === true;
  const embedded = !process.env.DATABASE_URL || process.env.DATABASE_URL.startsWith("pglite:");

  if (command === "serve") {
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
      throw new UsageError(`--port must be a port number, got ${values.port}`);
    const server = await startServer({
      port,
      host: typeof values.host === "string" ? values.host : undefined,
      cliHandoff: true,
    });
    console.log(
      `Crossflow is running at ${server.url}/  (console ${server.url}/console/ · partner ${server.url}/partner/ · portal ${server.url}/portal/ · API ${server.url}/v1/docs)`,
    );
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    return null;
  }

  const runData = DATA_COMMANDS[command];
  if (!runData && command !== "db:migrate" && command !== "runs:list")
    throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);

  const server = embedded ? runningEmbeddedServer() : null;
  if (server) {
    if (command === "db:migrate") {
      print({ migrated: true, note: `the running server at ${server.origin} applied them at start` }, asJson);
      return 0;
    }
    if (runData) {
      print(await runInServer(server, command, values), asJson);
      return 0;
    }
    throw new UsageError(
      `${command} needs the embedded database, which the server at ${server.origin} holds: stop it first`,
    );
  }

  const database = await openDatabase();
  try {
    await database.migrate();
    if (command === "db:migrate") {
      print({ migrated: true, driver: database.driver }, asJson);
    } else if (command === "runs:list") {
      const runs = await listRuns(database.db, {
        status: values.status as never,
        limit: values.limit ? Number(values.limit) : 50,
      });
      if (asJson) console.log(JSON.stringify(runs));
      else
        for (const run of runs)
          console.log(
            `${run.id}  ${run.functionId}  ${run.status}  failedAttempts=${run.failedAttempts}${run.lastError ? `  lastError=${run.lastError}` : ""}`,
          );
    } else {
      const { createCliContext } = await import("./cli-events");
      const context = await createCliContext(database.db);
      print(await runData!({ db: database.db, ...context }, values), asJson);
    }
  } finally {
    await database.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
