import { describe, expect, it } from "vitest";
import type { DatedFxTable } from "../customs/fx-provider";
import { quoteLandedCost } from "../customs/landed-cost";
import type { LandedCostQuote } from "../customs/landed-cost-types";
import { REFERENCE_FX_RATES } from "../fx/reference-rates";
import {
  auLvigCsv,
  buildTaxReport,
  csvField,
  iossReturnCsv,
  isReportDate,
  lastDayOfMonth,
  monthPeriod,
  type TaxReportOrder,
  taxReportCsv,
  taxReportFileName,
  taxSummaryCsv,
  toCsv,
  ukLowValueCsv,
  validateReportPeriod,
} from "./index";

const NOVEMBER = { from: "2026-11-01", to: "2026-12-01" };

/** A stored quote with only what the report reads; amounts in minor units of `currency`. */
function stored(q: {
  regime: string;
  destination: string;
  currency: string;
  ratePercent?: string;
  taxName?: string;
  taxBase: number;
  tax: number;
  collectedAt?: "checkout" | "border";
  date?: string;
}) {
  return {
    regime: q.regime,
    destination: q.destination,
    currency: q.currency,
    date: q.date ?? "2026-11-10",
    taxRate: {
      country: q.destination,
      taxName: q.taxName ?? "VAT",
      ratePercent: q.ratePercent ?? "20",
      validFrom: "2021-07-01",
      source: "test",
    },
    taxBase: q.taxBase,
    tax: q.tax,
    charges: [
      {
        kind: "tax",
        label: "tax",
        amount: q.tax,
        collectedAt: q.collectedAt ?? "checkout",
        paidBy: q.collectedAt === "border" ? "buyer" : "merchant",
      },
    ],
  };
}

function order(
  externalId: string,
  landedCost: unknown,
  placedAt = "2026-11-10T12:00:00Z",
  status = "documented",
): TaxReportOrder {
  return { orderId: `ord_${externalId}`, externalId, placedAt, status, currency: "EUR", landedCost };
}

