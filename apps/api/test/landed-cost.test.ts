import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, json } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

type Quote = {
  currency: string;
  goods: number;
  shipping: number;
  duty: number;
  tax: number;
  fees: number;
  total: number;
  regime: string;
  explanation: string[];
  warnings: string[];
  dutyKnown: boolean;
  taxCollectedAt: string;
  dutyDueAt: string;
  payment: { buyerAtCheckout: number; buyerAtBorder: number; merchantPaysAuthorities: number };
  fxRates: { from: string; to: string; date: string }[];
  lines: { duty: number | null; dutyRatePercent: string | null }[];
  rulesVersion: string;
  rulesApplied: { id: string; source: string }[];
};
type ErrorBody = { error: { code: string; message: string; details: { path: string; message: string }[] } };

// The request of the public API contract (SPEC, POST /v1/quotes/landed-cost).
const specExample = {
  origin: "CN",
  destination: "DE",
  incoterm: "DDP",
  currency: "EUR",
  date: "2026-11-26",
  shipping: 500,
  lines: [{ hsCode: "610910", value: 2000, quantity: 1, weightGrams: 200, originCountry: "CN" }],
};

async function landedCost(body: unknown) {
  const res = await h.call("POST", "/v1/quotes/landed-cost", { body });
  return { res, body: await json<Quote>(res) };
}

describe("POST /v1/quotes/landed-cost", () => {
  it("answers the SPEC example: EU IOSS with the EUR 3 flat duty after 2026-07-01", async () => {
    const { res, body } = await landedCost(specExample);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      currency: "EUR",
      goods: 2000,
      shipping: 500,
      duty: 300,
      tax: 532,
      fees: 0,
      total: 3332,
      regime: "EU_IOSS",
      taxCollectedAt: "checkout",
      dutyDueAt: "checkout",
    });
    expect(body.explanation.length).toBeGreaterThan(2);
    expect(body.warnings).toEqual(expect.any(Array));
    expect(body.rulesApplied.map((r) => r.id)).toContain("EU_FLAT_DUTY_3");
    expect(body.rulesVersion).toMatch(/^\d{4}\./);
  });

  it("applies the rules of the quote date: no duty under IOSS before 2026-07-01", async () => {
    const { body } = await landedCost({ ...specExample, date: "2026-06-30" });
    expect(body).toMatchObject({ regime: "EU_IOSS", duty: 0, tax: 475, total: 2975 });
  });

  it("UK up to GBP 135: VAT at sale, no duty; above: duty and import VAT at the border under DAP", async () => {
    const low = await landedCost({ ...specExample, destination: "GB", currency: "GBP", incoterm: "DAP" });
    expect(low.body).toMatchObject({ regime: "UK_LOW_VALUE", duty: 0, tax: 500, taxCollectedAt: "checkout" });
    expect(low.body.payment.buyerAtBorder).toBe(0);

    const high = await landedCost({
      ...specExample,
      destination: "GB",
      currency: "GBP",
      incoterm: "DAP",
      shipping: 1000,
      lines: [{ ...specExample.lines[0], value: 15000 }],
    });
    expect(high.body).toMatchObject({ regime: "UK_STANDARD_IMPORT", duty: 1920, tax: 3584, dutyDueAt: "border" });
    expect(high.body.payment).toEqual({ buyerAtCheckout: 16000, buyerAtBorder: 5504, merchantPaysAuthorities: 0 });
  });

  it("US: duty from the first dollar at the MFN rate, with a warning about additional tariffs", async () => {
    const { body } = await landedCost({ ...specExample, destination: "US", currency: "USD" });
    expect(body).toMatchObject({ regime: "US_IMPORT", duty: 330, tax: 0 });
    expect(body.warnings.join(" ")).toMatch(/Section 301/);
  });

  it("Canada: CUSMA shipment from the US under CAD 150 is duty-free with GST", async () => {
    const { body } = await landedCost({
      ...specExample,
      origin: "US",
      destination: "CA",
      currency: "CAD",
      lines: [{ ...specExample.lines[0], value: 10000, originCountry: "US" }],
    });
    expect(body).toMatchObject({ regime: "CA_CUSMA_DUTY_FREE", duty: 0, tax: 500 });
  });

  it("converts a USD request for an EU destination and reports the rate and its date", async () => {
    const { body } = await landedCost({ ...specExample, currency: "USD" });
    expect(body.regime).toBe("EU_IOSS");
    expect(body.fxRates).toEqual(expect.arrayContaining([expect.objectContaining({ from: "USD", to: "EUR" })]));
  });

  it("applies a duty override from the body and reports an unknown rate as unknown", async () => {
    const big = { ...specExample, lines: [{ ...specExample.lines[0], hsCode: "847989", value: 30000 }] };
    const unknown = await landedCost(big);
    expect(unknown.body).toMatchObject({ dutyKnown: false });
    expect(unknown.body.lines[0]).toMatchObject({ duty: null });
    const known = await landedCost({
      ...big,
      dutyOverrides: [{ destination: "EU", hsPrefix: "8479", ratePercent: "1.7" }],
    });
    expect(known.body).toMatchObject({ dutyKnown: true });
    expect(known.body.lines[0]).toMatchObject({ dutyRatePercent: "1.7" });
  });

  it("answers 400 naming the field for bad input, never 500", async () => {
    const cases: [unknown, string][] = [
      [{ ...specExample, destination: "XX" }, "destination"],
      [{ ...specExample, incoterm: "CIF" }, "incoterm"],
      [{ ...specExample, shipping: 4.99 }, "shipping"],
      [{ ...specExample, date: "26/11/2026" }, "date"],
      [{ ...specExample, lines: [] }, "lines"],
      [{ ...specExample, lines: [{ ...specExample.lines[0], hsCode: "61" }] }, "lines.0.hsCode"],
      [{ ...specExample, lines: [{ ...specExample.lines[0], hsCode: "420400" }] }, "lines.0.hsCode"],
      [{ ...specExample, lines: [{ ...specExample.lines[0], value: 19.99 }] }, "lines.0.value"],
      [{ ...specExample, lines: [{ ...specExample.lines[0], originCountry: "China" }] }, "lines.0.originCountry"],
      [{ ...specExample, currency: "PEN" }, "currency"],
      [
        { ...specExample, dutyOverrides: [{ destination: "EU", hsPrefix: "61", ratePercent: 12 }] },
        "dutyOverrides.0.ratePercent",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await h.call("POST", "/v1/quotes/landed-cost", { body });
      expect(res.status, field).toBe(400);
      const error = await json<ErrorBody>(res);
      expect(error.error.code).toBe("validation_failed");
      expect(
        error.error.details.map((d) => d.path),
        field,
      ).toContain(field);
    }
    const notJson = await h.call("POST", "/v1/quotes/landed-cost", {
      raw: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });

  it("refuses a request without an API key (401)", async () => {
    const res = await h.call("POST", "/v1/quotes/landed-cost", { key: null, body: specExample });
    expect(res.status).toBe(401);
    expect((await json<ErrorBody>(res)).error.code).toBe("unauthorized");
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await h.call("GET", "/v1/openapi.json"));
    expect(doc.paths["/quotes/landed-cost"]).toBeDefined();
  });
});
