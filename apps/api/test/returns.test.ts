import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPortalToken } from "@crossflow/auth";
import {
  auditTrail,
  getOrderDetail,
  insertReturn,
  listInstructions,
  saveTenantSettings,
  withTenant,
} from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { LocalDiskStorage } from "@crossflow/documents";
import { newId } from "@crossflow/domain";
import {
  createCarrierAdapters,
  createStripeRefundClient,
  type FakePaymentServer,
  startFakePaymentServer,
  stripePaymentIntentPayload,
} from "@crossflow/integrations";
import {
  type CrossflowEvent,
  type CustomerNotice,
  createFunctions,
  createPipelineRuntime,
  type PipelineRuntime,
  pollShipmentTracking,
} from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemo } from "../src/cli/commands/seed-demo";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json } from "./harness";

// Returns end to end on PostgreSQL: the shopper's request in the portal (RMA, label, customs
// papers, the warehouse's instruction), the inspection, the refund with four-eyes approval,
// Stripe refunds against the local fake and refunds flagged for the channel.

const SECRET = "returns-secret";
let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
let stripeless: ReturnType<typeof createApp>;
let fake: FakePaymentServer;
let tenantId: string;
let apiKey: string;
let mia: string;
let lukas: string;
const notices: CustomerNotice[] = [];
const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "cf-returns-")));
const clock = { ms: Date.now() };
const carriers = createCarrierAdapters({}, { now: () => clock.ms });

type ReturnView = {
  id: string;
  rma: string;
  status: string;
  refundAmount: number | null;
  refundReference: string | null;
  refund: {
    total: number;
    linesTotal: number;
    originalShipping: number;
    returnShippingDeduction: number;
    lines: Array<{ sku: string; amount: number; condition: string }>;
    issue?: { mode: string; status: string; reason: string; reference?: string };
  } | null;
  can: Record<string, boolean>;
  cannotApproveRefund: string | null;
  documents: Array<{ kind: string; url: string }>;
  fourEyes: { threshold: { amount: number; currency: string } | null; required: boolean };
};

const v1 = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

const as = (cookie: string | null, method: string, path: string, body?: unknown, target = app) =>
  target.request(path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

const shopper = (method: string, path: string, body?: unknown) => as(null, method, path, body);

async function signIn(email: string): Promise<string> {
  const { users } = await json<{ users: Array<{ id: string; email: string }> }>(await app.request("/app/dev/users"));
  const user = users.find((u) => u.email === email)!;
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: user.id }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const settle = () => runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });

/** A paid order taken through the pipeline and the demo carrier's journey to delivered. */
async function deliveredOrder(input: {
  externalId: string;
  currency: string;
  country: string;
  city: string;
  postalCode: string;
  lines: Array<{ sku: string; quantity: number; unitPrice: number }>;
  shippingPaid: number;
  payment: { provider: string; reference: string; status: string };
}) {
  const res = await v1("POST", "/v1/orders", {
    externalId: input.externalId,
    currency: input.currency,
    customer: {
      email: `${input.externalId.toLowerCase()}@example.com`,
      name: "Sam Returner",
      phone: "+441234567890",
      locale: "en",
    },
    shippingAddress: {
      name: "Sam Returner",
      line1: `${input.externalId.length} Return Street`,
      city: input.city,
      postalCode: input.postalCode,
      country: input.country,
      phone: "+441234567890",
    },
    lines: input.lines,
    shippingPaid: input.shippingPaid,
    payment: input.payment,
  });
  expect(res.status).toBe(202);
  const { id } = await json<{ id: string }>(res);
  await settle();
  const booked = await withTenant(t.db, tenantId, (tx) => getOrderDetail(tx, id));
  expect(booked?.status, JSON.stringify(booked?.holds)).toBe("label_created");
  for (const shipment of booked!.shipments) {
    clock.ms += 150_000;
    await pollShipmentTracking(
      t.db,
      { carriers, notify: async () => {} },
      { tenantId, shipmentId: shipment.id },
      new Date(clock.ms),
    );
    clock.ms += 30 * 60_000;
    await pollShipmentTracking(
      t.db,
      { carriers, notify: async () => {} },
      { tenantId, shipmentId: shipment.id },
      new Date(clock.ms),
    );
  }
  const delivered = await withTenant(t.db, tenantId, (tx) => getOrderDetail(tx, id));
  expect(delivered?.status).toBe("delivered");
  return { id, token: createPortalToken({ tenantId, orderId: id }, SECRET), order: delivered! };
}

