import { executorEvents, withoutTenant } from "@crossflow/db";
import { Hono } from "hono";
import type { Logger } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInngestClient, inngestModeOf, resolveInngestMode } from "../src/client";
import { orderReceived } from "../src/events";
import { LOCAL_EXECUTOR_HEADER } from "../src/executor/protocol";
import { localExecutorToken } from "../src/executor/token";
import { createPipelineRuntime } from "../src/runtime";
import { createEventSender } from "../src/send";
import { createInngestHandler } from "../src/serve";
import { createPostgresDatabase, type TestDatabase } from "./database";
import { createHarness } from "./harness";

const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} };

describe("mode", () => {
  it("is local unless Inngest is configured", () => {
    expect(resolveInngestMode({})).toBe("local");
    expect(resolveInngestMode({ INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-00" })).toBe("cloud");
    expect(resolveInngestMode({ INNGEST_BASE_URL: "http://inngest:8288", INNGEST_SIGNING_KEY: "s" })).toBe(
      "self-hosted",
    );
    expect(resolveInngestMode({ INNGEST_DEV: "1" })).toBe("dev-server");
    expect(resolveInngestMode({ INNGEST_DEV: "0" })).toBe("local");
    expect(inngestModeOf(createInngestClient({ env: {} }))).toBe("local");
  });

  it("local mode: inngest.send() without a bound executor fails instead of reaching a network", async () => {
    const client = createInngestClient({ env: {}, logger: silent });
    await expect(client.send({ name: "order/received", data: { tenantId: "t", orderId: "o" } })).rejects.toThrow(
      /No local executor/,
    );
  }, 10_000);
});

describe("serve handler in local mode", () => {
  it("serves introspection but refuses calls without the executor's token", async () => {
    const client = createInngestClient({ env: {} });
    const app = createInngestHandler([], { client });
    const introspection = await app.request("/api/inngest");
    expect(introspection.status).toBe(200);
    expect(await introspection.json()).toMatchObject({ mode: "dev", function_count: 0 });
    const call = await app.request("/api/inngest?fnId=crossflow-x&stepId=step", { method: "POST", body: "{}" });
    expect(call.status).toBe(401);
    const sync = await app.request("/api/inngest", {
      method: "PUT",
      headers: { "x-inngest-sync-kind": "in_band", [LOCAL_EXECUTOR_HEADER]: localExecutorToken() },
      body: JSON.stringify({ url: "http://localhost/api/inngest" }),
    });
    expect(sync.status).toBe(200);
    expect(await sync.json()).toMatchObject({ app_id: "crossflow", functions: [] });
  });
});

describe("event sender and runtime", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createPostgresDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("validates, then stores through the executor before resolving", async () => {
    const { executor } = createHarness(database.handle.db);
    const sender = createEventSender({ executor });
    await expect(sender.send({ name: "order/received", data: { tenantId: "", orderId: "ord_1" } })).rejects.toThrow();
    const { ids } = await sender.send([
      { name: "order/received", data: { tenantId: "ten_1", orderId: "ord_1" } },
      { name: "order/hold.released", data: { tenantId: "ten_1", orderId: "ord_1", actor: "user:usr_1" } },
    ]);
    expect(ids).toHaveLength(2);
    const stored = await withoutTenant(database.handle.db, (tx) =>
      tx.select({ id: executorEvents.id, name: executorEvents.name }).from(executorEvents),
    );
    expect(stored.map((e) => e.name).sort()).toEqual(["order/hold.released", "order/received"]);
    expect(stored.map((e) => e.id).sort()).toEqual([...ids].sort());
  });

  it("wires the handler, the sender and the local executor through the API app's own fetch", async () => {
    const client = createInngestClient({ env: {}, logger: silent });
    const seen: string[] = [];
    const echo = client.createFunction(
      { id: "echo-order", triggers: [orderReceived], idempotency: "event.data.tenantId + '-' + event.data.orderId" },
      async ({ event, step }) => step.run("echo", () => `${event.data.tenantId}/${event.data.orderId}`),
    );
    const api = new Hono();
    const pipeline = createPipelineRuntime({
      db: database.handle.db,
      functions: [echo],
      client,
      fetch: (request) => {
        seen.push(new URL(request.url).pathname);
        return api.fetch(request);
      },
      executor: { pollIntervalMs: 10 },
    });
    api.get("/health", (c) => c.text("ok"));
    api.route("/", pipeline.app);
    expect(pipeline.mode).toBe("local");

    pipeline.start();
    await pipeline.events.send({ name: "order/received", data: { tenantId: "ten_1", orderId: "ord_1" } });
    await pipeline.events.send({ name: "order/received", data: { tenantId: "ten_1", orderId: "ord_1" } });
    await pipeline.executor?.runUntilIdle();
    await pipeline.stop();

    const runs = await pipeline.executor!.listRuns();
    expect(runs).toMatchObject([{ functionId: "crossflow-echo-order", status: "completed", output: "ten_1/ord_1" }]);
    expect(new Set(seen)).toEqual(new Set(["/api/inngest"]));
  });
});
