import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_PGLITE_DIR } from "@crossflow/db";
import { Hono } from "hono";
import { type CommandContext, DATA_COMMANDS } from "./commands/index";

// PGlite is one process's database: while a server holds .data/, a second process must not
// open it. The server therefore announces itself in .data/server.json with a one-time token,
// and CLI commands hand their work to it over loopback instead.

const ANNOUNCEMENT = resolve(DEFAULT_PGLITE_DIR, "..", "server.json");
const TOKEN_HEADER = "x-crossflow-cli-token";

interface Announcement {
  pid: number;
  origin: string;
  token: string;
}

export function createServerHandoff(ctx: CommandContext) {
  const token = randomBytes(24).toString("base64url");
  const routes = new Hono();
  routes.post("/internal/cli/:command", async (c) => {
    const given = Buffer.from(c.req.header(TOKEN_HEADER) ?? "");
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return c.json({ error: "forbidden" }, 403);
    const run = DATA_COMMANDS[c.req.param("command")];
    if (!run) return c.json({ error: `unknown command ${c.req.param("command")}` }, 404);
    try {
      return c.json({ result: await run(ctx, await c.req.json()) });
    } catch (error) {
      return c.json({ error: (error as Error).message }, 400);
    }
  });
  return {
    routes,
    async announce(origin: string) {
      const body: Announcement = { pid: process.pid, origin, token };
      writeFileSync(ANNOUNCEMENT, JSON.stringify(body), { mode: 0o600 });
    },
    async withdraw() {
      rmSync(ANNOUNCEMENT, { force: true });
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server that holds the embedded database, if there is one. */
export function runningEmbeddedServer(): Announcement | null {
  if (!existsSync(ANNOUNCEMENT)) return null;
  try {
    const found = JSON.parse(readFileSync(ANNOUNCEMENT, "utf8")) as Announcement;
    if (processAlive(found.pid)) return found;
  } catch {}
  rmSync(ANNOUNCEMENT, { force: true });
  return null;
}

export async function runInServer(server: Announcement, command: string, args: Record<string, unknown>) {
  const res = await fetch(`${server.origin}/internal/cli/${command}`, {
    method: "POST",
    headers: { "content-type": "application/json", [TOKEN_HEADER]: server.token },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { result?: Record<string, unknown>; error?: string };
  if (!res.ok || !body.result) throw new Error(body.error ?? `server answered ${res.status}`);
  return body.result;
}
