import { auditTrail, getProductBySku, withTenant } from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { type CrossflowEvent, createFunctions, createPipelineRuntime, type PipelineRuntime } from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemo } from "../src/cli/commands/seed-demo";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json } from "./harness";

// The console's catalog on the real PostgreSQL: the demo tenant's products with their customs
// issues, HS suggestions, one-click accept, edits with field errors, roles and tenancy.

let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
let demo: { tenantId: string; apiKey: string };
type DevUser = { id: string; kind: string; role: string | null };
let users: DevUser[];

interface Issue {
  field: string;
  code: string;
  message: string;
}
interface CatalogItem {
  sku: string;
  hsCode: string | null;
  hsCodeFormatted: string | null;
  originCountry: string | null;
  customsDescription: string | null;
  customsValue: number | null;
  weightGrams: number | null;
  dimensionsMm: { length: number; width: number; height: number } | null;
  issues: Issue[];
  stock: { onHand: number; available: number } | null;
}
interface ProductView {
  product: CatalogItem;
  hs: { valid: boolean; headingText: string | null } | null;
  suggestions: Array<{
    hsCode: string;
    headingText: string | null;
    matchedWords: string[];
    acceptable: boolean;
    subheadings: Array<{ hsCode: string; description: string }>;
  }>;
  heldOrders: { count: number; orders: Array<{ id: string; externalId: string }> };
}
interface ErrorEnvelope {
  error: { code: string; message: string; details: Array<{ path: string; message: string }> };
}

async function signIn(role: "owner" | "operator" | "viewer"): Promise<string> {
  const user = users.find((u) => u.kind === "merchant" && u.role === role)!;
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: user.id }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function send(cookie: string, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_catalog");
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50 },
  });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  app = createApp({ db: t.db, events, sessionSecret: "s", clerk: null }, { inngest: runtime.handler });
  appFetch = (r) => app.fetch(r);
  const seeded = await seedDemo(t.db, events, { orders: 3 });
  if (!seeded.created) throw new Error("the demo tenant already existed in a fresh database");
  demo = { tenantId: seeded.tenantId, apiKey: seeded.apiKey };
  await runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });
  users = (await json<{ users: DevUser[] }>(await app.request("/app/dev/users"))).users;
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("catalog list", () => {
  it("needs a merchant session", async () => {
    expect((await app.request("/app/products")).status).toBe(401);
    expect((await app.request("/app/products/TEE-RED-M")).status).toBe(401);
  });

  it("lists the demo catalog customs-ready, with stock, in SKU order and pages with a cursor", async () => {
    const cookie = await signIn("viewer");
    const all = await json<{ data: CatalogItem[]; nextCursor: string | null; summary: { total: number } }>(
      await send(cookie, "GET", "/app/products"),
    );
    expect(all.data.length).toBeGreaterThanOrEqual(8);
    expect(all.summary.total).toBe(all.data.length);
    const skus = all.data.map((p) => p.sku);
    expect(skus).toEqual([...skus].sort());
    const tee = all.data.find((p) => p.sku === "TEE-RED-M")!;
    expect(tee).toMatchObject({ hsCode: "610910", hsCodeFormatted: "6109.10", issues: [] });
    expect(tee.stock?.onHand).toBeGreaterThan(0);

    const first = await json<{ data: CatalogItem[]; nextCursor: string | null }>(
      await send(cookie, "GET", "/app/products?limit=3"),
    );
    expect(first.data.map((p) => p.sku)).toEqual(skus.slice(0, 3));
    expect(first.nextCursor).not.toBeNull();
    const second = await json<{ data: CatalogItem[] }>(
      await send(cookie, "GET", `/app/products?limit=3&cursor=${first.nextCursor}`),
    );
    expect(second.data.map((p) => p.sku)).toEqual(skus.slice(3, 6));

    const search = await json<{ data: CatalogItem[] }>(await send(cookie, "GET", "/app/products?q=t-shirt"));
    expect(search.data.map((p) => p.sku).sort()).toEqual(["TEE-BLK-L", "TEE-RED-M"]);
    const byCode = await json<{ data: CatalogItem[] }>(await send(cookie, "GET", "/app/products?q=6109.10"));
    expect(byCode.data.map((p) => p.sku).sort()).toEqual(["TEE-BLK-L", "TEE-RED-M"]);
  });

  it("filters to the products with customs issues, each issue naming its field", async () => {
    const owner = await signIn("owner");
    const cleared = await send(owner, "PATCH", "/app/products/MUG-CER", { hsCode: null, customsValue: null });
    expect(cleared.status).toBe(200);
    const list = await json<{ data: CatalogItem[]; summary: { total: number; withIssues: number } }>(
      await send(owner, "GET", "/app/products?issues=1"),
    );
    expect(list.data.map((p) => p.sku)).toEqual(["MUG-CER"]);
    expect(list.data[0]!.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      "hsCode:hs_code_missing",
      "customsValue:value_missing",
    ]);
    expect(list.summary.withIssues).toBe(1);
    const restored = await send(owner, "PATCH", "/app/products/MUG-CER", { hsCode: "6912.00", customsValue: 350 });
    expect((await json<ProductView>(restored)).product).toMatchObject({ hsCode: "691200", issues: [] });
    const none = await json<{ data: CatalogItem[] }>(await send(owner, "GET", "/app/products?issues=1"));
    expect(none.data).toEqual([]);
  });

  it("refuses a limit out of range with the field", async () => {
    const res = await send(await signIn("viewer"), "GET", "/app/products?limit=0");
    expect(res.status).toBe(400);
    expect((await json<ErrorEnvelope>(res)).error.details[0]?.path).toBe("limit");
  });
});