describe("report periods", () => {
  it("accepts a month and a year, names the field at fault otherwise", () => {
    expect(validateReportPeriod("2026-11-01", "2026-12-01")).toEqual([]);
    // Exactly one year is allowed; a day more is not (monthly IOSS returns / four quarters).
    expect(validateReportPeriod("2026-01-01", "2027-01-01")).toEqual([]);
    expect(validateReportPeriod("2026-01-01", "2027-01-02")).toEqual([
      { path: "to", message: "the period may span at most one year" },
    ]);
    expect(validateReportPeriod("2026-11-01", "2026-11-01")).toEqual([
      { path: "to", message: "must be after from (to is exclusive)" },
    ]);
    expect(validateReportPeriod("2026-02-30", "nope").map((i) => i.path)).toEqual(["from", "to"]);
    expect(validateReportPeriod(undefined, "2026-12-01").map((i) => i.path)).toEqual(["from"]);
    expect(isReportDate("2024-02-29")).toBe(true);
    expect(isReportDate("2026-02-29")).toBe(false);
  });

  it("knows calendar months and their last days", () => {
    expect(monthPeriod("2026-12")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-11")).toBe("2026-11-30");
    expect(() => monthPeriod("2026-13")).toThrow();
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and ends every record with CRLF", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("plain")).toBe("plain");
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it("names files after the export and the inclusive dates", () => {
    expect(taxReportFileName("ioss", NOVEMBER)).toBe("ioss-return_2026-11-01_2026-11-30.csv");
    expect(taxReportFileName("summary", { from: "2026-01-01", to: "2026-04-01" })).toBe(
      "tax-collected_2026-01-01_2026-03-31.csv",
    );
  });
});

describe("buildTaxReport", () => {
  const orders: TaxReportOrder[] = [
    // DE, 19 %: two EUR orders sum to 100.00 + 50.00 taxable, 19.00 + 9.50 VAT.
    order(
      "DE-1",
      stored({ regime: "EU_IOSS", destination: "DE", currency: "EUR", ratePercent: "19", taxBase: 10000, tax: 1900 }),
    ),
    order(
      "DE-2",
      stored({ regime: "EU_IOSS", destination: "DE", currency: "EUR", ratePercent: "19", taxBase: 5000, tax: 950 }),
    ),
    // FR, 20 %, sold in USD: USD 108.50 taxable / 21.70 VAT. Art. 369zb(2): converted at the
    // period-end rate; the only table (2026-11-02, USD 1.0850 per EUR) gives EUR 100.00 / 20.00.
    {
      ...order("FR-1", stored({ regime: "EU_IOSS", destination: "FR", currency: "USD", taxBase: 10850, tax: 2170 })),
      currency: "USD",
    },
    // A split order: two parcels to FR, both EUR, both under IOSS; counted as one order.
    order("FR-2", [
      {
        shipmentId: "shp_1",
        quote: stored({ regime: "EU_IOSS", destination: "FR", currency: "EUR", taxBase: 2000, tax: 400 }),
      },
      {
        shipmentId: "shp_2",
        quote: stored({ regime: "EU_IOSS", destination: "FR", currency: "EUR", taxBase: 3000, tax: 600 }),
      },
    ]),
    // EU without IOSS: the buyer pays VAT to the carrier at the border — not the merchant's.
    order(
      "DE-BORDER",
      stored({
        regime: "EU_LOW_VALUE_IMPORT",
        destination: "DE",
        currency: "EUR",
        ratePercent: "19",
        taxBase: 5000,
        tax: 950,
        collectedAt: "border",
      }),
    ),
    // Cancelled: not a supply.
    order(
      "DE-CANCELLED",
      stored({ regime: "EU_IOSS", destination: "DE", currency: "EUR", ratePercent: "19", taxBase: 7000, tax: 1330 }),
      "2026-11-11T09:00:00Z",
      "cancelled",
    ),
    // Placed on 1 December 00:00 UTC: the next period.
    order(
      "DE-DEC",
      stored({ regime: "EU_IOSS", destination: "DE", currency: "EUR", ratePercent: "19", taxBase: 8000, tax: 1520 }),
      "2026-12-01T00:00:00Z",
    ),
    // UK ≤ GBP 135: VAT 20 % at sale; one GBP order, one EUR order converted on its sale day.
    {
      ...order(
        "GB-1",
        stored({ regime: "UK_LOW_VALUE", destination: "GB", currency: "GBP", taxBase: 5996, tax: 1199 }),
      ),
      currency: "GBP",
    },
    // EUR 100.00 × 0.8590 = GBP 85.90; EUR 20.00 → GBP 17.18.
    order("GB-2", stored({ regime: "UK_LOW_VALUE", destination: "GB", currency: "EUR", taxBase: 10000, tax: 2000 })),
    // Australia LVIG: GST 10 % at sale, AUD.
    {
      ...order(
        "AU-1",
        stored({
          regime: "AU_LOW_VALUE_GST",
          destination: "AU",
          currency: "AUD",
          taxName: "GST",
          ratePercent: "10",
          taxBase: 5499,
          tax: 550,
        }),
      ),
      currency: "AUD",
    },
    // Norway VOEC: on no filing here, but in the summary.
    {
      ...order(
        "NO-1",
        stored({
          regime: "NO_VOEC",
          destination: "NO",
          currency: "NOK",
          ratePercent: "25",
          taxBase: 63797,
          tax: 15949,
        }),
      ),
      currency: "NOK",
    },
    // DDP import above EUR 150: VAT collected at checkout, paid at the border — summary only.
    order(
      "DE-DDP",
      stored({
        regime: "EU_STANDARD_IMPORT",
        destination: "DE",
        currency: "EUR",
        ratePercent: "19",
        taxBase: 20000,
        tax: 3800,
      }),
    ),
    // No landed cost (domestic): nothing to report.
    order("DOMESTIC", null),
  ];
  const report = buildTaxReport(orders, NOVEMBER);

  it("lists IOSS lines per member state and rate, in euro, with the rates used", () => {
    expect(report.ioss.lines).toEqual([
      {
        month: "2026-11",
        memberState: "DE",
        rateType: "standard",
        ratePercent: "19",
        taxableAmount: 15000,
        vatAmount: 2850,
        orders: 2,
        fxDate: null,
      },
      {
        month: "2026-11",
        memberState: "FR",
        rateType: "standard",
        ratePercent: "20",
        taxableAmount: 15000,
        vatAmount: 3000,
        orders: 2,
        fxDate: "2026-11-02",
      },
    ]);
    expect(report.ioss.totals).toEqual({ taxableAmount: 30000, vatAmount: 5850, orders: 4 });
    expect(report.fxRates.find((r) => r.export === "ioss")).toMatchObject({
      from: "USD",
      to: "EUR",
      tableDate: "2026-11-02",
      basis: "period_end",
      month: "2026-11",
      wantedDate: "2026-11-30",
      orders: 1,
    });
    // The only table is older than the month's last day: the report says so.
    expect(report.notices).toContainEqual(
      expect.objectContaining({
        code: "fx_table_date_differs",
        export: "ioss",
        currency: "USD",
        wantedDate: "2026-11-30",
      }),
    );
  });

  it("writes the IOSS return CSV", () => {
    expect(iossReturnCsv(report, { iossNumber: "IM2760000001" })).toBe(
      [
        "ioss_number,tax_period,member_state_of_consumption,vat_rate_type,vat_rate_percent,taxable_amount_eur,vat_amount_eur,orders,exchange_rates_date",
        "IM2760000001,2026-11,DE,STANDARD,19,150.00,28.50,2,",
        "IM2760000001,2026-11,FR,STANDARD,20,150.00,30.00,2,2026-11-02",
        "",
      ].join("\r\n"),
    );
  });

  it("sums UK low-value VAT in sterling for Boxes 1 and 6", () => {
    // GBP 59.96 + 85.90 = 145.86 net; 11.99 + 17.18 = 29.17 VAT.
    expect(report.uk.lines).toEqual([{ ratePercent: "20", orders: 2, taxableAmount: 14586, taxAmount: 2917 }]);
    expect(ukLowValueCsv(report)).toBe(
      "period_start,period_end,vat_rate_percent,orders,box6_sales_excl_vat_gbp,box1_vat_due_gbp\r\n" +
        "2026-11-01,2026-11-30,20,2,145.86,29.17\r\n",
    );
    expect(report.fxRates.find((r) => r.export === "uk")).toMatchObject({
      from: "EUR",
      to: "GBP",
      rate: "0.859",
      basis: "supply_date",
      wantedDate: "2026-11-10",
    });
  });

  it("sums Australian LVIG GST in AUD with the GST-inclusive G1 figure", () => {
    expect(auLvigCsv(report)).toBe(
      "period_start,period_end,gst_rate_percent,orders,taxable_sales_excl_gst_aud,gst_payable_aud,sales_incl_gst_aud\r\n" +
        "2026-11-01,2026-11-30,10,1,54.99,5.50,60.49\r\n",
    );
  });

  it("summarises every checkout-collected tax per month, scheme and country in its own currency", () => {
    expect(taxSummaryCsv(report).split("\r\n")).toEqual([
      "month,scheme,regime,country,tax_name,rate_percent,currency,orders,taxable_amount,tax_amount",
      "2026-11,ioss,EU_IOSS,DE,VAT,19,EUR,2,150.00,28.50",
      "2026-11,ioss,EU_IOSS,FR,VAT,20,EUR,1,50.00,10.00",
      "2026-11,ioss,EU_IOSS,FR,VAT,20,USD,1,108.50,21.70",
      "2026-11,uk_low_value,UK_LOW_VALUE,GB,VAT,20,EUR,1,100.00,20.00",
      "2026-11,uk_low_value,UK_LOW_VALUE,GB,VAT,20,GBP,1,59.96,11.99",
      "2026-11,au_lvig,AU_LOW_VALUE_GST,AU,GST,10,AUD,1,54.99,5.50",
      "2026-11,no_voec,NO_VOEC,NO,VAT,25,NOK,1,637.97,159.49",
      "2026-11,import_ddp,EU_STANDARD_IMPORT,DE,VAT,19,EUR,1,200.00,38.00",
      "",
    ]);
    expect(taxReportCsv(report, "summary")).toBe(taxSummaryCsv(report));
  });

  it("counts orders: border VAT, cancelled, outside the period and no landed cost are left out", () => {
    expect(report.orders).toEqual({ considered: 10, withCheckoutTax: 9, cancelled: 1 });
    const all = JSON.stringify(report);
    for (const left of ["DE-BORDER", "DE-CANCELLED", "DE-DEC"]) expect(all).not.toContain(`ord_${left}`);
  });

  it("splits a multi-month period into one IOSS return per month, each at its own month-end rate", () => {
    const october: DatedFxTable = {
      ...REFERENCE_FX_RATES,
      date: "2026-10-31",
      rates: { ...REFERENCE_FX_RATES.rates, USD: "1.2000" },
    };
    const twoMonths = buildTaxReport(
      [
        {
          ...order(
            "US-OCT",
            stored({ regime: "EU_IOSS", destination: "FR", currency: "USD", taxBase: 12000, tax: 2400 }),
            "2026-10-15T10:00:00Z",
          ),
          currency: "USD",
        },
        {
          ...order(
            "US-NOV",
            stored({ regime: "EU_IOSS", destination: "FR", currency: "USD", taxBase: 10850, tax: 2170 }),
            "2026-11-15T10:00:00Z",
          ),
          currency: "USD",
        },
      ],
      { from: "2026-10-01", to: "2026-12-01" },
      { fxTables: [REFERENCE_FX_RATES, october] },
    );
    // October: the table of 31 October (USD 1.2000) → EUR 100.00 / 20.00, no notice for it.
    // November: no table on or after the 30th → the latest (2 November), with a notice.
    expect(twoMonths.ioss.lines.map((l) => [l.month, l.taxableAmount, l.vatAmount, l.fxDate])).toEqual([
      ["2026-10", 10000, 2000, "2026-10-31"],
      ["2026-11", 10000, 2000, "2026-11-02"],
    ]);
    expect(twoMonths.ioss.months.map((m) => m.month)).toEqual(["2026-10", "2026-11"]);
    expect(twoMonths.notices.filter((n) => n.code === "fx_table_date_differs").map((n) => n.wantedDate)).toEqual([
      "2026-11-30",
    ]);
  });

  it("marks a rate below the standard rate as reduced", () => {
    const reduced = buildTaxReport(
      [
        order(
          "FR-BOOK",
          stored({
            regime: "EU_IOSS",
            destination: "FR",
            currency: "EUR",
            ratePercent: "5.5",
            taxBase: 2000,
            tax: 110,
          }),
        ),
      ],
      NOVEMBER,
    );
    expect(reduced.ioss.lines[0]).toMatchObject({ memberState: "FR", rateType: "reduced", ratePercent: "5.5" });
  });

  it("reports an unreadable landed cost and a currency without a rate instead of guessing", () => {
    const odd = buildTaxReport(
      [
        order("BROKEN", { regime: "EU_IOSS" }),
        {
          ...order(
            "XOF-1",
            stored({ regime: "EU_IOSS", destination: "FR", currency: "XOF", taxBase: 100000, tax: 20000 }),
          ),
          currency: "XOF",
        },
      ],
      NOVEMBER,
    );
    expect(odd.notices.map((n) => n.code).sort()).toEqual(["fx_rate_missing", "landed_cost_unreadable"]);
    expect(odd.ioss.lines).toEqual([]);
    // The summary still shows what was collected, in the currency it was collected in.
    expect(odd.summary).toEqual([expect.objectContaining({ currency: "XOF", taxAmount: 20000 })]);
  });

  it("reads real quotes from quoteLandedCost: IOSS counts, VAT at the border does not", () => {
    const fx = REFERENCE_FX_RATES;
    const line = { hsCode: "610910", value: 1999, quantity: 2, weightGrams: 200, originCountry: "CN" };
    const de: LandedCostQuote = quoteLandedCost(
      {
        origin: "CN",
        destination: "DE",
        incoterm: "DAP",
        currency: "EUR",
        date: "2026-11-10",
        shipping: 499,
        lines: [line],
      },
      { fx, iossRegistered: true },
    );
    const border: LandedCostQuote = quoteLandedCost(
      {
        origin: "CN",
        destination: "DE",
        incoterm: "DAP",
        currency: "EUR",
        date: "2026-11-10",
        shipping: 499,
        lines: [line],
      },
      { fx, iossRegistered: false },
    );
    expect(de.regime).toBe("EU_IOSS");
    expect(border.regime).toBe("EU_LOW_VALUE_IMPORT");
    const real = buildTaxReport([order("REAL-1", de), order("REAL-2", border)], NOVEMBER);
    expect(real.ioss.lines).toEqual([
      expect.objectContaining({
        memberState: "DE",
        ratePercent: "19",
        taxableAmount: de.taxBase,
        vatAmount: de.tax,
        orders: 1,
      }),
    ]);
    expect(real.orders.withCheckoutTax).toBe(1);
  });
});