function pdfText(bytes: ArrayBuffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "cf-returns-pdf-")), "doc.pdf");
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_returns");
  fake = await startFakePaymentServer();
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
  const deps = {
    db: t.db,
    events,
    sessionSecret: SECRET,
    clerk: null,
    documentStorage: storage,
    carriers,
    notify: async (n: CustomerNotice[]) => void notices.push(...n),
  };
  app = createApp(
    { ...deps, stripeRefunds: createStripeRefundClient({ secretKey: fake.stripeSecretKey, apiBase: fake.url }) },
    { inngest: runtime.handler },
  );
  stripeless = createApp(deps);
  appFetch = (r) => app.fetch(r);
  const seeded = await seedDemo(t.db, events, { orders: 0 });
  tenantId = seeded.tenantId;
  apiKey = (seeded as { apiKey: string }).apiKey;
  // The warehouses' phone for the return customs papers (China's template requires one).
  await withTenant(t.db, tenantId, (tx) =>
    saveTenantSettings(tx, {
      tenantId,
      company: { legalName: "Northwind Outfitters Ltd", iossNumber: "IM2760000042", phone: "+4969123456" },
      actor: "test",
    }),
  );
  await settle();
  mia = await signIn("mia.chen@northwind.example");
  lukas = await signIn("lukas.weber@northwind.example");
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await fake?.close();
  await t?.destroy();
});

describe("return policy", () => {
  it("is read by staff, changed by admins only, validated field by field", async () => {
    const read = await json<{ policy: { windowDays: number; fourEyesThreshold: Record<string, number> } }>(
      await as(lukas, "GET", "/app/returns-policy"),
    );
    expect(read.policy).toMatchObject({ windowDays: 30, fourEyesThreshold: { GBP: 20_000 } });
    expect((await as(lukas, "PUT", "/app/returns-policy", { windowDays: 14 })).status).toBe(403);
    const bad = await as(mia, "PUT", "/app/returns-policy", { windowDays: 0, reasons: ["bored"] });
    expect(bad.status).toBe(400);
    const { error } = await json<{ error: { details: Array<{ path: string }> } }>(bad);
    expect(error.details.map((d) => d.path)).toEqual(expect.arrayContaining(["windowDays", "reasons.0"]));
    const saved = await as(mia, "PUT", "/app/returns-policy", {
      fourEyesThreshold: { EUR: 20_000, GBP: 10_000 },
      excludedSkus: ["MUG-CER"],
    });
    expect(saved.status).toBe(200);
    expect((await json<{ policy: { windowDays: number } }>(saved)).policy.windowDays).toBe(30);
    expect((await as(null, "GET", "/app/returns-policy")).status).toBe(401);
  });
});

