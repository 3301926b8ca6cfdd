import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DutyOverride,
  LandedCostInputError,
  type LandedCostOptions,
  type LandedCostQuote,
  type LandedCostRequest,
  quoteLandedCost,
  REFERENCE_FX_RATES,
  validateHsCode,
} from "../../src/index";

// Properties of quoteLandedCost over random valid requests to every destination it models:
// the totals add up, every amount is a non-negative safe integer in the request currency,
// what the buyer pays at checkout and at the border and what the merchant pays over match
// the charges, and the same request on the same date always gives the same quote.

const EU_MEMBERS = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
const GCC = ["AE", "SA", "BH", "OM", "QA", "KW"];
const DESTINATIONS = [...EU_MEMBERS, "GB", "AU", "NZ", "CA", "US", "CH", "LI", "NO", "JP", "KR", "SG", ...GCC];
const ORIGINS = ["CN", "HK", "US", "MX", "CA", "DE", "FR", "GB", "JP", "KR", "VN", "IN", "TR", "AE", "AU"];
const CURRENCIES = Object.keys(REFERENCE_FX_RATES.rates);
// Clothing, footwear, bags, electronics, cosmetics, jewellery, ceramics, watches, plastics,
// furniture, books, games, bicycles, coffee, wine, toys, and national 8–10 digit lines.
const HS_CODES = [
  "610910",
  "620342",
  "640411",
  "640419",
  "420221",
  "847130",
  "851762",
  "851830",
  "330499",
  "330790",
  "711319",
  "711719",
  "691110",
  "910211",
  "900410",
  "392690",
  "940360",
  "490199",
  "950450",
  "871200",
  "090111",
  "220421",
  "950300",
  "61091000",
  "6109100010",
];

const day = fc
  .integer({ min: Date.UTC(2021, 6, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const line = fc.record({
  hsCode: fc.constantFrom(...HS_CODES),
  value: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 2_000_000 })),
  quantity: fc.integer({ min: 1, max: 12 }),
  weightGrams: fc.integer({ min: 0, max: 20_000 }),
  originCountry: fc.constantFrom(...ORIGINS),
});

const request: fc.Arbitrary<LandedCostRequest> = fc
  .record({
    origin: fc.constantFrom(...ORIGINS),
    destination: fc.constantFrom(...DESTINATIONS),
    incoterm: fc.constantFrom("DDP" as const, "DAP" as const),
    currency: fc.constantFrom(...CURRENCIES),
    date: day,
    shipping: fc.integer({ min: 0, max: 100_000 }),
    insurance: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    destinationRegion: fc.option(fc.constantFrom("NIR", "ON", "QC", "BC", "NSW", "CA"), { nil: undefined }),
  })
  .map(({ insurance, destinationRegion, ...rest }) => ({
    ...rest,
    ...(insurance === undefined ? {} : { insurance }),
    ...(destinationRegion === undefined ? {} : { destinationRegion }),
  }));

const override: fc.Arbitrary<DutyOverride> = fc.record({
  destination: fc.constantFrom("EU", "GB", "US", "AU", "CA", "JP"),
  hsPrefix: fc.constantFrom("6109", "640411", "8517", "9503", "42"),
  ratePercent: fc.constantFrom("0", "2.5", "12", "25.5", "145"),
});

