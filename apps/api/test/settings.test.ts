import { addMember, auditTrail, createUser, withTenant } from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { DEFAULT_HIGH_VALUE_THRESHOLDS, RISK_SIGNAL_CODES } from "@crossflow/domain";
import { type CrossflowEvent, createFunctions, createPipelineRuntime, type PipelineRuntime } from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

// The settings page's backend: the tenant's risk screening config and payment policy, read by
// all staff, changed by owners and admins, and obeyed by the pipeline.

type Role = "owner" | "admin" | "operator" | "viewer";
type ErrorBody = { error: { code: string; details: Array<{ path: string; message: string }> } };
type Settings = {
  risk: {
    denyList: { emails: string[]; addresses: string[]; ips: string[] };
    highRiskDestinations: string[];
    highValueThresholds: Record<string, number>;
    velocity: { email: { maxOrders: number; windowMinutes: number } };
    weights: Record<string, number>;
    reviewThreshold: number;
    ignoreMismatchWithinEu: boolean;
  };
  payment: {
    unpaidHoldAfterMinutes: number;
    amountToleranceMinor: number;
    acceptAuthorized: boolean;
    requireVerification: boolean;
  };
  signals: string[];
  defaults: { risk: Settings["risk"]; payment: Settings["payment"] };
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
};
type Order = {
  id: string;
  status: string;
  holds: Array<{ code: string; message: string }>;
  decisions: Array<{ kind: string; reason: string; outcome: Record<string, unknown> }>;
};

let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
let tenantA: { tenantId: string; apiKey: string };
const cookies = {} as Record<Role | "otherOwner", string>;