describe("a cross-border return paid with Stripe, above the four-eyes threshold", () => {
  let token: string;
  let orderId: string;
  let returnId: string;

  it("shows the shopper what can come back and refuses bad lines with their fields", async () => {
    const placed = await deliveredOrder({
      externalId: "RET-GB-1",
      currency: "GBP",
      country: "GB",
      city: "London",
      postalCode: "SW1A 1AA",
      lines: [
        { sku: "HOOD-GRY-M", quantity: 2, unitPrice: 6000 },
        { sku: "MUG-CER", quantity: 1, unitPrice: 1500 },
      ],
      shippingPaid: 800,
      payment: { provider: "stripe", reference: "pi_RetGb1", status: "paid" },
    });
    token = placed.token;
    orderId = placed.id;
    const options = await json<{
      eligible: boolean;
      windowEndsAt: string;
      reasons: string[];
      lines: Array<{ sku: string; quantity: number; returnableQuantity: number }>;
      shippingPaidBy: Record<string, string>;
      returns: unknown[];
    }>(await shopper("GET", `/app/portal/orders/${token}/returns/options`));
    expect(options.eligible).toBe(true);
    expect(Date.parse(options.windowEndsAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(options.reasons).toContain("damaged");
    expect(options.shippingPaidBy).toMatchObject({ damaged: "merchant", changed_mind: "customer" });
    expect(options.lines.map((l) => [l.sku, l.returnableQuantity])).toEqual([
      ["HOOD-GRY-M", 2],
      ["MUG-CER", 0],
    ]);
    expect(options.returns).toEqual([]);

    const tooMany = await shopper("POST", `/app/portal/orders/${token}/returns`, {
      lines: [
        { sku: "HOOD-GRY-M", quantity: 3, reason: "damaged" },
        { sku: "MUG-CER", quantity: 1, reason: "damaged" },
      ],
    });
    expect(tooMany.status).toBe(400);
    const details = (await json<{ error: { details: Array<{ path: string }> } }>(tooMany)).error.details;
    expect(details.map((d) => d.path)).toEqual(["lines.0.quantity", "lines.1.quantity"]);
    const badReason = await shopper("POST", `/app/portal/orders/${token}/returns`, {
      lines: [{ sku: "HOOD-GRY-M", quantity: 1, reason: "bored" }],
    });
    expect(badReason.status).toBe(400);
    expect((await json<{ error: { details: Array<{ path: string }> } }>(badReason)).error.details[0]!.path).toBe(
      "lines.0.reason",
    );
    expect((await shopper("GET", `/app/portal/orders/${token}x/returns/options`)).status).toBe(404);
  });

  it("gives an RMA, the return label, the return customs papers and the warehouse's instruction", async () => {
    const res = await shopper("POST", `/app/portal/orders/${token}/returns`, {
      lines: [{ sku: "HOOD-GRY-M", quantity: 2, reason: "damaged", note: "Seam torn on arrival" }],
    });
    expect(res.status).toBe(201);
    const created = await json<{
      id: string;
      rma: string;
      status: string;
      labelUrl: string;
      documents: Array<{ kind: string; url: string }>;
    }>(res);
    returnId = created.id;
    expect(created).toMatchObject({ rma: "RMA-RET-GB-1-1", status: "approved" });
    expect(created.documents.map((d) => d.kind).sort()).toEqual(["cn23", "commercial_invoice"]);

    const label = await shopper("GET", created.labelUrl);
    expect(label.status).toBe(200);
    expect(label.headers.get("content-type")).toBe("application/pdf");
    const labelText = pdfText(await label.arrayBuffer());
    expect(labelText).toContain("RMA-RET-GB-1-1");
    expect(labelText).toMatch(/Sam Returner/);

    const cn23 = await shopper("GET", created.documents.find((d) => d.kind === "cn23")!.url);
    expect(cn23.status).toBe(200);
    const cn23Text = pdfText(await cn23.arrayBuffer());
    expect(cn23Text).toMatch(/RMA-RET-GB-1-1/);
    expect(cn23Text).toMatch(/Sam Returner/);
    const invoice = pdfText(
      await (await shopper("GET", created.documents.find((d) => d.kind === "commercial_invoice")!.url)).arrayBuffer(),
    );
    expect(invoice).toMatch(/Reason for export[\s\S]*Returned goods/i);
    expect((await shopper("GET", `/app/portal/orders/${token}/returns/RMA-NOPE/label`)).status).toBe(404);

    const instructions = await withTenant(t.db, tenantId, (tx) => listInstructions(tx, { orderId }));
    const expected = instructions.find((i) => i.kind === "expected_return");
    expect(expected).toMatchObject({
      status: "open",
      payload: { rma: "RMA-RET-GB-1-1", returnId, lines: [{ sku: "HOOD-GRY-M", quantity: 2, reason: "damaged" }] },
    });
    expect(notices).toContainEqual(expect.objectContaining({ event: "return_approved", returnId, orderId }));

    const after = await json<{ lines: Array<{ sku: string; returnableQuantity: number }>; returns: unknown[] }>(
      await shopper("GET", `/app/portal/orders/${token}/returns/options`),
    );
    expect(after.lines[0]!.returnableQuantity).toBe(0);
    expect(after.returns).toEqual([
      expect.objectContaining({ rma: "RMA-RET-GB-1-1", status: "approved", labelUrl: created.labelUrl }),
    ]);
    const timeline = (await withTenant(t.db, tenantId, (tx) => getOrderDetail(tx, orderId)))!.timeline;
    expect(timeline.map((e) => e.message).join("\n")).toMatch(
      /Return RMA-RET-GB-1-1 requested[\s\S]*approved by the return policy/,
    );
  });

  it("computes the refund from the inspection", async () => {
    const list = await json<{ data: Array<{ id: string; rma: string }>; counts: Record<string, number> }>(
      await as(lukas, "GET", "/app/returns?status=approved"),
    );
    expect(list.data.map((r) => r.rma)).toContain("RMA-RET-GB-1-1");
    expect((await as(lukas, "GET", "/app/returns?status=lost")).status).toBe(400);

    const bad = await as(lukas, "POST", `/app/returns/${returnId}/receive`, {
      lines: [{ sku: "HOOD-GRY-M", receivedQuantity: 3, condition: "damaged" }],
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { details: Array<{ path: string }> } }>(bad)).error.details[0]!.path).toBe(
      "lines.0.receivedQuantity",
    );
    const received = await json<ReturnView>(
      await as(lukas, "POST", `/app/returns/${returnId}/receive`, {
        lines: [{ sku: "HOOD-GRY-M", receivedQuantity: 2, condition: "damaged" }],
      }),
    );
    // Damaged on arrival is the merchant's fault: both hoodies in full plus the original shipping.
    expect(received).toMatchObject({ status: "received", refundAmount: 12_800 });
    expect(received.refund).toMatchObject({
      linesTotal: 12_000,
      originalShipping: 800,
      returnShippingDeduction: 0,
      total: 12_800,
    });
    expect(received.fourEyes).toEqual({ threshold: { amount: 10_000, currency: "GBP" }, required: true });
    const instruction = (await withTenant(t.db, tenantId, (tx) => listInstructions(tx, { orderId }))).find(
      (i) => i.kind === "expected_return",
    );
    expect(instruction?.status).toBe("done");
  });

  it("waits for a second approver: Lukas cannot approve his own request, Mia can, and Stripe refunds once", async () => {
    const requested = await json<ReturnView>(await as(lukas, "POST", `/app/returns/${returnId}/refund`));
    expect(requested.status).toBe("refund_pending_approval");
    expect(requested.can.approveRefund).toBe(false);
    expect(requested.cannotApproveRefund).toBe("own_request");
    expect(fake.requests.filter((r) => r.path === "/v1/refunds")).toHaveLength(0);

    const own = await as(lukas, "POST", `/app/returns/${returnId}/approve-refund`);
    expect(own.status).toBe(403);
    expect((await json<{ error: { message: string } }>(own)).error.message).toMatch(/someone else/);

    const seenByMia = await json<ReturnView>(await as(mia, "GET", `/app/returns/${returnId}`));
    expect(seenByMia.can.approveRefund).toBe(true);

    fake.stripe.put(
      stripePaymentIntentPayload({ id: "pi_RetGb1", amount: 12_800, currency: "gbp", status: "succeeded" }),
    );
    const approved = await json<ReturnView>(await as(mia, "POST", `/app/returns/${returnId}/approve-refund`));
    expect(approved.status).toBe("refunded");
    expect(approved.refundReference).toMatch(/^re_/);
    expect(approved.refund?.issue).toMatchObject({
      mode: "stripe",
      status: "issued",
      reference: approved.refundReference,
    });

    const calls = fake.requests.filter((r) => r.path === "/v1/refunds");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "POST", status: 200, idempotencyKey: returnId });
    const form = new URLSearchParams(calls[0]!.body);
    expect(form.get("payment_intent")).toBe("pi_RetGb1");
    expect(form.get("amount")).toBe("12800");
    expect(form.get("metadata[rma]")).toBe("RMA-RET-GB-1-1");
    expect(fake.stripe.refunds()).toEqual([expect.objectContaining({ id: approved.refundReference, amount: 12_800 })]);
    expect(notices).toContainEqual(expect.objectContaining({ event: "refund_issued", returnId }));

    expect((await as(mia, "POST", `/app/returns/${returnId}/approve-refund`)).status).toBe(409);
    const actions = (await withTenant(t.db, tenantId, (tx) => auditTrail(tx, "return", returnId))).map((a) => [
      a.action,
      a.actor,
    ]);
    expect(actions.reverse()).toEqual([
      ["return.requested", expect.stringMatching(/^shopper:/)],
      ["return.approved", "system:return-policy"],
      ["return.received", expect.stringMatching(/^user:/)],
      ["return.refund_requested", actions[2]![1]],
      ["return.refund_approved", expect.not.stringMatching(new RegExp(`^${actions[2]![1]}$`))],
      ["return.refunded", expect.any(String)],
    ]);
  });
});

