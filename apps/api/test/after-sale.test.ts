import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecretBox } from "@crossflow/auth";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { LocalDiskStorage } from "@crossflow/documents";
import type { TrackingEvent } from "@crossflow/domain";
import { createCarrierAdapters } from "@crossflow/integrations";
import {
  applyTrackingEvents,
  type CrossflowEvent,
  createFunctions,
  createPipelineRuntime,
  deliverInstructionWebhook,
  type PipelineRuntime,
  signInstructionWebhook,
} from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemo } from "../src/cli/commands/seed-demo";
import { json } from "./harness";

// After the label, in the web apps' backend: the 3PL's pick/pack instructions in the partner
// portal, and the support tickets a failed delivery opens in the console.

let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
type DevUser = { id: string; kind: string; name: string; role: string | null };
let users: DevUser[];
const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "cf-after-sale-")));
const carriers = createCarrierAdapters({});
const box = createSecretBox({ test: randomBytes(32) }, "test");
const openSecret = (context: string, sealed: string) => box.open(sealed, context);

async function signIn(kind: "merchant" | "partner", index = 0): Promise<string> {
  const user = users.filter((u) => u.kind === kind)[index]!;
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: user.id }),
  });
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const get = async <T>(path: string, cookie: string) => json<T>(await app.request(path, { headers: { cookie } }));
const send = (method: string, path: string, cookie: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

type Instruction = {
  id: string;
  tenantId: string;
  kind: string;
  status: string;
  warehouseCode: string;
  orderId: string;
  payload: { trackingNumber: string; documentIds: string[]; lines: unknown[] };
};

beforeAll(async () => {
  t = await createTestDatabase("cf_test_after_sale");
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db, { documentStorage: storage, carriers, openSecret }),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50 },
  });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  app = createApp(
    { db: t.db, events, sessionSecret: "s", clerk: null, documentStorage: storage, carriers, secretBox: box },
    { inngest: runtime.handler },
  );
  appFetch = (r) => app.fetch(r);
  await seedDemo(t.db, events, { orders: 12 });
  await runtime.executor!.runUntilIdle({ timeoutMs: 90_000 });
  users = (await json<{ users: DevUser[] }>(await app.request("/app/dev/users"))).users;
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("partner instructions", () => {
  it("a 3PL sees pick/pack/label work for its own warehouse only, prints the label and marks it done", async () => {
    const fastship = await signIn("partner", 0);
    const rhein = await signIn("partner", 1);
    const mine = (await get<{ data: Instruction[] }>("/app/partner/instructions?status=open", fastship)).data;
    const theirs = (await get<{ data: Instruction[] }>("/app/partner/instructions?status=open", rhein)).data;
    expect(mine.length + theirs.length).toBeGreaterThan(0);
    const [first] = mine.length ? mine : theirs;
    const owner = mine.length ? fastship : rhein;
    const stranger = mine.length ? rhein : fastship;
    expect(first!.kind).toBe("pick_pack_label");
    expect(first!.payload.trackingNumber).toBeTruthy();
    for (const i of mine) expect(mine.length ? i.warehouseCode : "").not.toBe("");
    expect(new Set([...mine, ...theirs].map((i) => i.id)).size).toBe(mine.length + theirs.length);

    const label = await app.request(
      `/app/partner/tenants/${first!.tenantId}/documents/${first!.payload.documentIds[0]}`,
      { headers: { cookie: owner } },
    );
    expect(label.status).toBe(200);
    expect(label.headers.get("content-type")).toBe("application/pdf");
    const forbidden = await app.request(
      `/app/partner/tenants/${first!.tenantId}/documents/${first!.payload.documentIds[0]}`,
      { headers: { cookie: stranger } },
    );
    expect(forbidden.status).toBe(404);

    expect(
      (await send("POST", `/app/partner/tenants/${first!.tenantId}/instructions/${first!.id}/done`, stranger)).status,
    ).toBe(404);
    const done = await send("POST", `/app/partner/tenants/${first!.tenantId}/instructions/${first!.id}/done`, owner);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "done" });
    const again = await send("POST", `/app/partner/tenants/${first!.tenantId}/instructions/${first!.id}/done`, owner);
    expect(again.status).toBe(409);
  });
});

