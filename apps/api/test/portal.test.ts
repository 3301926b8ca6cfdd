import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPortalToken } from "@crossflow/auth";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { LocalDiskStorage } from "@crossflow/documents";
import { createCarrierAdapters } from "@crossflow/integrations";
import {
  type CrossflowEvent,
  createFunctions,
  createPipelineRuntime,
  type PipelineRuntime,
  pollShipmentTracking,
} from "@crossflow/pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import type { PortalOrderView } from "../src/routes/app/portal";
import { json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

// The customer portal's API on the real PostgreSQL, with orders run through the pipeline by
// the local executor and parcels moved by the demo carrier on a controllable clock.

const SECRET = "portal-test-secret";
let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
const tenants: Record<"a" | "b", { tenantId: string; apiKey: string }> = {} as never;
const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "cf-portal-docs-")));
const clock = { ms: Date.now() };
const carriers = createCarrierAdapters({}, { now: () => clock.ms });

type ErrorBody = { error: { code: string; message: string; details: Array<{ path: string; code?: string }> } };
type MerchantOrder = {
  id: string;
  status: string;
  shipments: Array<{ id: string; status: string; trackingNumber: string }>;
  shippingAddress: { line1: string; postalCode?: string };
  decisions: Array<{ kind: string; facts: Record<string, unknown> }>;
};

const settle = () => runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });

const v1 = (tenant: "a" | "b", method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${tenants[tenant].apiKey}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });

// The address change is rate limited per client address, like the lookup: each test is its own client.
let client = "203.0.113.1";
const portal = (method: string, path: string, body?: unknown) =>
  app.request(`/app/portal${path}`, {
    method,
    headers: { "x-forwarded-for": client, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

async function stock(tenant: "a" | "b") {
  await v1(tenant, "POST", "/v1/products", sampleProduct("TEE-RED-M"));
  const warehouse = await json<{ id: string }>(await v1(tenant, "POST", "/v1/warehouses", sampleWarehouse("SZX1")));
  await v1(tenant, "POST", "/v1/inventory/adjustments", {
    sku: "TEE-RED-M",
    warehouseId: warehouse.id,
    delta: 50,
    reason: "receipt",
  });
}

/** A paid order run through the pipeline to its label; returns the merchant's view and the buyer's e-mail. */
async function bookedOrder(tenant: "a" | "b", externalId: string) {
  const input = sampleOrder(externalId);
  const created = await json<{ id: string }>(await v1(tenant, "POST", "/v1/orders", input));
  await settle();
  const order = await json<MerchantOrder>(await v1(tenant, "GET", `/v1/orders/${created.id}`));
  expect(order.status).toBe("label_created");
  return { order, email: input.customer.email };
}

async function lookup(orderNumber: string, email: string) {
  const res = await portal("POST", "/lookup", { orderNumber, email });
  expect(res.status).toBe(200);
  return (await json<{ token: string }>(res)).token;
}

const newAddress = {
  name: "Ana Müller",
  line1: "Karl-Marx-Allee 90",
  city: "Berlin",
  postalCode: "10243",
  country: "DE",
};

let clients = 0;
beforeEach(() => {
  clients += 1;
  client = `203.0.113.${clients}`;
});

beforeAll(async () => {
  t = await createTestDatabase("cf_test_portal");
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db, { documentStorage: storage, carriers }),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50, backoff: () => 100 },
  });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  app = createApp(
    { db: t.db, events, sessionSecret: SECRET, clerk: null, documentStorage: storage, carriers },
    { inngest: runtime.handler },
  );
  appFetch = (r) => app.fetch(r);
  tenants.a = await createTenantWithKey(t.db, { name: "Northwind Goods" });
  tenants.b = await createTenantWithKey(t.db, { name: "Other Shop" });
  await stock("a");
  await stock("b");
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("customer portal API", () => {
  it("turns order number + e-mail into a signed link and shows the shopper's view", async () => {
    const { order, email } = await bookedOrder("a", "PORTAL-VIEW-1");
    const res = await portal("POST", "/lookup", { orderNumber: "PORTAL-VIEW-1", email: email.toUpperCase() });
    expect(res.status).toBe(200);
    const { token } = await json<{ token: string }>(res);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);

    const viewRes = await portal("GET", `/orders/${token}`);
    expect(viewRes.status).toBe(200);
    expect(viewRes.headers.get("cache-control")).toContain("no-store");
    const view = await json<PortalOrderView>(viewRes);
    expect(view).toMatchObject({
      orderNumber: "PORTAL-VIEW-1",
      merchant: { name: "Northwind Goods" },
      status: "label_created",
      currency: "EUR",
      address: { changeable: true },
      invoiceUrl: `/app/portal/orders/${token}/invoice`,
    });
    expect(view.lines).toEqual([{ sku: "TEE-RED-M", title: expect.any(String), quantity: 2, unitPrice: 1999 }]);
    expect(view.shipTo).toMatchObject({ name: "Ana Müller", city: "Berlin", country: "DE" });
    expect(view.shipments).toHaveLength(1);
    expect(view.shipments[0]).toMatchObject({
      trackingNumber: order.shipments[0]!.trackingNumber,
      status: expect.any(String),
      carrierName: expect.any(String),
    });
    expect(view.timeline.map((e) => e.status)).toEqual([
      "received",
      "payment_verified",
      "screened",
      "allocated",
      "documented",
      "label_created",
    ]);
    // Nothing internal leaks: no decisions, holds, messages, actors, the buyer's e-mail or internal ids.
    const text = JSON.stringify(view);
    for (const leak of [email, order.id, "decisions", "actor", "message", "holds", "landedCost"])
      expect(text).not.toContain(leak);
  });

  it("answers every bad link with the same 404", async () => {
    const { email } = await bookedOrder("a", "PORTAL-TAMPER-1");
    const token = await lookup("PORTAL-TAMPER-1", email);
    const [body, signature] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as { t: string; o: string; exp: number };
    const otherOrder = Buffer.from(JSON.stringify({ ...claims, o: "ord_00000000000000000000000000" })).toString(
      "base64url",
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const expired = createPortalToken({ tenantId: claims.t, orderId: claims.o }, SECRET, { now: 0, ttlDays: 1 });
    const wrongSecret = createPortalToken({ tenantId: claims.t, orderId: claims.o }, "another-secret");
    const messages = new Set<string>();
    for (const bad of [`${otherOrder}.${signature}`, `${body}.${flipped}`, expired, wrongSecret, "nonsense"]) {
      for (const path of [`/orders/${bad}`, `/orders/${bad}/invoice`]) {
        const res = await portal("GET", path);
        expect(res.status, path).toBe(404);
        messages.add((await json<ErrorBody>(res)).error.message);
      }
      const change = await portal("POST", `/orders/${bad}/address`, { address: newAddress });
      expect(change.status).toBe(404);
      messages.add((await json<ErrorBody>(change)).error.message);
    }
    expect(messages.size).toBe(1);
    expect((await portal("GET", `/orders/${token}`)).status).toBe(200);
  });

  it("never reaches another tenant's order, even with a validly signed link", async () => {
    const { order: theirs, email } = await bookedOrder("b", "PORTAL-OTHER-1");
    const { order: ours } = await bookedOrder("a", "PORTAL-OTHER-2");
    // Tenant A's id with tenant B's order, and the reverse: both signed with the real secret.
    const crossed = [
      createPortalToken({ tenantId: tenants.a.tenantId, orderId: theirs.id }, SECRET),
      createPortalToken({ tenantId: tenants.b.tenantId, orderId: ours.id }, SECRET),
    ];
    for (const token of crossed) {
      expect((await portal("GET", `/orders/${token}`)).status).toBe(404);
      expect((await portal("GET", `/orders/${token}/invoice`)).status).toBe(404);
      expect((await portal("POST", `/orders/${token}/address`, { address: newAddress })).status).toBe(404);
    }
    const own = await json<MerchantOrder>(await v1("b", "GET", `/v1/orders/${theirs.id}`));
    expect(own.shippingAddress.line1).not.toBe(newAddress.line1);
    // Tenant B's buyer finds tenant B's order, and only that.
    const token = await lookup("PORTAL-OTHER-1", email);
    const view = await json<PortalOrderView>(await portal("GET", `/orders/${token}`));
    expect(view.merchant.name).toBe("Other Shop");
  });

  it("downloads the shopper's invoice as a PDF", async () => {
    const { email } = await bookedOrder("a", "PORTAL-INVOICE-1");
    const token = await lookup("PORTAL-INVOICE-1", email);
    const res = await portal("GET", `/orders/${token}/invoice?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customer_invoice-/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it("changes the address before the parcel leaves: field errors first, then the label is voided and a new one booked", async () => {
    const { order: before, email } = await bookedOrder("a", "PORTAL-MOVE-1");
    const token = await lookup("PORTAL-MOVE-1", email);

    const missing = await portal("POST", `/orders/${token}/address`, { address: { ...newAddress, line1: "" } });
    expect(missing.status).toBe(400);
    expect((await json<ErrorBody>(missing)).error.details.map((d) => d.path)).toContain("address.line1");
    const badPostcode = await portal("POST", `/orders/${token}/address`, {
      address: { ...newAddress, postalCode: "ABC" },
    });
    expect(badPostcode.status).toBe(400);
    expect((await json<ErrorBody>(badPostcode)).error.details).toContainEqual(
      expect.objectContaining({ path: "address.postalCode", code: "postal_code_invalid" }),
    );
    // Nothing happened to the order on a rejected change.
    const untouched = await json<MerchantOrder>(await v1("a", "GET", `/v1/orders/${before.id}`));
    expect(untouched.shipments.map((s) => s.status)).toEqual(["label_created"]);

    const res = await portal("POST", `/orders/${token}/address`, { address: newAddress });
    expect(res.status).toBe(200);
    const pending = await json<PortalOrderView>(res);
    expect(pending.shipTo.line1).toBe("Karl-Marx-Allee 90");
    expect(pending.shipments).toEqual([]);

    await settle();
    const after = await json<MerchantOrder>(await v1("a", "GET", `/v1/orders/${before.id}`));
    expect(after.status).toBe("label_created");
    expect(after.shipments.map((s) => s.status)).toEqual(["voided", "label_created"]);
    expect(after.shipments[1]!.trackingNumber).not.toBe(before.shipments[0]!.trackingNumber);
    expect(after.decisions.find((d) => d.kind === "review")?.facts).toMatchObject({ actor: "portal:shopper" });

    const view = await json<PortalOrderView>(await portal("GET", `/orders/${token}`));
    expect(view.status).toBe("label_created");
    expect(view.shipTo).toMatchObject({ line1: "Karl-Marx-Allee 90", postalCode: "10243" });
    expect(view.shipments.map((s) => s.trackingNumber)).toEqual([after.shipments[1]!.trackingNumber]);
    expect(view.address.changeable).toBe(true);
    expect((await portal("GET", `/orders/${token}/invoice`)).status).toBe(200);
  });

  it("refuses the change with 409 once the carrier has the parcel, and shows the tracking timeline", async () => {
    const { order, email } = await bookedOrder("a", "PORTAL-LEFT-1");
    const token = await lookup("PORTAL-LEFT-1", email);
    const deps = { carriers, notify: async () => {} };
    clock.ms += 150_000;
    await pollShipmentTracking(
      t.db,
      deps,
      { tenantId: tenants.a.tenantId, shipmentId: order.shipments[0]!.id },
      new Date(clock.ms),
    );

    const view = await json<PortalOrderView>(await portal("GET", `/orders/${token}`));
    expect(view.status).toBe("in_transit");
    expect(view.address.changeable).toBe(false);
    const events = view.shipments[0]!.events;
    expect(events.map((e) => e.status).slice(0, 2)).toEqual(["info_received", "in_transit"]);
    expect(events.every((e, i) => i === 0 || events[i - 1]!.at <= e.at)).toBe(true);
    expect(events[0]).toMatchObject({ code: expect.any(String), at: expect.any(String) });

    const res = await portal("POST", `/orders/${token}/address`, { address: newAddress });
    expect(res.status).toBe(409);
    expect((await json<ErrorBody>(res)).error.code).toBe("invalid_state");
    const still = await json<MerchantOrder>(await v1("a", "GET", `/v1/orders/${order.id}`));
    expect(still.shippingAddress.line1).not.toBe(newAddress.line1);
    expect(still.shipments.map((s) => s.status)).not.toContain("voided");
  });

  it("rate limits address changes per client", async () => {
    const token = await lookup("PORTAL-LEFT-1", "portal.left.1@example.de");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(
        (await portal("POST", `/orders/${token}/address`, { address: { ...newAddress, line1: "" } })).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });
});