describe("refunds that cannot go through Stripe from here", () => {
  it("flags a channel-paid refund for the channel, and records it once made there", async () => {
    const placed = await deliveredOrder({
      externalId: "RET-DE-AMZ",
      currency: "EUR",
      country: "DE",
      city: "Berlin",
      postalCode: "10115",
      lines: [{ sku: "TEE-RED-M", quantity: 1, unitPrice: 2500 }],
      shippingPaid: 0,
      payment: { provider: "channel", reference: "302-1234567-7654321", status: "paid" },
    });
    const res = await shopper("POST", `/app/portal/orders/${placed.token}/returns`, {
      lines: [{ sku: "TEE-RED-M", quantity: 1, reason: "changed_mind" }],
    });
    expect(res.status).toBe(201);
    const created = await json<{ id: string; documents: unknown[]; labelUrl: string }>(res);
    // Berlin back to the Frankfurt hub: no customs border, no customs papers.
    expect(created.documents).toEqual([]);
    expect((await shopper("GET", created.labelUrl)).status).toBe(200);

    const received = await json<ReturnView>(
      await as(lukas, "POST", `/app/returns/${created.id}/receive`, {
        lines: [{ sku: "TEE-RED-M", receivedQuantity: 1, condition: "as_new" }],
      }),
    );
    // The shopper changed their mind: the return label (EUR 5.95) is theirs to pay.
    expect(received.refund).toMatchObject({ linesTotal: 2500, returnShippingDeduction: 595, total: 1905 });
    const before = fake.requests.length;
    const flagged = await json<ReturnView>(await as(lukas, "POST", `/app/returns/${created.id}/refund`));
    expect(flagged.status).toBe("received");
    expect(flagged.refund?.issue).toMatchObject({ mode: "channel", status: "flagged" });
    expect(flagged.refund?.issue?.reason).toMatch(
      /^Flagged for the channel: the payment was taken by the sales channel \(api\)/,
    );
    expect(flagged.can.markRefunded).toBe(true);
    expect(fake.requests.length).toBe(before);
    expect(notices.filter((n) => n.returnId === created.id && n.event === "refund_issued")).toEqual([]);

    expect((await as(lukas, "POST", `/app/returns/${created.id}/mark-refunded`, {})).status).toBe(400);
    const done = await json<ReturnView>(
      await as(lukas, "POST", `/app/returns/${created.id}/mark-refunded`, { reference: "AMZ-REFUND-77" }),
    );
    expect(done).toMatchObject({ status: "refunded", refundReference: "AMZ-REFUND-77" });
    expect(notices).toContainEqual(expect.objectContaining({ event: "refund_issued", returnId: created.id }));
  });

  it("flags a Stripe refund as 'Stripe not connected' without a key, never pretending", async () => {
    const placed = await deliveredOrder({
      externalId: "RET-DE-NOKEY",
      currency: "EUR",
      country: "DE",
      city: "Hamburg",
      postalCode: "20095",
      lines: [{ sku: "CAP-NVY", quantity: 1, unitPrice: 1800 }],
      shippingPaid: 400,
      payment: { provider: "stripe", reference: "pi_NoKey", status: "paid" },
    });
    const created = await json<{ id: string }>(
      await as(null, "POST", `/app/portal/orders/${placed.token}/returns`, {
        lines: [{ sku: "CAP-NVY", quantity: 1, reason: "not_as_described" }],
      }),
    );
    await as(lukas, "POST", `/app/returns/${created.id}/receive`, {
      lines: [{ sku: "CAP-NVY", receivedQuantity: 1, condition: "opened" }],
    });
    const flagged = await json<ReturnView>(
      await as(lukas, "POST", `/app/returns/${created.id}/refund`, undefined, stripeless),
    );
    expect(flagged.refundAmount).toBe(2200);
    expect(flagged.refund?.issue).toMatchObject({ mode: "stripe", status: "flagged" });
    expect(flagged.refund?.issue?.reason).toMatch(/^Stripe not connected/);
    expect(flagged.refundReference).toBeNull();

    // Connected later: the same approved refund goes out on the next try.
    fake.stripe.put(stripePaymentIntentPayload({ id: "pi_NoKey", amount: 2200, currency: "eur", status: "succeeded" }));
    const issued = await json<ReturnView>(await as(lukas, "POST", `/app/returns/${created.id}/refund`));
    expect(issued.status).toBe("refunded");
    expect(fake.requests.filter((r) => r.idempotencyKey === created.id)).toHaveLength(1);
  });
});

