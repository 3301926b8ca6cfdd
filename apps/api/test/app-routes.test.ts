import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { type CrossflowEvent, createFunctions, createPipelineRuntime, type PipelineRuntime } from "@crossflow/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemo } from "../src/cli/commands/seed-demo";
import { json } from "./harness";

// The web apps' backend: dev sign-in, the console's orders, the partner view, the portal lookup.

let t: TestDatabase;
let runtime: PipelineRuntime;
let app: ReturnType<typeof createApp>;
type DevUser = { id: string; kind: string; name: string; role: string | null };
let users: DevUser[];

async function signIn(kind: "merchant" | "partner", index = 0): Promise<string> {
  const user = users.filter((u) => u.kind === kind)[index]!;
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: user.id }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  return cookie.split(";")[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_app");
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
  await seedDemo(t.db, events, { orders: 25 });
  await runtime.executor!.runUntilIdle({ timeoutMs: 60_000 });
  users = (await json<{ users: DevUser[] }>(await app.request("/app/dev/users"))).users;
});

afterAll(async () => {
  await runtime?.stop();
  await t?.destroy();
});

describe("sessions", () => {
  it("lists the seeded staff and partner users for dev sign-in", () => {
    expect(users.filter((u) => u.kind === "merchant").map((u) => u.role)).toEqual(["owner", "operator", "viewer"]);
    expect(users.filter((u) => u.kind === "partner")).toHaveLength(2);
  });

  it("refuses /app data without a session, or with a forged cookie", async () => {
    expect((await app.request("/app/orders")).status).toBe(401);
    expect(
      (await app.request("/app/orders", { headers: { cookie: "cf_session=eyJzdWIiOiJ1c3JfMSJ9.forged" } })).status,
    ).toBe(401);
  });

  it("signs a merchant in and says who they are", async () => {
    const cookie = await signIn("merchant");
    const session = await json(await app.request("/app/session", { headers: { cookie } }));
    expect(session).toMatchObject({ kind: "merchant", role: "owner", tenant: { name: "Northwind Outfitters" } });
  });

  it("rejects sign-in for an unknown user with the field at fault", async () => {
    const res = await app.request("/app/dev/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "usr_nobody" }),
    });
    expect(res.status).toBe(404);
    expect((await json<{ error: { details: Array<{ path: string }> } }>(res)).error.details[0]?.path).toBe("userId");
  });
});

describe("console backend", () => {
  it("shows the tenant's orders with filters, facets and an overview", async () => {
    const cookie = await signIn("merchant");
    const overview = await json<{ total: number; counts: Record<string, number> }>(
      await app.request("/app/overview", { headers: { cookie } }),
    );
    expect(overview.total).toBe(25 + 3); // generated orders + the seed's three exceptional ones
    expect(overview.counts.label_created).toBeGreaterThan(15);
    const facets = await json<{ countries: string[] }>(await app.request("/app/facets", { headers: { cookie } }));
    expect(facets.countries.length).toBeGreaterThan(8);
    const country = facets.countries[0]!;
    const filtered = await json<{ data: Array<{ country: string }> }>(
      await app.request(`/app/orders?country=${country}`, { headers: { cookie } }),
    );
    expect(filtered.data.length).toBeGreaterThan(0);
    expect(filtered.data.every((o) => o.country === country)).toBe(true);
  });

  it("keeps partner users out of the console backend", async () => {
    const cookie = await signIn("partner");
    expect((await app.request("/app/orders", { headers: { cookie } })).status).toBe(403);
  });
});

describe("partner backend", () => {
  it("shows each partner only the orders allocated to the warehouses it runs", async () => {
    const fastship = await signIn("partner", 0);
    const overview = await json<{
      partner: { name: string };
      merchants: Array<{ tenantName: string; warehouses: Array<{ code: string }> }>;
    }>(await app.request("/app/partner/overview", { headers: { cookie: fastship } }));
    expect(overview.merchants).toHaveLength(1);
    const codes = overview.merchants[0]!.warehouses.map((w) => w.code);
    const orders = await json<{ data: Array<{ warehouseCode: string; units: number }> }>(
      await app.request("/app/partner/orders", { headers: { cookie: fastship } }),
    );
    expect(orders.data.length).toBeGreaterThan(0);
    expect(orders.data.every((o) => codes.includes(o.warehouseCode) && o.units > 0)).toBe(true);
  });
});