const options: fc.Arbitrary<LandedCostOptions> = fc.record({
  fx: fc.constant(REFERENCE_FX_RATES),
  iossRegistered: fc.boolean(),
  voecRegistered: fc.boolean(),
  dutyOverrides: fc.array(override, { maxLength: 2 }),
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function amountsOf(q: LandedCostQuote): Array<[string, number]> {
  return [
    ["goods", q.goods],
    ["shipping", q.shipping],
    ["insurance", q.insurance],
    ["duty", q.duty],
    ["tax", q.tax],
    ["fees", q.fees],
    ["total", q.total],
    ["taxBase", q.taxBase],
    ["payment.buyerAtCheckout", q.payment.buyerAtCheckout],
    ["payment.buyerAtBorder", q.payment.buyerAtBorder],
    ["payment.merchantPaysAuthorities", q.payment.merchantPaysAuthorities],
    ...q.charges.map((c, i): [string, number] => [`charges.${i}`, c.amount]),
    ...q.lines.flatMap(
      (l): Array<[string, number]> => [
        [`lines.${l.index}.lineValue`, l.lineValue],
        [`lines.${l.index}.dutiableValue`, l.dutiableValue],
        ...(l.duty === null ? [] : ([[`lines.${l.index}.duty`, l.duty]] as Array<[string, number]>)),
      ],
    ),
  ];
}

const RUNS = { numRuns: 600 };

describe("quoteLandedCost properties", () => {
  it("every HS code used here is valid", () => {
    for (const code of HS_CODES) expect(validateHsCode(code).valid, code).toBe(true);
  });

  it("total = goods + shipping + insurance + duty + tax + fees, all non-negative safe integers", () => {
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const q = quoteLandedCost(req, opts);
        for (const [name, value] of amountsOf(q)) {
          expect(Number.isSafeInteger(value), name).toBe(true);
          expect(value, name).toBeGreaterThanOrEqual(0);
        }
        expect(q.total).toBe(q.goods + q.shipping + q.insurance + q.duty + q.tax + q.fees);
        expect(q.goods).toBe(sum(req.lines.map((l) => l.value * l.quantity)));
        expect(q.shipping).toBe(req.shipping);
        expect(q.insurance).toBe(req.insurance ?? 0);
        expect(q.duty).toBe(sum(q.lines.map((l) => l.duty ?? 0)));
        expect(q.dutyKnown).toBe(q.lines.every((l) => l.dutyKnown));
      }),
      RUNS,
    );
  });

  it("quotes in the request's currency, on the request's date", () => {
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const q = quoteLandedCost(req, opts);
        expect(q.currency).toBe(req.currency);
        expect(q.date).toBe(req.date);
        expect([q.origin, q.destination, q.incoterm]).toEqual([req.origin, req.destination, req.incoterm]);
      }),
      RUNS,
    );
  });

  it("the buyer's and merchant's payments match the charges", () => {
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const q = quoteLandedCost(req, opts);
        const of = (kind: string) => sum(q.charges.filter((c) => c.kind === kind).map((c) => c.amount));
        expect(of("duty")).toBe(q.duty);
        expect(of("tax")).toBe(q.tax);
        expect(of("fee")).toBe(q.fees);
        const atBorder = sum(q.charges.filter((c) => c.collectedAt === "border").map((c) => c.amount));
        expect(q.payment.buyerAtBorder).toBe(atBorder);
        expect(q.payment.buyerAtCheckout + q.payment.buyerAtBorder).toBe(q.total);
        expect(q.payment.buyerAtCheckout).toBe(
          q.goods + q.shipping + q.insurance + (q.duty + q.tax + q.fees - atBorder),
        );
        expect(q.payment.merchantPaysAuthorities).toBe(
          sum(q.charges.filter((c) => c.paidBy === "merchant").map((c) => c.amount)),
        );
        for (const charge of q.charges) {
          expect(charge.amount).toBeGreaterThan(0);
          // Collected at checkout, the merchant hands it over; at the border, the buyer pays the carrier.
          expect(charge.paidBy).toBe(charge.collectedAt === "checkout" ? "merchant" : "buyer");
        }
        // DDP: nothing is left for the buyer at the door.
        if (req.incoterm === "DDP") expect(q.payment.buyerAtBorder).toBe(0);
        const tax = q.charges.find((c) => c.kind === "tax");
        if (tax) expect(tax.collectedAt).toBe(q.taxCollectedAt);
      }),
      RUNS,
    );
  });

  it("at the input limits, refuses the consignment by name or quotes it in safe integers, never crashes", () => {
    // Found by this property: each value ≤ 10^10 and quantity ≤ 100,000 passed validation while
    // their sum overflowed the duty/tax arithmetic (a 145 % duty into the US gave an unsafe
    // total; into the EU a plain Error). The consignment's goods value is now limited too.
    const MAX = 100_000_000_00;
    const big = fc.record({
      hsCode: fc.constantFrom("610910", "640411", "950300"),
      value: fc.oneof(fc.constant(MAX), fc.integer({ min: 0, max: MAX })),
      quantity: fc.oneof(fc.constant(100_000), fc.integer({ min: 1, max: 100_000 })),
      weightGrams: fc.integer({ min: 0, max: 1_000_000 }),
      originCountry: fc.constantFrom("CN", "US"),
    });
    const extreme = fc.record({
      origin: fc.constantFrom("CN", "US"),
      destination: fc.constantFrom("DE", "US", "GB", "JP", "KR", "AU", "CA", "NO", "CH", "SA"),
      incoterm: fc.constantFrom("DDP" as const, "DAP" as const),
      currency: fc.constantFrom("EUR", "JPY", "KRW", "USD"),
      date: day,
      shipping: fc.oneof(fc.constant(MAX), fc.integer({ min: 0, max: MAX })),
      insurance: fc.oneof(fc.constant(MAX), fc.integer({ min: 0, max: MAX })),
      lines: fc.array(big, { minLength: 1, maxLength: 4 }),
    });
    const overrides: DutyOverride[] = ["EU", "US", "GB", "JP", "KR", "AU", "CA"].map((destination) => ({
      destination,
      hsPrefix: "6109",
      ratePercent: "145",
    }));
    fc.assert(
      fc.property(extreme, (req) => {
        let q: LandedCostQuote;
        try {
          q = quoteLandedCost(req, { fx: REFERENCE_FX_RATES, dutyOverrides: overrides });
        } catch (error) {
          expect(error).toBeInstanceOf(LandedCostInputError);
          expect((error as LandedCostInputError).issues.map((i) => i.path)).toContain("lines");
          return;
        }
        for (const [name, value] of amountsOf(q)) expect(Number.isSafeInteger(value), name).toBe(true);
        expect(q.total).toBe(q.goods + q.shipping + q.insurance + q.duty + q.tax + q.fees);
      }),
      RUNS,
    );
  });

  it("is deterministic for the same request and date", () => {
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const first = quoteLandedCost(req, opts);
        const again = quoteLandedCost(structuredClone(req), { ...opts, today: "2030-01-01" });
        expect(again).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