describe("staff review and access", () => {
  it("leaves requests for staff when the policy does not auto-approve; rejecting needs a reason", async () => {
    expect((await as(mia, "PUT", "/app/returns-policy", { autoApprove: false })).status).toBe(200);
    const placed = await deliveredOrder({
      externalId: "RET-REVIEW",
      currency: "EUR",
      country: "FR",
      city: "Paris",
      postalCode: "75001",
      lines: [{ sku: "TEE-BLK-L", quantity: 2, unitPrice: 2000 }],
      shippingPaid: 0,
      payment: { provider: "stripe", reference: "pi_Review", status: "paid" },
    });
    const first = await json<{ id: string; status: string; labelUrl: string | null }>(
      await shopper("POST", `/app/portal/orders/${placed.token}/returns`, {
        lines: [{ sku: "TEE-BLK-L", quantity: 1, reason: "wrong_size" }],
      }),
    );
    expect(first).toMatchObject({ status: "requested", labelUrl: null });
    expect((await as(lukas, "POST", `/app/returns/${first.id}/reject`, {})).status).toBe(400);
    const rejected = await json<ReturnView>(
      await as(lukas, "POST", `/app/returns/${first.id}/reject`, { reason: "Worn, tags removed" }),
    );
    expect(rejected.status).toBe("rejected");
    const second = await json<{ id: string; rma: string }>(
      await shopper("POST", `/app/portal/orders/${placed.token}/returns`, {
        lines: [{ sku: "TEE-BLK-L", quantity: 2, reason: "wrong_size" }],
      }),
    );
    expect(second.rma).toBe("RMA-RET-REVIEW-2");
    const approved = await json<ReturnView>(await as(mia, "POST", `/app/returns/${second.id}/approve`));
    expect(approved.status).toBe("approved");
    expect(approved.documents.map((d) => d.kind)).toContain("return_label");
    expect((await as(mia, "POST", `/app/returns/${second.id}/approve`)).status).toBe(409);
    expect(
      (
        await shopper("POST", `/app/portal/orders/${placed.token}/returns`, {
          lines: [{ sku: "TEE-BLK-L", quantity: 1, reason: "wrong_size" }],
        })
      ).status,
    ).toBe(409);
    await as(mia, "PUT", "/app/returns-policy", { autoApprove: true });
  });

  it("answers 401 without a session and 404 for another tenant's return", async () => {
    expect((await as(null, "GET", "/app/returns")).status).toBe(401);
    const other = await createTenantWithKey(t.db, { name: "Other shop" });
    const foreignId = newId("ret");
    await withTenant(t.db, other.tenantId, (tx) =>
      insertReturn(tx, {
        id: foreignId,
        tenantId: other.tenantId,
        orderId: "ord_elsewhere",
        rma: "RMA-X-1",
        lines: [],
        currency: "EUR",
        shippingPaidBy: "customer",
        requestedBy: "shopper:x@example.com",
      }),
    );
    expect((await as(mia, "GET", `/app/returns/${foreignId}`)).status).toBe(404);
    expect((await as(mia, "POST", `/app/returns/${foreignId}/approve`)).status).toBe(404);
  });
});