describe("customer portal lookup", () => {
  it("finds an order by number + e-mail (any case) and shows no internal data", async () => {
    const cookie = await signIn("merchant");
    const [first] = (
      await json<{ data: Array<{ externalId: string; customerEmail: string }> }>(
        await app.request("/app/orders?limit=1", { headers: { cookie } }),
      )
    ).data;
    const res = await app.request("/app/portal/lookup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orderNumber: first!.externalId, email: first!.customerEmail.toUpperCase() }),
    });
    expect(res.status).toBe(200);
    const body = await json<Record<string, unknown> & { timeline: Array<{ message: unknown }> }>(res);
    expect(body).toMatchObject({ orderNumber: first!.externalId, merchantName: "Northwind Outfitters" });
    expect(JSON.stringify(body)).not.toContain(first!.customerEmail);
    expect(JSON.stringify(body)).not.toMatch(/ten_|ord_|wh_/);
    expect(body.timeline.every((e) => e.message === null)).toBe(true);
  });

  it("gives one answer for a wrong e-mail and a wrong number", async () => {
    const post = (orderNumber: string, email: string) =>
      app.request("/app/portal/lookup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ orderNumber, email }),
      });
    const wrongEmail = await post("DEMO-1001", "someone@else.example");
    const wrongNumber = await post("NOPE-1", "someone@else.example");
    expect(wrongEmail.status).toBe(404);
    expect(await wrongEmail.json()).toEqual(await wrongNumber.json());
    expect((await post("", "not-an-email")).status).toBe(400);
  });
});

describe("rules editor backend", () => {
  const send = (cookie: string, method: string, path: string, payload?: unknown) =>
    app.request(path, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });

  it("shows the published rules with the facts and operators an editor needs", async () => {
    const cookie = await signIn("merchant");
    const rules = await json<{
      published: { version: number; rules: unknown[] };
      facts: Record<string, unknown>;
      operators: string[];
    }>(await send(cookie, "GET", "/app/rules"));
    expect(rules.published.version).toBe(1);
    expect(rules.published.rules.length).toBeGreaterThan(3);
    expect(Object.keys(rules.facts)).toContain("destinationCountry");
    expect(rules.operators).toContain("between");
  });

  it("refuses an invalid draft naming the path at fault", async () => {
    const cookie = await signIn("merchant");
    const res = await send(cookie, "PUT", "/app/rules/draft", {
      rules: [
        {
          id: "bad",
          name: "Bad",
          kind: "exception",
          enabled: true,
          priority: 1,
          when: { all: [{ field: "weightGrams", op: "gt", value: "2kg" }] },
          then: [{ type: "hold", code: "x", message: "x" }],
        },
      ],
    });
    expect(res.status).toBe(400);
    const details = (await json<{ error: { details: Array<{ path: string }> } }>(res)).error.details;
    expect(details[0]?.path).toContain("rules[0].when.all[0].value");
  });

  it("dry-runs a draft against recent orders, then publishes it as version 2", async () => {
    const cookie = await signIn("merchant");
    const current = await json<{ published: { rules: unknown[] } }>(await send(cookie, "GET", "/app/rules"));
    const holdAll = {
      id: "review_everything_big",
      name: "Review orders with 2+ lines",
      kind: "exception",
      enabled: true,
      priority: 1,
      when: { all: [{ field: "lineCount", op: "gte", value: 2 }] },
      then: [{ type: "hold", code: "manual_review", message: "Multi-line order" }],
    };
    expect(
      (await send(cookie, "PUT", "/app/rules/draft", { rules: [...current.published.rules, holdAll] })).status,
    ).toBe(200);
    const report = await json<{
      summary: { orders: number; changed: number; newlyHeld: number };
      orders: Array<{ orderNumber: string; changed: boolean }>;
    }>(await send(cookie, "POST", "/app/rules/dry-run", { limit: 50 }));
    expect(report.summary.orders).toBe(25 + 3);
    expect(report.summary.newlyHeld).toBeGreaterThan(0);
    expect(report.orders.filter((o) => o.changed).every((o) => o.orderNumber.startsWith("DEMO-"))).toBe(true);
    const published = await json<{ version: number }>(await send(cookie, "POST", "/app/rules/publish"));
    expect(published.version).toBe(2);
    expect((await send(cookie, "POST", "/app/rules/publish")).status).toBe(404);
  });

  it("does not let a viewer change rules", async () => {
    const viewer = await signIn("merchant", 2);
    expect((await send(viewer, "PUT", "/app/rules/draft", { rules: [] })).status).toBe(403);
  });
});