describe("product page", () => {
  it("suggests 6109 for a T-shirt, with the words that matched", async () => {
    const view = await json<ProductView>(await send(await signIn("viewer"), "GET", "/app/products/TEE-RED-M"));
    expect(view.product.sku).toBe("TEE-RED-M");
    expect(view.hs).toMatchObject({ valid: true });
    expect(view.suggestions.length).toBeGreaterThan(0);
    expect(view.suggestions.length).toBeLessThanOrEqual(5);
    const tee = view.suggestions.find((s) => s.hsCode.startsWith("6109"))!;
    expect(tee).toBeDefined();
    expect(tee.matchedWords.map((w) => w.toLowerCase()).join(" ")).toMatch(/t-?shirt|cotton/);
    expect(tee.headingText).toMatch(/T-shirts/i);
    expect(view.heldOrders.count).toBe(0);
    const countries = (view as ProductView & { countries: string[] }).countries;
    expect(countries).toContain("CN");
    expect(countries).not.toContain("XX");
    expect(countries.length).toBeGreaterThan(240);
  });

  it("accepts a suggested six-digit code with one click and audits the matched words", async () => {
    const operator = await signIn("operator");
    const cleared = await json<ProductView>(await send(operator, "PATCH", "/app/products/TEE-BLK-L", { hsCode: null }));
    expect(cleared.product.issues.map((i) => i.code)).toEqual(["hs_code_missing"]);
    const top = cleared.suggestions[0]!;
    expect(top).toMatchObject({ hsCode: "610910", acceptable: true, subheadings: [] });
    const res = await send(operator, "POST", "/app/products/TEE-BLK-L/accept-suggestion", { hsCode: "6109.10" });
    expect(res.status).toBe(200);
    const view = await json<ProductView>(res);
    expect(view.product).toMatchObject({ hsCode: "610910", issues: [] });
    const trail = await withTenant(t.db, demo.tenantId, async (tx) => {
      const product = await getProductBySku(tx, "TEE-BLK-L");
      return auditTrail(tx, "product", product!.id);
    });
    expect(trail.map((row) => row.action).slice(0, 2)).toEqual(["product.hs_code_accepted", "product.customs_updated"]);
    expect(trail[0]!.after).toMatchObject({ hsCode: "610910", matchedWords: top.matchedWords });
    expect(top.matchedWords.length).toBeGreaterThan(0);
  });

  it("another tenant's SKU is a 404, for reading and for writing", async () => {
    const other = await createTenantWithKey(t.db, { name: "Other Shop" });
    const created = await app.request("/v1/products", {
      method: "POST",
      headers: { authorization: `Bearer ${other.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ sku: "OTHER-LAMP", title: "Desk lamp", currency: "EUR" }),
    });
    expect(created.status).toBe(201);
    const owner = await signIn("owner");
    expect((await send(owner, "GET", "/app/products/OTHER-LAMP")).status).toBe(404);
    expect((await send(owner, "PATCH", "/app/products/OTHER-LAMP", { hsCode: "940520" })).status).toBe(404);
    expect((await send(owner, "POST", "/app/products/OTHER-LAMP/accept-suggestion", { hsCode: "940520" })).status).toBe(
      404,
    );
    const list = await json<{ data: CatalogItem[] }>(await send(owner, "GET", "/app/products?q=OTHER"));
    expect(list.data).toEqual([]);
  });
});

describe("editing the customs profile", () => {
  it("lets a viewer read but not change the catalog", async () => {
    const viewer = await signIn("viewer");
    const res = await send(viewer, "PATCH", "/app/products/CAP-NVY", { hsCode: "650500" });
    expect(res.status).toBe(403);
    const accept = await send(viewer, "POST", "/app/products/CAP-NVY/accept-suggestion", { hsCode: "650500" });
    expect(accept.status).toBe(403);
  });

  it("refuses an invalid HS code with the field and the reason", async () => {
    const operator = await signIn("operator");
    const res = await send(operator, "PATCH", "/app/products/CAP-NVY", { hsCode: "9999.99" });
    expect(res.status).toBe(400);
    const body = await json<ErrorEnvelope>(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([{ path: "hsCode", message: expect.stringMatching(/Chapter 99/) }]);
    const short = await json<ErrorEnvelope>(await send(operator, "PATCH", "/app/products/CAP-NVY", { hsCode: "6505" }));
    expect(short.error.details[0]).toMatchObject({ path: "hsCode", message: expect.stringMatching(/6-digit/) });
    const product = await withTenant(t.db, demo.tenantId, (tx) => getProductBySku(tx, "CAP-NVY"));
    expect(product?.hsCode).toBe("650500");
  });

  it("refuses a generic customs description, and names bad fields all at once", async () => {
    const operator = await signIn("operator");
    const res = await send(operator, "PATCH", "/app/products/CAP-NVY", {
      customsDescription: "Gift",
      originCountry: "XX",
      weightGrams: -5,
    });
    expect(res.status).toBe(400);
    const paths = (await json<ErrorEnvelope>(res)).error.details.map((d) => d.path);
    expect(paths).toEqual(["weightGrams"]);
    const generic = await json<ErrorEnvelope>(
      await send(operator, "PATCH", "/app/products/CAP-NVY", { customsDescription: "Gift", originCountry: "XX" }),
    );
    expect(generic.error.details.map((d) => d.path).sort()).toEqual(["customsDescription", "originCountry"]);
    expect(generic.error.details.find((d) => d.path === "customsDescription")?.message).toMatch(/too vague/);
    const empty = await send(operator, "PATCH", "/app/products/CAP-NVY", {});
    expect(empty.status).toBe(400);
    const unknownField = await json<ErrorEnvelope>(
      await send(operator, "PATCH", "/app/products/CAP-NVY", { title: "Renamed" }),
    );
    expect(unknownField.error.code).toBe("validation_failed");
  });

  it("stores a valid edit normalized and audits it with before and after", async () => {
    const operator = await signIn("operator");
    const res = await send(operator, "PATCH", "/app/products/CAP-NVY", {
      hsCode: "6505.00.90",
      originCountry: "vn",
      customsDescription: "Cotton twill baseball cap",
      customsValue: 500,
      weightGrams: 120,
      dimensionsMm: { length: 270, width: 200, height: 120 },
    });
    expect(res.status).toBe(200);
    const view = await json<ProductView>(res);
    expect(view.product).toMatchObject({
      hsCode: "65050090",
      hsCodeFormatted: "6505.00.90",
      originCountry: "VN",
      customsDescription: "Cotton twill baseball cap",
      customsValue: 500,
      weightGrams: 120,
      dimensionsMm: { length: 270, width: 200, height: 120 },
      issues: [],
    });
    const trail = await withTenant(t.db, demo.tenantId, async (tx) => {
      const product = await getProductBySku(tx, "CAP-NVY");
      return auditTrail(tx, "product", product!.id);
    });
    expect(trail[0]).toMatchObject({
      action: "product.customs_updated",
      before: expect.objectContaining({ hsCode: "650500", originCountry: "CN" }),
      after: expect.objectContaining({ hsCode: "65050090", originCountry: "VN" }),
    });
    expect(trail[0]!.actor).toContain("usr_");
  });
});

describe("one-click accept and the orders waiting for it", () => {
  it("a held order names the SKU; accepting a suggestion completes the product and the order can be retried", async () => {
    const owner = await signIn("owner");
    const cleared = await json<ProductView>(
      await send(owner, "PATCH", "/app/products/CABLE-USBC", { hsCode: "", customsDescription: "" }),
    );
    expect(cleared.product.issues.map((i) => i.field)).toEqual(["hsCode", "customsDescription"]);

    // An order to Tokyo ships from Shenzhen: it crosses a border, so the customs gate holds it.
    const order = await app.request("/v1/orders", {
      method: "POST",
      headers: { authorization: `Bearer ${demo.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        externalId: "CAT-1",
        currency: "JPY",
        customer: { email: "haruto.sato@example.jp", name: "Haruto Sato", phone: "+81312345678", locale: "ja" },
        shippingAddress: {
          name: "Haruto Sato",
          line1: "1-1 Marunouchi",
          city: "Chiyoda-ku, Tokyo",
          postalCode: "100-0005",
          country: "JP",
          phone: "+81312345678",
        },
        lines: [{ sku: "CABLE-USBC", quantity: 1, unitPrice: 1800 }],
        shippingPaid: 0,
        payment: { provider: "stripe", reference: "pi_cat_1", status: "paid" },
      }),
    });
    expect(order.status).toBe(202);
    const orderId = (await json<{ id: string }>(order)).id;
    await runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });
    const held = await json<{ status: string; holds: Array<{ code: string; message: string }> }>(
      await send(owner, "GET", `/app/orders/${orderId}`),
    );
    expect(held.status).toBe("on_hold");
    expect(held.holds.map((h) => h.code)).toContain("customs_data_missing");

    const view = await json<ProductView>(await send(owner, "GET", "/app/products/CABLE-USBC"));
    expect(view.heldOrders.count).toBe(1);
    expect(view.heldOrders.orders[0]).toMatchObject({ id: orderId, externalId: "CAT-1" });
    // Other SKUs are not blamed for this order.
    expect((await json<ProductView>(await send(owner, "GET", "/app/products/TEE-RED-M"))).heldOrders.count).toBe(0);

    // "cable" points to heading 85.44 only: not a code customs takes, so its subheadings are offered.
    const heading = view.suggestions.find((s) => s.hsCode === "8544")!;
    expect(heading, JSON.stringify(view.suggestions)).toMatchObject({ acceptable: false, matchedWords: ["cable"] });
    const usb = heading.subheadings.find((s) => s.hsCode === "854442");
    expect(usb?.description).toMatch(/USB/);
    const headingOnly = await send(owner, "POST", "/app/products/CABLE-USBC/accept-suggestion", { hsCode: "8544" });
    expect(headingOnly.status).toBe(400);
    expect((await json<ErrorEnvelope>(headingOnly)).error.details[0]).toMatchObject({
      path: "hsCode",
      message: expect.stringMatching(/6-digit/),
    });
    const notOffered = await send(owner, "POST", "/app/products/CABLE-USBC/accept-suggestion", { hsCode: "610910" });
    expect(notOffered.status).toBe(400);
    expect((await json<ErrorEnvelope>(notOffered)).error.details[0]?.path).toBe("hsCode");
    const cable = { hsCode: "854442", matchedWords: heading.matchedWords };

    const accepted = await send(owner, "POST", "/app/products/CABLE-USBC/accept-suggestion", {
      hsCode: cable.hsCode,
    });
    expect(accepted.status).toBe(200);
    const after = await json<ProductView>(accepted);
    expect(after.product.hsCode).toBe(cable.hsCode);
    expect(after.product.issues.map((i) => i.field)).toEqual(["customsDescription"]);
    const trail = await withTenant(t.db, demo.tenantId, async (tx) => {
      const product = await getProductBySku(tx, "CABLE-USBC");
      return auditTrail(tx, "product", product!.id);
    });
    expect(trail[0]).toMatchObject({
      action: "product.hs_code_accepted",
      before: { hsCode: null },
      after: { hsCode: "854442", suggested: "8544", matchedWords: ["cable"] },
    });

    const described = await json<ProductView>(
      await send(owner, "PATCH", "/app/products/CABLE-USBC", {
        customsDescription: "Insulated electric cable with connectors",
      }),
    );
    expect(described.product.issues).toEqual([]);

    // The retry from the exception queue: the document step runs again with the fixed product.
    const released = await send(owner, "POST", `/app/orders/${orderId}/release`, {});
    expect(released.status).toBe(200);
    await runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });
    const retried = await json<{ status: string; holds: Array<{ code: string }> }>(
      await send(owner, "GET", `/app/orders/${orderId}`),
    );
    expect(retried.holds.map((h) => h.code)).not.toContain("customs_data_missing");
    expect((await json<ProductView>(await send(owner, "GET", "/app/products/CABLE-USBC"))).heldOrders.count).toBe(0);
  });
});