async function signIn(userId: string): Promise<string> {
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function member(tenantId: string, role: Role, email: string): Promise<string> {
  const user = await createUser(t.db, { email, name: `${role} ${email.split("@")[1]}` });
  await withTenant(t.db, tenantId, (tx) => addMember(tx, { tenantId, userId: user.id, role }));
  return signIn(user.id);
}

const request = (method: string, path: string, cookie: string | null, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

const v1 = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${tenantA.apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

const settle = () => runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });

async function placeOrder(order: ReturnType<typeof sampleOrder>): Promise<Order> {
  const created = await v1("POST", "/v1/orders", order);
  expect(created.status).toBe(202);
  const { id } = await json<{ id: string }>(created);
  await settle();
  return json<Order>(await v1("GET", `/v1/orders/${id}`));
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_settings");
  let appFetch: (r: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  runtime = createPipelineRuntime({
    db: t.db,
    functions: createFunctions(t.db),
    fetch: async (r) => appFetch(r),
    executor: { pollIntervalMs: 50, backoff: () => 100 },
  });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  app = createApp({ db: t.db, events, sessionSecret: "s", clerk: null }, { inngest: runtime.handler });
  appFetch = (r) => app.fetch(r);

  tenantA = await createTenantWithKey(t.db, { name: "Settings A" });
  const tenantB = await createTenantWithKey(t.db, { name: "Settings B" });
  for (const role of ["owner", "admin", "operator", "viewer"] as const)
    cookies[role] = await member(tenantA.tenantId, role, `${role}@settings-a.test`);
  cookies.otherOwner = await member(tenantB.tenantId, "owner", "owner@settings-b.test");

  await v1("POST", "/v1/products", sampleProduct("TEE-RED-M"));
  const warehouse = await json<{ id: string }>(await v1("POST", "/v1/warehouses", sampleWarehouse("SZX1")));
  await v1("POST", "/v1/inventory/adjustments", {
    sku: "TEE-RED-M",
    warehouseId: warehouse.id,
    delta: 100,
    reason: "receipt",
  });
});

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("GET /app/settings", () => {
  it("shows a tenant that changed nothing the defaults, filled in completely", async () => {
    const res = await request("GET", "/app/settings", cookies.otherOwner);
    expect(res.status).toBe(200);
    const body = await json<Settings>(res);
    expect(body.risk).toEqual(body.defaults.risk);
    expect(body.risk.highRiskDestinations).toEqual(["CU", "IR", "KP", "SY"]);
    expect(body.risk.highValueThresholds).toEqual(DEFAULT_HIGH_VALUE_THRESHOLDS);
    expect(body.risk.reviewThreshold).toBe(50);
    expect(Object.keys(body.risk.weights).sort()).toEqual([...RISK_SIGNAL_CODES].sort());
    expect(body.payment).toEqual({
      unpaidHoldAfterMinutes: 60,
      amountToleranceMinor: 0,
      acceptAuthorized: true,
      requireVerification: false,
    });
    expect(body.signals).toEqual([...RISK_SIGNAL_CODES]);
    expect(body).toMatchObject({ updatedBy: null, updatedAt: null });
  });

  it("lets every role of the tenant read, and nobody without a session", async () => {
    for (const role of ["owner", "admin", "operator", "viewer"] as const)
      expect((await request("GET", "/app/settings", cookies[role])).status, role).toBe(200);
    expect((await request("GET", "/app/settings", null)).status).toBe(401);
    expect((await request("GET", "/app/settings", "cf_session=forged.value")).status).toBe(401);
  });
});

describe("PUT /app/settings/risk and /payment", () => {
  it("round-trips a risk config, normalized, and records who changed it in the audit log", async () => {
    const res = await request("PUT", "/app/settings/risk", cookies.owner, {
      denyList: {
        emails: ["  Fraud@Example.COM "],
        addresses: [{ line1: "Hauptstraße 5", postalCode: "10115", city: "Berlin", country: "de" }],
        ips: ["203.0.113.0/24"],
      },
      highRiskDestinations: ["ru", "CU"],
      highValueThresholds: { EUR: 250_000, JPY: 300_000 },
      velocity: { email: { maxOrders: 3, windowMinutes: 60 } },
      weights: { billing_shipping_mismatch: 0 },
      reviewThreshold: 70,
    });
    expect(res.status).toBe(200);
    const saved = await json<Settings>(res);
    expect(saved.risk.denyList.emails).toEqual(["fraud@example.com"]);
    expect(saved.risk.denyList.addresses).toHaveLength(1);
    expect(saved.risk.denyList.addresses[0]).toMatch(/^DE\|10115\|/);
    expect(saved.risk.highRiskDestinations).toEqual(["RU", "CU"]);
    // A thresholds map is the whole map: currencies left out are not value-checked.
    expect(saved.risk.highValueThresholds).toEqual({ EUR: 250_000, JPY: 300_000 });
    expect(saved.risk.velocity).toMatchObject({ email: { maxOrders: 3, windowMinutes: 60 } });
    expect(saved.risk.weights.billing_shipping_mismatch).toBe(0);
    expect(saved.risk.weights.deny_list_email).toBe(100);
    expect(saved.risk.reviewThreshold).toBe(70);
    expect(saved.risk.ignoreMismatchWithinEu).toBe(true);
    expect(saved.updatedBy).toMatch(/^user:usr_/);
    expect(saved.updatedByName).toBe("owner settings-a.test");
    expect(Date.parse(saved.updatedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);

    const read = await json<Settings>(await request("GET", "/app/settings", cookies.viewer));
    expect(read.risk).toEqual(saved.risk);
    expect(read.updatedByName).toBe("owner settings-a.test");

    const trail = await withTenant(t.db, tenantA.tenantId, (tx) => auditTrail(tx, "tenant_settings", tenantA.tenantId));
    const entry = trail.find((row) => row.action === "settings.risk_updated");
    expect(entry).toMatchObject({ actor: saved.updatedBy, before: {} });
    // Stored: the normalized input, only the sections that were sent.
    expect(entry?.after).toMatchObject({ reviewThreshold: 70, highRiskDestinations: ["RU", "CU"] });
    expect(Object.keys(entry?.after as object).sort()).toEqual(
      ["denyList", "highRiskDestinations", "highValueThresholds", "reviewThreshold", "velocity", "weights"].sort(),
    );
  });

  it("round-trips a payment policy without touching the risk config, and audits it", async () => {
    const before = await json<Settings>(await request("GET", "/app/settings", cookies.admin));
    const res = await request("PUT", "/app/settings/payment", cookies.admin, {
      unpaidHoldAfterMinutes: 240,
      amountToleranceMinor: 5,
      acceptAuthorized: false,
    });
    expect(res.status).toBe(200);
    const saved = await json<Settings>(res);
    expect(saved.payment).toEqual({
      unpaidHoldAfterMinutes: 240,
      amountToleranceMinor: 5,
      acceptAuthorized: false,
      requireVerification: false,
    });
    expect(saved.risk).toEqual(before.risk);
    expect(saved.updatedByName).toBe("admin settings-a.test");
    const trail = await withTenant(t.db, tenantA.tenantId, (tx) => auditTrail(tx, "tenant_settings", tenantA.tenantId));
    expect(trail.find((row) => row.action === "settings.payment_updated")).toMatchObject({
      before: {},
      after: { unpaidHoldAfterMinutes: 240, amountToleranceMinor: 5, acceptAuthorized: false },
    });
    // Back to the defaults for the pipeline tests below.
    expect((await request("PUT", "/app/settings/payment", cookies.owner, {})).status).toBe(200);
  });

  it("stores the customer e-mail branding and events switched off, naming bad fields", async () => {
    const bad = await request("PUT", "/app/settings/notifications", cookies.owner, {
      brand: { color: "blue", replyTo: "nope" },
      disabled: ["sms"],
    });
    expect(bad.status).toBe(400);
    const paths = (await json<{ error: { details: Array<{ path: string }> } }>(bad)).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["brand.color", "brand.replyTo", "disabled.0"]));
    expect((await request("PUT", "/app/settings/notifications", cookies.operator, { disabled: [] })).status).toBe(403);
    const res = await request("PUT", "/app/settings/notifications", cookies.owner, {
      brand: { name: "Northwind", senderName: "Northwind Orders", color: "#0f766e" },
      disabled: ["out_for_delivery"],
    });
    expect(res.status).toBe(200);
    expect((await json<{ notifications: unknown }>(res)).notifications).toEqual({
      brand: { name: "Northwind", senderName: "Northwind Orders", color: "#0f766e" },
      disabled: ["out_for_delivery"],
    });
    expect((await request("PUT", "/app/settings/notifications", cookies.owner, {})).status).toBe(200);
  });

  it("rejects invalid input with the field at fault and changes nothing", async () => {
    const before = await json<Settings>(await request("GET", "/app/settings", cookies.owner));
    const cases: Array<[string, unknown, string]> = [
      ["risk", { highRiskDestinations: ["XX"] }, "highRiskDestinations.0"],
      ["risk", { velocity: { email: { maxOrders: 0 } } }, "velocity.email.maxOrders"],
      ["risk", { denyList: { ips: ["10.0.0.0/99"] } }, "denyList.ips.0"],
      ["risk", { highValueThresholds: { EUR: 10.5 } }, "highValueThresholds.EUR"],
      ["risk", { firstOrderThresholds: { XYZ: 1000 } }, "firstOrderThresholds.XYZ"],
      ["risk", { reviewThreshold: 0 }, "reviewThreshold"],
      ["risk", { weights: { high_value: -1 } }, "weights.high_value"],
      ["payment", { unpaidHoldAfterMinutes: 0 }, "unpaidHoldAfterMinutes"],
      ["payment", { unpaidHoldAfterMinutes: 10_081 }, "unpaidHoldAfterMinutes"],
      ["payment", { amountToleranceMinor: -1 }, "amountToleranceMinor"],
      ["payment", { requireVerification: "yes" }, "requireVerification"],
    ];
    for (const [section, body, path] of cases) {
      const res = await request("PUT", `/app/settings/${section}`, cookies.owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await json<ErrorBody>(res)).error;
      expect(error.code).toBe("validation_failed");
      expect(error.details.map((d) => d.path)).toEqual([path]);
    }
    for (const raw of ["[]", "not json", "null"]) {
      const res = await request("PUT", "/app/settings/risk", cookies.owner, raw);
      expect(res.status, raw).toBe(400);
      expect((await json<ErrorBody>(res)).error.details[0]?.path).toBe("(body)");
    }
    const after = await json<Settings>(await request("GET", "/app/settings", cookies.owner));
    expect(after).toEqual(before);
  });

  it("lets only owners and admins change settings", async () => {
    for (const role of ["viewer", "operator"] as const) {
      for (const section of ["risk", "payment"]) {
        const res = await request("PUT", `/app/settings/${section}`, cookies[role], { reviewThreshold: 999 });
        expect(res.status, `${role} ${section}`).toBe(403);
        expect((await json<ErrorBody>(res)).error.code).toBe("forbidden");
      }
    }
    expect((await request("PUT", "/app/settings/risk", null, { reviewThreshold: 999 })).status).toBe(401);
    const read = await json<Settings>(await request("GET", "/app/settings", cookies.owner));
    expect(read.risk.reviewThreshold).toBe(70);
  });

  it("keeps each tenant's settings to itself", async () => {
    const other = await json<Settings>(await request("GET", "/app/settings", cookies.otherOwner));
    expect(other.risk.denyList.emails).toEqual([]);
    expect(other.risk.reviewThreshold).toBe(50);
    expect(other.updatedBy).toBeNull();

    expect(
      (await request("PUT", "/app/settings/risk", cookies.otherOwner, { denyList: { emails: ["b@b.test"] } })).status,
    ).toBe(200);
    const mine = await json<Settings>(await request("GET", "/app/settings", cookies.owner));
    expect(mine.risk.denyList.emails).toEqual(["fraud@example.com"]);
    expect(mine.updatedByName).toBe("owner settings-a.test");
  });
});

