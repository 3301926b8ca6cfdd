import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPortalToken, readPortalToken } from "@crossflow/auth";
import { listEmails, saveTenantSettings, withTenant } from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { LocalDiskStorage } from "@crossflow/documents";
import {
  createCarrierAdapters,
  createEmailSender,
  type ResendRecorder,
  startResendRecorder,
} from "@crossflow/integrations";
import {
  type CrossflowEvent,
  createCustomerNotifier,
  createFunctions,
  createPipelineRuntime,
  type PipelineRuntime,
  pollShipmentTracking,
} from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

// Customer e-mails for real: the pipeline's notices rendered in the shopper's language and
// sent with the Resend SDK to a local recorder that answers like Resend.

const SECRET = "portal-secret";
let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
let recorder: ResendRecorder;
let key: string;
let tenantId: string;
const clock = { ms: Date.now() };
const carriers = createCarrierAdapters({}, { now: () => clock.ms });
let notify: ReturnType<typeof createCustomerNotifier>;

const call = async (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
const settle = () => runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });

type Sent = { from: string; to: string[] | string; subject: string; html: string; text: string };

beforeAll(async () => {
  recorder = await startResendRecorder({ apiKey: "re_test_key" });
  t = await createTestDatabase("cf_test_notifications");
  const sender = createEmailSender({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: recorder.url });
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  notify = createCustomerNotifier({
    db: t.db,
    sender,
    fromAddress: "orders@northwind.example",
    portalUrl: (tenant, orderId) =>
      `https://shop.example/portal/o/${createPortalToken({ tenantId: tenant, orderId }, SECRET)}`,
    events,
  });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db, {
      documentStorage: new LocalDiskStorage(mkdtempSync(join(tmpdir(), "cf-mail-docs-"))),
      carriers,
      notify,
      email: { sender, fromAddress: "orders@northwind.example" },
    }),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50, backoff: () => 100 },
  });
  app = createApp({ db: t.db, events, sessionSecret: SECRET, clerk: null }, { inngest: runtime.handler });
  appFetch = (r) => app.fetch(r);
  const tenant = await createTenantWithKey(t.db, { name: "Northwind Outfitters" });
  key = tenant.apiKey;
  tenantId = tenant.tenantId;
  await call("POST", "/v1/products", sampleProduct("TEE-RED-M"));
  const warehouse = await json<{ id: string }>(await call("POST", "/v1/warehouses", sampleWarehouse("SZX1")));
  await call("POST", "/v1/inventory/adjustments", {
    sku: "TEE-RED-M",
    warehouseId: warehouse.id,
    delta: 50,
    reason: "receipt",
  });
});

afterAll(async () => {
  await runtime?.stop();
  await recorder?.close();
  await t?.destroy();
});

describe("customer e-mails", () => {
  it("confirms the order in the shopper's language, with a signed portal link, sent once through Resend", async () => {
    const created = await json<{ id: string }>(await call("POST", "/v1/orders", sampleOrder("MAIL-1")));
    await settle();
    const sent = recorder.sent as Sent[];
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect([mail!.to].flat()).toEqual(["mail.1@example.de"]);
    expect(mail!.from).toContain("Northwind Outfitters");
    expect(mail!.subject).toContain("MAIL-1");
    expect(mail!.html).toContain('lang="de"');
    const link = /https:\/\/shop\.example\/portal\/o\/([A-Za-z0-9_.-]+)/.exec(mail!.html)?.[1];
    expect(readPortalToken(link, SECRET)).toEqual({ tenantId, orderId: created.id });
    const request = recorder.requests.find((r) => r.path === "/emails");
    expect(request?.authorization).toBe("Bearer re_test_key");
    const [row] = await withTenant(t.db, tenantId, (tx) => listEmails(tx, { orderId: created.id }));
    expect(row).toMatchObject({ event: "order_confirmed", status: "sent", locale: "de" });
    expect(request?.idempotencyKey).toBe(row!.id);

    // The same notice again (a rerun) sends nothing.
    await notify([
      { tenantId, orderId: created.id, event: "order_confirmed", dedupeKey: `order_confirmed:${created.id}` },
    ]);
    await settle();
    expect(recorder.sent).toHaveLength(1);
  });

  it("tells the shopper the parcel shipped and arrived, and respects events the merchant switched off", async () => {
    await withTenant(t.db, tenantId, (tx) =>
      saveTenantSettings(tx, { tenantId, notifications: { disabled: ["order_confirmed"] }, actor: "test" }),
    );
    const before = recorder.sent.length;
    const created = await json<{ id: string }>(await call("POST", "/v1/orders", sampleOrder("MAIL-2")));
    await settle();
    expect(recorder.sent.length).toBe(before);
    const order = await json<{ shipments: Array<{ id: string }> }>(await call("GET", `/v1/orders/${created.id}`));
    const deps = { carriers, notify };
    clock.ms += 3 * 60_000;
    await pollShipmentTracking(t.db, deps, { tenantId, shipmentId: order.shipments[0]!.id }, new Date(clock.ms));
    clock.ms += 40 * 60_000;
    await pollShipmentTracking(t.db, deps, { tenantId, shipmentId: order.shipments[0]!.id }, new Date(clock.ms));
    await settle();
    const events = (await withTenant(t.db, tenantId, (tx) => listEmails(tx, { orderId: created.id }))).map(
      (e) => e.event,
    );
    expect(events).toEqual(expect.arrayContaining(["shipped", "out_for_delivery", "delivered"]));
    expect(events).not.toContain("order_confirmed");
    const delivered = (recorder.sent as Sent[]).find((m) => m.subject.includes("MAIL-2") && m.text.includes("MAIL-2"));
    expect(delivered).toBeTruthy();
  });
});
