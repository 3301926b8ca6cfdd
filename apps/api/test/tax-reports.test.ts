import {
  addMember,
  addPartnerMember,
  createOrder,
  createPartner,
  createUser,
  saveTenantSettings,
  setLandedCost,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import { createTestDatabase, type TestDatabase } from "@crossflow/db/testing";
import { type LandedCostLineInput, type OrderStatus, quoteLandedCost, REFERENCE_FX_RATES } from "@crossflow/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createTenantWithKey } from "../src/cli/commands/tenants-create";
import { json } from "./harness";

// The tax reports behind the console page, on the real PostgreSQL: orders stored with the
// landed-cost quotes the pipeline's documents step would store, then read back as the
// filings need them.

type ErrorBody = { error: { code: string; details: Array<{ path: string; message: string }> } };

let t: TestDatabase;
let app: ReturnType<typeof createApp>;
const cookies = {} as Record<"owner" | "viewer" | "partner" | "otherOwner", string>;
const OCTOBER = "from=2026-10-01&to=2026-11-01";

async function signIn(userId: string): Promise<string> {
  const res = await app.request("/app/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const get = (path: string, cookie: string | null = cookies.owner, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

const item = (value: number, quantity = 1): LandedCostLineInput => ({
  hsCode: "610910",
  value,
  quantity,
  weightGrams: 200,
  originCountry: "CN",
});

/** Stores an order with the quote the documents step would compute for it. */
async function storeOrder(
  tenantId: string,
  spec: {
    externalId: string;
    country: string;
    currency: string;
    lines: LandedCostLineInput[];
    shipping: number;
    placedAt: string;
    cancelled?: boolean;
    ioss?: boolean;
  },
) {
  const quote = quoteLandedCost(
    {
      origin: "CN",
      destination: spec.country,
      incoterm: "DAP",
      currency: spec.currency,
      date: spec.placedAt.slice(0, 10),
      shipping: spec.shipping,
      lines: spec.lines,
    },
    { fx: REFERENCE_FX_RATES, iossRegistered: spec.ioss ?? true },
  );
  await withTenant(t.db, tenantId, async (tx) => {
    const { order } = await createOrder(
      tx,
      tenantId,
      {
        channel: "test",
        externalId: spec.externalId,
        currency: spec.currency,
        customer: { email: `${spec.externalId.toLowerCase()}@example.com`, name: "Buyer" },
        shippingAddress: { name: "Buyer", line1: "1 Main St", city: "City", postalCode: "1000", country: spec.country },
        lines: spec.lines.map((l, i) => ({ sku: `SKU-${i}`, quantity: l.quantity, unitPrice: l.value })),
        shippingPaid: spec.shipping,
        payment: { provider: "stripe", status: "paid" },
        placedAt: new Date(spec.placedAt),
      },
      "test",
    );
    // The pipeline's path to the documents step, where the quote is stored; or a cancellation.
    const path: OrderStatus[] = spec.cancelled
      ? ["cancelled"]
      : ["payment_verified", "screened", "allocated", "documented"];
    for (const to of path) {
      await transitionOrder(tx, { tenantId, orderId: order.id, to, message: to, actor: "test" });
      if (to === "documented") await setLandedCost(tx, order.id, quote);
    }
    if (spec.cancelled) await setLandedCost(tx, order.id, quote);
  });
  return quote;
}

beforeAll(async () => {
  t = await createTestDatabase("cf_test_tax");
  app = createApp({ db: t.db, events: { send: async () => {} }, sessionSecret: "s", clerk: null });
  const a = await createTenantWithKey(t.db, { name: "Tax A" });
  const b = await createTenantWithKey(t.db, { name: "Tax B" });
  const member = async (tenantId: string, role: "owner" | "viewer", email: string) => {
    const user = await createUser(t.db, { email, name: email });
    await withTenant(t.db, tenantId, (tx) => addMember(tx, { tenantId, userId: user.id, role }));
    return signIn(user.id);
  };
  cookies.owner = await member(a.tenantId, "owner", "owner@tax-a.example");
  cookies.viewer = await member(a.tenantId, "viewer", "viewer@tax-a.example");
  cookies.otherOwner = await member(b.tenantId, "owner", "owner@tax-b.example");
  const partner = await createPartner(t.db, { name: "Tax 3PL", kind: "3pl" });
  const partnerUser = await createUser(t.db, { email: "staff@tax-3pl.example", name: "3PL staff" });
  await addPartnerMember(t.db, { partnerId: partner.id, userId: partnerUser.id });
  cookies.partner = await signIn(partnerUser.id);
  await withTenant(t.db, a.tenantId, (tx) =>
    saveTenantSettings(tx, { tenantId: a.tenantId, company: { iossNumber: "IM2760000001" }, actor: "test" }),
  );

  const october = "2026-10-15T10:00:00Z";
  // EU IOSS, DE 19 %: goods 39.98 + shipping 4.99 + the interim EUR 3 flat duty (from
  // 2026-07-01, one tariff subheading) = 47.97 taxable, VAT 9.11.
  await storeOrder(a.tenantId, {
    externalId: "DE-1",
    country: "DE",
    currency: "EUR",
    lines: [item(1999, 2)],
    shipping: 499,
    placedAt: october,
  });
  // EU IOSS, FR 20 %, sold in USD: 45.00 + 5.00 + EUR 3 (USD 3.26) = USD 53.26, VAT USD 10.65;
  // at USD 1.0850 per EUR (the rates table of 2026-11-02, the first after 31 October):
  // EUR 49.09 / 9.82.
  await storeOrder(a.tenantId, {
    externalId: "FR-1",
    country: "FR",
    currency: "USD",
    lines: [item(4500)],
    shipping: 500,
    placedAt: "2026-10-20T08:00:00Z",
  });
  // EU IOSS, FR 20 % in EUR: 30.00 + 5.00 + 3.00 = 38.00, VAT 7.60. FR line: 87.09 / 17.42.
  await storeOrder(a.tenantId, {
    externalId: "FR-2",
    country: "FR",
    currency: "EUR",
    lines: [item(3000)],
    shipping: 500,
    placedAt: "2026-10-31T23:59:59Z",
  });
  // UK ≤ GBP 135: VAT 20 % at sale on 49.99 + 4.99 = 54.98 → 11.00.
  await storeOrder(a.tenantId, {
    externalId: "GB-1",
    country: "GB",
    currency: "GBP",
    lines: [item(4999)],
    shipping: 499,
    placedAt: october,
  });
  // Australia ≤ AUD 1,000: GST 10 % at sale on 54.99 + 9.99 = 64.98 → 6.50.
  await storeOrder(a.tenantId, {
    externalId: "AU-1",
    country: "AU",
    currency: "AUD",
    lines: [item(5499)],
    shipping: 999,
    placedAt: october,
  });
  // Without IOSS the buyer pays the VAT to the carrier at the border: not the merchant's.
  await storeOrder(a.tenantId, {
    externalId: "DE-BORDER",
    country: "DE",
    currency: "EUR",
    lines: [item(2500)],
    shipping: 499,
    placedAt: october,
    ioss: false,
  });
  await storeOrder(a.tenantId, {
    externalId: "DE-CANCELLED",
    country: "DE",
    currency: "EUR",
    lines: [item(2500)],
    shipping: 499,
    placedAt: october,
    cancelled: true,
  });
  // Placed at midnight on 1 November: the next period.
  await storeOrder(a.tenantId, {
    externalId: "DE-NOV",
    country: "DE",
    currency: "EUR",
    lines: [item(2500)],
    shipping: 499,
    placedAt: "2026-11-01T00:00:00Z",
  });
  // Another tenant's IOSS order in the same month.
  await storeOrder(b.tenantId, {
    externalId: "B-DE-1",
    country: "DE",
    currency: "EUR",
    lines: [item(9999)],
    shipping: 499,
    placedAt: october,
  });
}, 60_000);

afterAll(async () => {
  await t?.destroy();
});

describe("GET /app/reports/tax", () => {
  it("summarises what was collected at checkout per scheme, with the rates used", async () => {
    const res = await get(`/app/reports/tax?${OCTOBER}`);
    expect(res.status).toBe(200);
    const body = await json<{
      period: { from: string; to: string };
      orders: { considered: number; withCheckoutTax: number; cancelled: number };
      iossNumber: string | null;
      ioss: { lines: unknown[]; totals: unknown };
      uk: { totals: unknown };
      au: { totals: unknown };
      summary: Array<{ country: string; scheme: string }>;
      fxRates: Array<Record<string, unknown>>;
      exports: Array<{ name: string; fileName: string }>;
    }>(res);
    expect(body.period).toEqual({ from: "2026-10-01", to: "2026-11-01" });
    expect(body.orders).toEqual({ considered: 6, withCheckoutTax: 5, cancelled: 1 });
    expect(body.iossNumber).toBe("IM2760000001");
    expect(body.ioss.totals).toEqual({ taxableAmount: 4797 + 8709, vatAmount: 911 + 1742, orders: 3 });
    expect(body.uk.totals).toEqual({ taxableAmount: 5498, taxAmount: 1100, orders: 1 });
    expect(body.au.totals).toEqual({ taxableAmount: 6498, taxAmount: 650, orders: 1 });
    expect(body.summary.map((r) => `${r.scheme}:${r.country}`)).toEqual([
      "ioss:DE",
      "ioss:FR",
      "ioss:FR",
      "uk_low_value:GB",
      "au_lvig:AU",
    ]);
    expect(body.fxRates).toEqual([
      expect.objectContaining({
        export: "ioss",
        from: "USD",
        to: "EUR",
        tableDate: "2026-11-02",
        wantedDate: "2026-10-31",
        basis: "period_end",
      }),
    ]);
    expect(body.exports).toContainEqual({ name: "ioss", fileName: "ioss-return_2026-10-01_2026-10-31.csv" });
  });

  it("lets a viewer read and keeps each tenant to its own orders", async () => {
    const viewer = await get(`/app/reports/tax?${OCTOBER}`, cookies.viewer);
    expect(viewer.status).toBe(200);
    const other = await json<{ ioss: { lines: Array<{ memberState: string; taxableAmount: number }> } }>(
      await get(`/app/reports/tax?${OCTOBER}`, cookies.otherOwner),
    );
    // Tenant B: 99.99 + 4.99 + 3.00 = 107.98.
    expect(other.ioss.lines).toEqual([expect.objectContaining({ memberState: "DE", taxableAmount: 10798 })]);
  });

  it("refuses requests without a merchant session", async () => {
    expect((await get(`/app/reports/tax?${OCTOBER}`, null)).status).toBe(401);
    expect((await get(`/app/reports/tax.csv?scheme=ioss&${OCTOBER}`, null)).status).toBe(401);
    expect((await get(`/app/reports/tax?${OCTOBER}`, null, { authorization: "Bearer cf_live_nope" })).status).toBe(401);
    expect((await get(`/app/reports/tax?${OCTOBER}`, cookies.partner)).status).toBe(403);
  });

  it("names the field at fault for bad dates and ranges", async () => {
    const cases: Array<[string, string[]]> = [
      ["", ["from", "to"]],
      ["from=2026-10-01&to=2026-13-01", ["to"]],
      ["from=01/10/2026&to=2026-11-01", ["from"]],
      ["from=2026-10-01&to=2026-10-01", ["to"]],
      ["from=2026-11-01&to=2026-10-01", ["to"]],
      ["from=2025-10-01&to=2026-10-02", ["to"]],
    ];
    for (const [query, paths] of cases) {
      const res = await get(`/app/reports/tax?${query}`);
      expect(res.status, query).toBe(400);
      const body = await json<ErrorBody>(res);
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.map((d) => d.path)).toEqual(paths);
    }
    // Exactly one year is fine.
    expect((await get("/app/reports/tax?from=2025-11-01&to=2026-11-01")).status).toBe(200);
  });
});

describe("GET /app/reports/tax.csv", () => {
  async function csv(scheme: string) {
    const res = await get(`/app/reports/tax.csv?scheme=${scheme}&${OCTOBER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    return { disposition: res.headers.get("content-disposition"), rows: (await res.text()).split("\r\n") };
  }

  it("exports the IOSS return lines in euro, with the IOSS number", async () => {
    const { disposition, rows } = await csv("ioss");
    expect(disposition).toBe('attachment; filename="ioss-return_2026-10-01_2026-10-31.csv"');
    expect(rows).toEqual([
      "ioss_number,tax_period,member_state_of_consumption,vat_rate_type,vat_rate_percent,taxable_amount_eur,vat_amount_eur,orders,exchange_rates_date",
      "IM2760000001,2026-10,DE,STANDARD,19,47.97,9.11,1,",
      "IM2760000001,2026-10,FR,STANDARD,20,87.09,17.42,2,2026-11-02",
      "",
    ]);
  });

  it("exports UK low-value VAT as the Box 6 / Box 1 amounts", async () => {
    const { disposition, rows } = await csv("uk");
    expect(disposition).toBe('attachment; filename="uk-vat-low-value_2026-10-01_2026-10-31.csv"');
    expect(rows).toEqual([
      "period_start,period_end,vat_rate_percent,orders,box6_sales_excl_vat_gbp,box1_vat_due_gbp",
      "2026-10-01,2026-10-31,20,1,54.98,11.00",
      "",
    ]);
  });

  it("exports Australian LVIG GST", async () => {
    const { rows } = await csv("au");
    expect(rows).toEqual([
      "period_start,period_end,gst_rate_percent,orders,taxable_sales_excl_gst_aud,gst_payable_aud,sales_incl_gst_aud",
      "2026-10-01,2026-10-31,10,1,64.98,6.50,71.48",
      "",
    ]);
  });

  it("exports the collected-tax summary in the currencies collected, nothing from the border, cancelled or November", async () => {
    const { rows } = await csv("summary");
    expect(rows).toEqual([
      "month,scheme,regime,country,tax_name,rate_percent,currency,orders,taxable_amount,tax_amount",
      "2026-10,ioss,EU_IOSS,DE,VAT,19,EUR,1,47.97,9.11",
      "2026-10,ioss,EU_IOSS,FR,VAT,20,EUR,1,38.00,7.60",
      "2026-10,ioss,EU_IOSS,FR,VAT,20,USD,1,53.26,10.65",
      "2026-10,uk_low_value,UK_LOW_VALUE,GB,VAT,20,GBP,1,54.98,11.00",
      "2026-10,au_lvig,AU_LOW_VALUE_GST,AU,GST,10,AUD,1,64.98,6.50",
      "",
    ]);
  });

  it("names the scheme when it is not one of the exports", async () => {
    const res = await get(`/app/reports/tax.csv?scheme=us&${OCTOBER}`);
    expect(res.status).toBe(400);
    expect((await json<ErrorBody>(res)).error.details.map((d) => d.path)).toEqual(["scheme"]);
    const both = await get("/app/reports/tax.csv?from=2026-10-01");
    expect((await json<ErrorBody>(both)).error.details.map((d) => d.path)).toEqual(["to", "scheme"]);
  });
});
