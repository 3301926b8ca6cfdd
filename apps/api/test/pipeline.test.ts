import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { LocalDiskStorage } from "@crossflow/documents";
import { createCarrierAdapters } from "@crossflow/integrations";
import {
  type CrossflowEvent,
  createFunctions,
  createPipelineRuntime,
  type PipelineRuntime,
  pollShipmentTracking,
  type TrackingNotice,
} from "@crossflow/pipeline";
import { changeShippingAddress, releaseHold, reviseHeldOrder } from "@crossflow/pipeline/intake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

// The vertical slice for real: API → durable event → local executor → /api/inngest →
// process-order steps → database, on PostgreSQL.

let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
let key: string;
let tenantId: string;
let events: { send(e: { name: string; data: Record<string, unknown>; id?: string }): Promise<void> };
let warehouseId: string;
const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "cf-docs-")));
// The demo carrier moves parcels a step a minute; the tests move its clock instead of waiting.
const clock = { ms: Date.now() };
const carriers = createCarrierAdapters({}, { now: () => clock.ms });

type Order = {
  id: string;
  shipments: Array<{
    id: string;
    carrier: string;
    service: string;
    status: string;
    warehouseId: string;
    trackingNumber: string;
  }>;
  documents: Array<{ kind: string; url: string; contentType: string }>;
  landedCost: { regime: string; destination: string; tax: number; duty: number } | null;
  status: string;
  shippingAddress: { postalCode?: string; line1: string };
  holds: Array<{ code: string }>;
  decisions: Array<{ kind: string; reason: string; outcome: Record<string, unknown> }>;
  timeline: Array<{ status: string }>;
};

const call = async (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

const settle = () => runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });

beforeAll(async () => {
  t = await createTestDatabase("cf_test_pipeline");
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db, { documentStorage: storage, carriers }),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50, backoff: () => 100 },
  });
  events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  app = createApp(
    { db: t.db, events, sessionSecret: "s", clerk: null, documentStorage: storage },
    { inngest: runtime.handler },
  );
  appFetch = (r) => app.fetch(r);
  const tenant = await createTenantWithKey(t.db, { name: "Pipeline" });
  key = tenant.apiKey;
  tenantId = tenant.tenantId;
  await call("POST", "/v1/products", sampleProduct("TEE-RED-M"));
  await call("POST", "/v1/products", sampleProduct("SCARCE-1"));
  warehouseId = (await json<{ id: string }>(await call("POST", "/v1/warehouses", sampleWarehouse("SZX1")))).id;
  await call("POST", "/v1/inventory/adjustments", { sku: "TEE-RED-M", warehouseId, delta: 10, reason: "receipt" });
  await call("POST", "/v1/inventory/adjustments", { sku: "SCARCE-1", warehouseId, delta: 5, reason: "receipt" });
});

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("process-order through the local executor", () => {
  it("takes a paid order from received to a booked label on its own, explaining each decision", async () => {
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("FLOW-1", "TEE-RED-M", 2)));
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("label_created");
    expect(order.timeline.map((e) => e.status)).toEqual([
      "received",
      "payment_verified",
      "screened",
      "allocated",
      "documented",
      "label_created",
    ]);
    const allocation = order.decisions.find((d) => d.kind === "allocation");
    expect(allocation?.reason).toContain("SZX1");
    expect(allocation?.outcome).toMatchObject({ allocated: true, split: false });
    // Customs: CN → DE, a low-value consignment: landed cost under the EU regime, papers stored.
    expect(order.landedCost).toMatchObject({ destination: "DE" });
    expect(order.landedCost!.regime).toMatch(/^EU/);
    expect(order.landedCost!.tax).toBeGreaterThan(0);
    expect(order.decisions.find((d) => d.kind === "customs")?.reason).toMatch(/duty/);
    const kinds = order.documents
      .map((d) => d.kind)
      .filter((k) => !k.startsWith("shipping_label"))
      .sort();
    expect(order.documents.filter((d) => d.kind.startsWith("shipping_label")).map((d) => d.contentType)).toEqual([
      "application/pdf",
      "application/x-zpl",
    ]);
    const postal = ["usps", "4px", "yanwen"].includes(order.shipments[0]!.carrier);
    // A 40 EUR parcel on a postal lane travels with a CN22; couriers take the commercial invoice.
    expect(kinds).toEqual(
      postal
        ? ["cn22", "commercial_invoice", "customer_invoice", "packing_list"]
        : ["commercial_invoice", "customer_invoice", "packing_list"],
    );
    const invoice = await call("GET", order.documents.find((d) => d.kind === "commercial_invoice")!.url);
    expect(invoice.status).toBe(200);
    expect(invoice.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await invoice.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await json(await call("GET", "/v1/inventory?sku=TEE-RED-M"))).toMatchObject({
      onHand: 10,
      reserved: 2,
      available: 8,
    });
  });

  it("holds an unpaid order with the reason and reserves nothing", async () => {
    const created = await json<Order>(
      await call("POST", "/v1/orders", {
        ...sampleOrder("FLOW-2"),
        payment: { provider: "paypal", reference: "X", status: "pending" },
      }),
    );
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("on_hold");
    expect(order.holds.map((h) => h.code)).toEqual(["payment_not_confirmed"]);
  });

  it("holds an order for a SKU that is not in the catalog", async () => {
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("FLOW-3", "GHOST-SKU", 1)));
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("on_hold");
    expect(order.holds[0]).toMatchObject({ code: "unknown_sku" });
  });

  it("never oversells: 12 concurrent orders for 5 units allocate exactly 5", async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call("POST", "/v1/orders", sampleOrder(`RUSH-${i}`, "SCARCE-1", 1))),
    );
    expect(responses.every((r) => r.status === 202)).toBe(true);
    await settle();
    const list = await json<{ data: Array<{ externalId: string; status: string; holds: Array<{ code: string }> }> }>(
      await call("GET", "/v1/orders?limit=200"),
    );
    const rush = list.data.filter((o) => o.externalId.startsWith("RUSH-"));
    expect(rush.filter((o) => o.status === "label_created")).toHaveLength(5);
    expect(rush.filter((o) => o.status === "on_hold" && o.holds[0]?.code === "insufficient_stock")).toHaveLength(7);
    for (const o of rush) {
      const heldAt = (o as { heldAt?: string | null }).heldAt;
      if (o.status === "on_hold") expect(Date.parse(heldAt ?? "")).toBeGreaterThan(Date.now() - 120_000);
      else expect(heldAt).toBeNull();
    }
    expect(await json(await call("GET", "/v1/inventory?sku=SCARCE-1"))).toMatchObject({
      onHand: 5,
      reserved: 5,
      available: 0,
    });
  });

  it("processes an order delivered twice exactly once", async () => {
    const [a, b] = await Promise.all([
      call("POST", "/v1/orders", sampleOrder("TWICE-1")),
      call("POST", "/v1/orders", sampleOrder("TWICE-1")),
    ]);
    const ids = [(await json<Order>(a)).id, (await json<Order>(b)).id];
    expect(ids[0]).toBe(ids[1]);
    await settle();
    const runs = await runtime.executor!.listRuns({ limit: 500 });
    const order = await json<Order>(await call("GET", `/v1/orders/${ids[0]}`));
    expect(order.status).toBe("label_created");
    expect(order.timeline.filter((e) => e.status === "allocated")).toHaveLength(1);
    expect(order.decisions.filter((d) => d.kind === "allocation")).toHaveLength(1);
    expect(runs.filter((r) => r.status === "failed")).toHaveLength(0);
  });

  it("cancelling an allocated order gives its stock back", async () => {
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("CANCEL-1", "TEE-RED-M", 3)));
    await settle();
    const before = await json<{ reserved: number }>(await call("GET", "/v1/inventory?sku=TEE-RED-M"));
    const res = await call("POST", `/v1/orders/${created.id}/cancel`, { reason: "duplicate" });
    expect(res.status).toBe(200);
    expect((await json<Order>(res)).status).toBe("cancelled");
    const after = await json<{ reserved: number }>(await call("GET", "/v1/inventory?sku=TEE-RED-M"));
    expect(after.reserved).toBe(before.reserved - 3);
    await settle();
  });

  it("a released payment hold continues from where it stopped, with the reviewer's decision recorded", async () => {
    const created = await json<Order>(
      await call("POST", "/v1/orders", {
        ...sampleOrder("REVIEW-1"),
        payment: { provider: "paypal", reference: "P", status: "pending" },
      }),
    );
    await settle();
    expect((await json<Order>(await call("GET", `/v1/orders/${created.id}`))).status).toBe("on_hold");
    await releaseHold(t.db, events, {
      tenantId,
      orderId: created.id,
      actor: "user:usr_test",
      note: "paid by bank transfer",
      overrides: ["payment_not_confirmed"],
    });
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("label_created");
    expect(order.holds).toEqual([]);
    expect(order.decisions.find((d) => d.kind === "review")?.reason).toContain("paid by bank transfer");
    expect(order.timeline.map((e) => e.status)).toEqual([
      "received",
      "on_hold",
      "received",
      "payment_verified",
      "screened",
      "allocated",
      "documented",
      "label_created",
    ]);
  });

  it("an order held for stock is allocated after stock arrives and the hold is released", async () => {
    await call("POST", "/v1/products", sampleProduct("LATE-1"));
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("STOCK-1", "LATE-1", 2)));
    await settle();
    const held = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(held.holds[0]?.code).toBe("insufficient_stock");
    await call("POST", "/v1/inventory/adjustments", { sku: "LATE-1", warehouseId, delta: 2, reason: "receipt" });
    await releaseHold(t.db, events, { tenantId, orderId: created.id, actor: "user:usr_test" });
    await settle();
    expect((await json<Order>(await call("GET", `/v1/orders/${created.id}`))).status).toBe("label_created");
  });

  it("cancelling a held order ends its waiting run", async () => {
    const created = await json<Order>(
      await call("POST", "/v1/orders", {
        ...sampleOrder("REVIEW-2"),
        payment: { provider: "stripe", reference: "pi", status: "failed" },
      }),
    );
    await settle();
    await call("POST", `/v1/orders/${created.id}/cancel`);
    await settle();
    const runs = await runtime.executor!.listRuns({ limit: 500 });
    const details = await Promise.all(runs.map((r) => runtime.executor!.getRun(r.id)));
    const run = details.find((d) => (d?.event.data as { orderId?: string } | undefined)?.orderId === created.id);
    expect(run?.status).toBe("cancelled");
    expect(run?.pending).toEqual([]);
  });
  it("a reviewer's corrected address is checked again and the order goes on", async () => {
    const created = await json<Order>(
      await call("POST", "/v1/orders", {
        ...sampleOrder("ADDR-FIX-1"),
        shippingAddress: {
          name: "Ana Müller",
          line1: "Invalidenstraße 9",
          city: "Berlin",
          postalCode: "1O115",
          country: "DE",
        },
      }),
    );
    await settle();
    const held = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(held.status).toBe("on_hold");
    await reviseHeldOrder(t.db, events, {
      tenantId,
      orderId: created.id,
      actor: "user:usr_test",
      shippingAddress: {
        name: "Ana Müller",
        line1: "Invalidenstraße 9",
        city: "Berlin",
        postalCode: "10115",
        country: "DE",
      },
    });
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("label_created");
    expect(order.shippingAddress.postalCode).toBe("10115");
    expect(order.decisions.find((d) => d.kind === "review")?.reason).toContain("address → Invalidenstraße 9, 10115");
  });

  it("a reviewer's warehouse and carrier choices beat the automatic ones", async () => {
    const fra = (
      await json<{ id: string }>(
        await call("POST", "/v1/warehouses", {
          ...sampleWarehouse("FRA1"),
          name: "Frankfurt 3PL",
          kind: "3pl",
          address: {
            name: "Rhein Logistik",
            line1: "Cargo City Süd 5",
            city: "Frankfurt",
            postalCode: "60549",
            country: "DE",
          },
        }),
      )
    ).id;
    await call("POST", "/v1/products", sampleProduct("MOVE-1"));
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("MOVE-ORDER-1", "MOVE-1", 1)));
    await settle();
    expect((await json<Order>(await call("GET", `/v1/orders/${created.id}`))).holds[0]?.code).toBe(
      "insufficient_stock",
    );

    // Stock arrives in both warehouses; the reviewer wants it shipped from Shenzhen by UPS.
    await call("POST", "/v1/inventory/adjustments", { sku: "MOVE-1", warehouseId, delta: 3, reason: "receipt" });
    await call("POST", "/v1/inventory/adjustments", { sku: "MOVE-1", warehouseId: fra, delta: 3, reason: "receipt" });
    await reviseHeldOrder(t.db, events, {
      tenantId,
      orderId: created.id,
      actor: "user:usr_test",
      warehouseId,
      carrier: { carrier: "ups", service: "worldwide_saver" },
    });
    await settle();
    const order = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(order.status).toBe("label_created");
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments[0]).toMatchObject({ carrier: "ups", service: "worldwide_saver", warehouseId });
    const allocation = order.decisions.filter((d) => d.kind === "allocation").at(-1);
    expect(allocation?.reason).toContain("SZX1 chosen by user:usr_test");
    const carrier = order.decisions.filter((d) => d.kind === "carrier").at(-1);
    expect(carrier?.reason).toContain("forced by user:usr_test");
  });

  it("a correction names the field at fault and leaves the order held", async () => {
    const created = await json<Order>(
      await call("POST", "/v1/orders", {
        ...sampleOrder("REVIEW-3"),
        payment: { provider: "stripe", reference: "pi", status: "failed" },
      }),
    );
    await settle();
    await expect(
      reviseHeldOrder(t.db, events, { tenantId, orderId: created.id, actor: "u", carrier: { carrier: "pigeon" } }),
    ).rejects.toMatchObject({ code: "validation_failed", details: [{ path: "carrier" }] });
    await expect(
      reviseHeldOrder(t.db, events, { tenantId, orderId: created.id, actor: "u", warehouseId: "wh_nope" }),
    ).rejects.toMatchObject({ code: "validation_failed", details: [{ path: "warehouseId" }] });
    expect((await json<Order>(await call("GET", `/v1/orders/${created.id}`))).status).toBe("on_hold");
  });
});