describe("instruction webhooks for 3PLs with an API", () => {
  it("posts a signed instruction to the partner's URL and retries when it fails", async () => {
    const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
    let answer = 200;
    const server: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/crossflow`;
    try {
      const fastship = await signIn("partner", 0);
      expect((await send("PUT", "/app/partner/webhook", fastship, { url: "ftp://nope" })).status).toBe(400);
      const set = await send("PUT", "/app/partner/webhook", fastship, { url });
      const { secret } = (await set.json()) as { secret: string };
      expect(secret).toMatch(/^whsec_/);
      expect(await get("/app/partner/webhook", fastship)).toEqual({ url, configured: true });

      const open = (await get<{ data: Instruction[] }>("/app/partner/instructions?status=open", fastship)).data;
      const instruction = open[0]!;
      const ref = { tenantId: instruction.tenantId, instructionId: instruction.id };
      const result = await deliverInstructionWebhook(t.db, { openSecret }, ref);
      expect(result).toMatchObject({ delivered: true, status: 200 });
      const [request] = received;
      expect(request!.headers["x-crossflow-delivery"]).toBe(instruction.id);
      expect(request!.headers["x-crossflow-event"]).toBe("instruction.pick_pack_label");
      const signature = String(request!.headers["x-crossflow-signature"]);
      const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
      expect(signature).toBe(signInstructionWebhook(secret, request!.body, timestamp));
      expect(JSON.parse(request!.body)).toMatchObject({
        id: instruction.id,
        type: "instruction.pick_pack_label",
        payload: { trackingNumber: instruction.payload.trackingNumber },
      });

      answer = 503;
      await expect(deliverInstructionWebhook(t.db, { openSecret }, ref)).rejects.toThrow(/503/);
      const other = await signIn("partner", 1);
      const theirs = (await get<{ data: Instruction[] }>("/app/partner/instructions?status=open", other)).data[0];
      if (theirs)
        expect(
          await deliverInstructionWebhook(
            t.db,
            { openSecret },
            { tenantId: theirs.tenantId, instructionId: theirs.id },
          ),
        ).toMatchObject({
          delivered: false,
        });
    } finally {
      server.close();
    }
  });
});

describe("support tickets", () => {
  it("a failed delivery opens one ticket with the next step; staff assign and resolve it", async () => {
    const mia = await signIn("merchant", 0);
    const viewer = await signIn("merchant", 2);
    const orders = await get<{ data: Array<{ id: string; status: string }> }>("/app/orders?status=label_created", mia);
    const order = await get<{ id: string; shipments: Array<{ id: string; carrier: string; trackingNumber: string }> }>(
      `/app/orders/${orders.data[0]!.id}`,
      mia,
    );
    const shipment = order.shipments[0]!;
    const session = await get<{ tenant: { id: string } }>("/app/session", mia);
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const event = (
      code: string,
      status: TrackingEvent["status"],
      minutes: number,
      description: string,
    ): TrackingEvent => ({
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      status,
      carrierCode: code,
      description,
      occurredAt: at(minutes),
      location: { country: "DE" },
      ...(status === "failed_attempt" ? { reason: "recipient_unavailable" as const } : {}),
    });
    const ref = { tenantId: session.tenant.id, shipmentId: shipment.id };
    const options = { nextPollAt: () => null };
    await applyTrackingEvents(t.db, ref, [event("PU", "in_transit", 1, "Picked up")], options);
    const attempt = event("FA", "failed_attempt", 5, "Delivery attempted, recipient not at home");
    const failed = await applyTrackingEvents(t.db, ref, [attempt], options);
    expect(failed.notices.map((n) => n.event)).toEqual(["failed_attempt"]);
    // The same event delivered again (webhook after poll) changes nothing.
    const repeat = await applyTrackingEvents(t.db, ref, [attempt], options);
    expect(repeat).toMatchObject({ newEvents: 0, notices: [] });

    const tickets = (
      await get<{
        tickets: Array<{
          id: string;
          orderId: string;
          kind: string;
          suggestedAction: string;
          reason: string;
          status: string;
        }>;
      }>("/app/tickets?status=open", mia)
    ).tickets;
    const ticket = tickets.find((x) => x.orderId === order.id);
    expect(ticket).toMatchObject({ kind: "failed_attempt", suggestedAction: "reschedule", status: "open" });
    expect(ticket!.reason.length).toBeGreaterThan(10);
    expect((await get<{ status: string }>(`/app/orders/${order.id}`, mia)).status).toBe("in_transit");

    expect((await send("PATCH", `/app/tickets/${ticket!.id}`, viewer, { status: "resolved" })).status).toBe(403);
    const assigned = await send("PATCH", `/app/tickets/${ticket!.id}`, mia, { assignee: "me", status: "pending" });
    expect(await assigned.json()).toMatchObject({ status: "pending", assignee: users[0]!.id });
    const bad = await send("PATCH", `/app/tickets/${ticket!.id}`, mia, { status: "closed" });
    expect(bad.status).toBe(400);
  });
});
