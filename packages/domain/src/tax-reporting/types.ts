import type { ReportPeriod } from "./period";

/** One order as the report reads it: `landedCost` is the stored jsonb (a quote, or `{ shipmentId, quote }[]`). */
export interface TaxReportOrder {
  orderId: string;
  externalId: string;
  placedAt: Date | string;
  status: string;
  currency: string;
  landedCost: unknown;
}

/**
 * Where tax the merchant collected at checkout is declared:
 * - `ioss`: EU Import One-Stop Shop, consignments ≤ EUR 150, monthly IOSS return;
 * - `uk_low_value`: UK consignments ≤ GBP 135, output VAT on the seller's UK VAT return;
 * - `au_lvig`: Australian GST on low value imported goods (≤ AUD 1,000);
 * - `nz_low_value`, `no_voec`, `sg_ovr`: the NZ, Norwegian VOEC and Singapore OVR returns;
 * - `import_ddp`: DDP import VAT/GST, collected from the buyer at checkout but paid at the border
 *   on the merchant's account (carrier or broker), so it is on no sales return.
 */
export type TaxScheme = "ioss" | "uk_low_value" | "au_lvig" | "nz_low_value" | "no_voec" | "sg_ovr" | "import_ddp";

export const TAX_SCHEMES: readonly TaxScheme[] = [
  "ioss",
  "uk_low_value",
  "au_lvig",
  "nz_low_value",
  "no_voec",
  "sg_ovr",
  "import_ddp",
];

/** The CSV exports: the three filings and the generic summary. */
export type TaxExport = "ioss" | "uk" | "au" | "summary";
export const TAX_EXPORTS: readonly TaxExport[] = ["ioss", "uk", "au", "summary"];

export type VatRateType = "standard" | "reduced";

/** One line of an EU IOSS return: member state of consumption × VAT rate, amounts in euro cents. */
export interface IossReturnLine {
  /** The tax period, a calendar month YYYY-MM. */
  month: string;
  memberState: string;
  rateType: VatRateType;
  ratePercent: string;
  taxableAmount: number;
  vatAmount: number;
  orders: number;
  /** Date of the exchange-rate table used for non-euro amounts of this month; null when all were in euro. */
  fxDate: string | null;
}

export interface IossMonth {
  month: string;
  taxableAmount: number;
  vatAmount: number;
  orders: number;
}

export interface IossReport {
  currency: "EUR";
  lines: IossReturnLine[];
  months: IossMonth[];
  totals: { taxableAmount: number; vatAmount: number; orders: number };
}

/** UK or AU low-value goods: taxable sales and tax per rate over the whole period, in the filing currency. */
export interface LowValueLine {
  ratePercent: string;
  orders: number;
  /** Sales excluding the tax (goods + delivery + insurance), minor units of the filing currency. */
  taxableAmount: number;
  taxAmount: number;
}

export interface LowValueReport {
  currency: "GBP" | "AUD";
  lines: LowValueLine[];
  totals: { taxableAmount: number; taxAmount: number; orders: number };
}

/** Tax collected at checkout per month, scheme, country and rate, in the currency it was collected in. */
export interface TaxSummaryRow {
  month: string;
  scheme: TaxScheme;
  /** The regime code of the quotes (EU_IOSS, UK_LOW_VALUE, …). */
  regime: string;
  country: string;
  taxName: string;
  ratePercent: string;
  currency: string;
  orders: number;
  taxableAmount: number;
  taxAmount: number;
}

/** An exchange rate a report used, and why that table. */
export interface TaxFxRateUsed {
  export: "ioss" | "uk" | "au";
  from: string;
  to: string;
  /** Units of `to` per unit of `from`, decimal string. */
  rate: string;
  /** Date of the rates table used. */
  tableDate: string;
  source: string;
  /**
   * `period_end`: the rate of the last day of the tax period (EU IOSS, Art. 369zb(2) VAT Directive);
   * `supply_date`: the rate of the day of the sale (UK and AU, converted order by order).
   */
  basis: "period_end" | "supply_date";
  /** For `period_end`: the IOSS month. */
  month?: string;
  /** The day whose rate the rule asks for (the month's last day), or the first sale day converted. */
  wantedDate: string;
  orders: number;
}

export type TaxReportNotice =
  | {
      code: "fx_table_date_differs";
      export: "ioss" | "uk" | "au";
      currency: string;
      wantedDate: string;
      tableDate: string;
      message: string;
    }
  | { code: "fx_rate_missing"; export: "ioss" | "uk" | "au"; currency: string; orders: string[]; message: string }
  | { code: "landed_cost_unreadable"; orderId: string; externalId: string; message: string };

export interface TaxReport {
  period: ReportPeriod;
  orders: {
    /** Orders with a landed cost placed in the period, cancelled ones excluded. */
    considered: number;
    /** Of those, orders with tax the merchant collected at checkout. */
    withCheckoutTax: number;
    cancelled: number;
  };
  ioss: IossReport;
  uk: LowValueReport;
  au: LowValueReport;
  summary: TaxSummaryRow[];
  fxRates: TaxFxRateUsed[];
  notices: TaxReportNotice[];
}