describe("after the label: tracking", () => {
  it("a demo parcel is handed over, travels and is delivered, with the e-mails it calls for", async () => {
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("TRACK-1")));
    await settle();
    const booked = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(booked.status).toBe("label_created");
    const shipment = booked.shipments[0]!;
    expect(shipment.trackingNumber).toMatch(/^[A-Z0-9]{8,}/);
    const notices: TrackingNotice[] = [];
    const deps = { carriers, notify: async (n: TrackingNotice[]) => void notices.push(...n) };

    // Two minutes in: picked up, so handed over and in transit.
    clock.ms += 150_000;
    const early = await pollShipmentTracking(t.db, deps, { tenantId, shipmentId: shipment.id }, new Date(clock.ms));
    expect(early).toMatchObject({ status: "in_transit" });
    expect((await json<Order>(await call("GET", `/v1/orders/${created.id}`))).status).toBe("in_transit");
    expect(notices.map((n) => n.event)).toEqual(["shipped"]);

    // Half an hour later the journey is over; a repeated poll adds nothing twice.
    clock.ms += 30 * 60_000;
    await pollShipmentTracking(t.db, deps, { tenantId, shipmentId: shipment.id }, new Date(clock.ms));
    const again = await pollShipmentTracking(t.db, deps, { tenantId, shipmentId: shipment.id }, new Date(clock.ms));
    expect(again).toMatchObject({ skipped: true });
    const done = await json<Order & { timeline: Array<{ status: string }> }>(
      await call("GET", `/v1/orders/${created.id}`),
    );
    expect(done.status).toBe("delivered");
    expect(done.timeline.map((e) => e.status).slice(-4)).toEqual([
      "label_created",
      "handed_over",
      "in_transit",
      "delivered",
    ]);
    expect(notices.map((n) => n.event)).toContain("delivered");
    expect(notices.filter((n) => n.event === "shipped")).toHaveLength(1);
  });

  it("a new address before the parcel leaves voids the label and runs the order again", async () => {
    await call("POST", "/v1/inventory/adjustments", { sku: "TEE-RED-M", warehouseId, delta: 10, reason: "receipt" });
    const created = await json<Order>(await call("POST", "/v1/orders", sampleOrder("MOVE-ADDR-1")));
    await settle();
    const before = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(before.status).toBe("label_created");
    const voided: string[] = [];
    await changeShippingAddress(t.db, events, {
      tenantId,
      orderId: created.id,
      actor: "portal:shopper",
      address: { name: "Ana Müller", line1: "Karl-Marx-Allee 90", city: "Berlin", postalCode: "10243", country: "DE" },
      voidShipment: async (shipment) => {
        const connected = carriers[shipment.carrier] ?? carriers.demo!;
        await connected.adapter.cancelShipment(connected.credentials, { trackingNumber: shipment.trackingNumber! });
        voided.push(shipment.trackingNumber!);
      },
    });
    await settle();
    const after = await json<Order>(await call("GET", `/v1/orders/${created.id}`));
    expect(voided).toEqual([before.shipments[0]!.trackingNumber]);
    expect(after.status).toBe("label_created");
    expect(after.shippingAddress.line1).toBe("Karl-Marx-Allee 90");
    expect(after.shipments.map((s) => s.status)).toEqual(["voided", "label_created"]);
    expect(after.shipments[1]!.trackingNumber).not.toBe(before.shipments[0]!.trackingNumber);
    expect(after.documents.filter((d) => d.kind === "commercial_invoice")).toHaveLength(1);
    expect(after.decisions.find((d) => d.kind === "review")?.reason).toContain("Karl-Marx-Allee 90");
  });
});
