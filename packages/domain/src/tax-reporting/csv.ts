import { minorUnitsToDecimal } from "../channel-order/money";
import { addDays, type ReportPeriod } from "./period";
import type { TaxExport, TaxReport } from "./types";

/** One field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header row, then the records, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** The period's last day, as the returns name it (`to` is exclusive). */
export function periodLastDay(period: ReportPeriod): string {
  return addDays(period.to, -1);
}

/**
 * EU IOSS return lines. The IOSS VAT return (Art. 369zb VAT Directive 2006/112/EC; content
 * per Implementing Regulation (EU) No 815/2012, Annex III as amended by (EU) 2020/194) is
 * filed per calendar month and lists, per member state of consumption and VAT rate, the total
 * taxable amount, the rate, and the VAT amount, in euro; amounts in other currencies are
 * converted with the ECB rate of the last day of the month (Art. 369zb(2)).
 * Columns: ioss_number, tax_period (YYYY-MM), member_state_of_consumption (ISO 3166-1 alpha-2;
 * Greece is "GR" here, "EL" in the EU's own forms), vat_rate_type (STANDARD|REDUCED),
 * vat_rate_percent, taxable_amount_eur, vat_amount_eur, orders, exchange_rates_date (the rates
 * table used for non-euro sales, empty when all were in euro).
 */
export const IOSS_CSV_HEADER = [
  "ioss_number",
  "tax_period",
  "member_state_of_consumption",
  "vat_rate_type",
  "vat_rate_percent",
  "taxable_amount_eur",
  "vat_amount_eur",
  "orders",
  "exchange_rates_date",
] as const;

export function iossReturnCsv(report: TaxReport, options: { iossNumber?: string } = {}): string {
  return toCsv(
    IOSS_CSV_HEADER,
    report.ioss.lines.map((line) => [
      options.iossNumber ?? "",
      line.month,
      line.memberState,
      line.rateType.toUpperCase(),
      line.ratePercent,
      minorUnitsToDecimal(line.taxableAmount, "EUR"),
      minorUnitsToDecimal(line.vatAmount, "EUR"),
      line.orders,
      line.fxDate ?? "",
    ]),
  );
}

/**
 * UK VAT on low-value imports. Goods in consignments of GBP 135 or less sold to UK consumers
 * carry UK VAT charged by the seller at the point of sale (Taxation (Cross-border Trade) Act
 * 2018 / VAT Act 1994 as amended from 1 January 2021; HMRC guidance "VAT and overseas goods
 * sold directly to customers in the UK"). The seller declares it on its own UK VAT return:
 * the VAT in Box 1 ("VAT due on sales and other outputs") and the net sale value in Box 6
 * ("total value of sales … excluding any VAT"; HMRC VAT Notice 700/12). These rows are this
 * period's contribution to those boxes, in pounds and pence (Box 6 is entered in whole
 * pounds). Non-sterling sales are converted with the rates of the sale day.
 * Columns: period_start, period_end (inclusive), vat_rate_percent, orders,
 * box6_sales_excl_vat_gbp, box1_vat_due_gbp.
 */
export const UK_CSV_HEADER = [
  "period_start",
  "period_end",
  "vat_rate_percent",
  "orders",
  "box6_sales_excl_vat_gbp",
  "box1_vat_due_gbp",
] as const;

export function ukLowValueCsv(report: TaxReport): string {
  return toCsv(
    UK_CSV_HEADER,
    report.uk.lines.map((line) => [
      report.period.from,
      periodLastDay(report.period),
      line.ratePercent,
      line.orders,
      minorUnitsToDecimal(line.taxableAmount, "GBP"),
      minorUnitsToDecimal(line.taxAmount, "GBP"),
    ]),
  );
}

/**
 * Australia GST on low value imported goods (LVIG: goods of customs value AUD 1,000 or less,
 * A New Tax System (Goods and Services Tax) Act 1999 Div 84-C; ATO "GST on low value imported
 * goods" and LCR 2018/1). A simplified-GST-registered seller reports each quarter its taxable
 * Australian sales and the GST payable; a fully registered one reports them on the BAS at G1
 * (total sales, GST-inclusive) and 1A (GST on sales). Both are given, in AUD; non-AUD sales
 * are converted with the rates of the sale day.
 * Columns: period_start, period_end (inclusive), gst_rate_percent, orders,
 * taxable_sales_excl_gst_aud, gst_payable_aud (1A), sales_incl_gst_aud (G1).
 */
export const AU_CSV_HEADER = [
  "period_start",
  "period_end",
  "gst_rate_percent",
  "orders",
  "taxable_sales_excl_gst_aud",
  "gst_payable_aud",
  "sales_incl_gst_aud",
] as const;

export function auLvigCsv(report: TaxReport): string {
  return toCsv(
    AU_CSV_HEADER,
    report.au.lines.map((line) => [
      report.period.from,
      periodLastDay(report.period),
      line.ratePercent,
      line.orders,
      minorUnitsToDecimal(line.taxableAmount, "AUD"),
      minorUnitsToDecimal(line.taxAmount, "AUD"),
      minorUnitsToDecimal(line.taxableAmount + line.taxAmount, "AUD"),
    ]),
  );
}

/**
 * Tax collected at checkout per month, scheme, country and rate, in the currency it was
 * collected in (no conversion): the reconciliation view across every scheme, including NZ,
 * Norway VOEC, Singapore OVR and DDP import VAT.
 * Columns: month, scheme, regime, country, tax_name, rate_percent, currency, orders,
 * taxable_amount, tax_amount.
 */
export const SUMMARY_CSV_HEADER = [
  "month",
  "scheme",
  "regime",
  "country",
  "tax_name",
  "rate_percent",
  "currency",
  "orders",
  "taxable_amount",
  "tax_amount",
] as const;

export function taxSummaryCsv(report: TaxReport): string {
  return toCsv(
    SUMMARY_CSV_HEADER,
    report.summary.map((row) => [
      row.month,
      row.scheme,
      row.regime,
      row.country,
      row.taxName,
      row.ratePercent,
      row.currency,
      row.orders,
      minorUnitsToDecimal(row.taxableAmount, row.currency),
      minorUnitsToDecimal(row.taxAmount, row.currency),
    ]),
  );
}

export function taxReportCsv(report: TaxReport, name: TaxExport, options: { iossNumber?: string } = {}): string {
  switch (name) {
    case "ioss":
      return iossReturnCsv(report, options);
    case "uk":
      return ukLowValueCsv(report);
    case "au":
      return auLvigCsv(report);
    case "summary":
      return taxSummaryCsv(report);
  }
}

const FILE_PREFIX: Record<TaxExport, string> = {
  ioss: "ioss-return",
  uk: "uk-vat-low-value",
  au: "au-gst-lvig",
  summary: "tax-collected",
};

/** "ioss-return_2026-11-01_2026-11-30.csv": the export and its inclusive dates. */
export function taxReportFileName(name: TaxExport, period: ReportPeriod): string {
  return `${FILE_PREFIX[name]}_${period.from}_${periodLastDay(period)}.csv`;
}