describe("the pipeline obeys the settings", () => {
  it("holds a new order from an email the owner put on the deny list, with the reason", async () => {
    const buyer = "repeat.offender@example.de";
    const clean = await placeOrder({
      ...sampleOrder("DENY-0"),
      customer: { ...sampleOrder("DENY-0").customer, email: "someone.else@example.de" },
    });
    // Not held: how far it got past screening depends on the rest of the pipeline.
    expect(clean.status).not.toBe("on_hold");
    expect(clean.holds).toEqual([]);

    const current = await json<Settings>(await request("GET", "/app/settings", cookies.owner));
    const res = await request("PUT", "/app/settings/risk", cookies.owner, {
      ...current.risk,
      denyList: { ...current.risk.denyList, emails: [...current.risk.denyList.emails, buyer] },
    });
    expect(res.status).toBe(200);

    const base = sampleOrder("DENY-1");
    const order = await placeOrder({ ...base, customer: { ...base.customer, email: "Repeat.Offender@example.de" } });
    expect(order.status).toBe("on_hold");
    expect(order.holds.map((h) => h.code)).toEqual(["risk_review"]);
    expect(order.holds[0]?.message).toContain("is on your deny list");
    const risk = order.decisions.find((d) => d.kind === "risk");
    expect(risk?.outcome).toMatchObject({ action: "review", threshold: 70 });
    expect(risk?.outcome.signals).toContain("deny_list_email");
  });

  it("holds an order paid through a processor that is not connected once verification is required", async () => {
    const trusted = await placeOrder(sampleOrder("VERIFY-0"));
    expect(trusted.status).not.toBe("on_hold");
    expect(trusted.holds).toEqual([]);
    expect(trusted.decisions.find((d) => d.kind === "payment")?.reason).toContain("not connected");

    const res = await request("PUT", "/app/settings/payment", cookies.owner, { requireVerification: true });
    expect(res.status).toBe(200);
    expect((await json<Settings>(res)).payment.requireVerification).toBe(true);

    const order = await placeOrder(sampleOrder("VERIFY-1"));
    expect(order.status).toBe("on_hold");
    expect(order.holds.map((h) => h.code)).toEqual(["payment_provider_not_connected"]);
    expect(order.holds[0]?.message).toContain("Stripe is not connected");
  });
});
