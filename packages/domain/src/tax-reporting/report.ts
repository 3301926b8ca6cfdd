import { isCurrency } from "../currency";
import { consumptionTaxRateOn } from "../customs/consumption-tax-rates";
import { parsePercent } from "../customs/decimal-rate";
import type { DatedFxTable } from "../customs/fx-provider";
import type { LandedCostQuote } from "../customs/landed-cost-types";
import { REFERENCE_FX_RATES } from "../fx/reference-rates";
import { convertMinorUnits, FxRateMissingError } from "../shipping/fx";
import { inPeriod, lastDayOfMonth, type ReportPeriod, utcDay } from "./period";
import {
  type IossMonth,
  type IossReport,
  type IossReturnLine,
  type LowValueLine,
  type LowValueReport,
  TAX_SCHEMES,
  type TaxFxRateUsed,
  type TaxReport,
  type TaxReportNotice,
  type TaxReportOrder,
  type TaxScheme,
  type TaxSummaryRow,
  type VatRateType,
} from "./types";

export interface TaxReportOptions {
  /** Dated exchange-rate tables (units per base); default the shipped REFERENCE_FX_RATES snapshot. */
  fxTables?: readonly DatedFxTable[];
}

/** Regimes under which the seller charges the tax at the sale and declares it on a return. */
const POINT_OF_SALE_SCHEMES: Readonly<Record<string, TaxScheme>> = {
  EU_IOSS: "ioss",
  UK_LOW_VALUE: "uk_low_value",
  AU_LOW_VALUE_GST: "au_lvig",
  NZ_LOW_VALUE_GST: "nz_low_value",
  NO_VOEC: "no_voec",
  SG_LOW_VALUE_GST: "sg_ovr",
};

type StoredQuote = Pick<LandedCostQuote, "regime" | "destination" | "currency" | "date" | "taxRate" | "taxBase"> & {
  charges: Array<Pick<LandedCostQuote["charges"][number], "kind" | "amount" | "collectedAt">>;
};

/** Tax one quote says the merchant collected at checkout. */
interface CollectedEntry {
  orderId: string;
  externalId: string;
  day: string;
  month: string;
  scheme: TaxScheme;
  regime: string;
  country: string;
  taxName: string;
  ratePercent: string;
  currency: string;
  taxable: number;
  tax: number;
  quoteDate: string;
}

const isAmount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function isStoredQuote(value: unknown): value is StoredQuote {
  if (typeof value !== "object" || value === null) return false;
  const q = value as Record<string, unknown>;
  if (typeof q.regime !== "string" || typeof q.destination !== "string" || typeof q.date !== "string") return false;
  if (typeof q.currency !== "string" || !isCurrency(q.currency) || !isAmount(q.taxBase)) return false;
  if (q.taxRate !== null && q.taxRate !== undefined) {
    const rate = q.taxRate as Record<string, unknown>;
    if (typeof rate.country !== "string" || typeof rate.taxName !== "string" || typeof rate.ratePercent !== "string")
      return false;
  }
  return (
    Array.isArray(q.charges) &&
    q.charges.every(
      (c) =>
        typeof c === "object" &&
        c !== null &&
        typeof (c as Record<string, unknown>).kind === "string" &&
        typeof (c as Record<string, unknown>).collectedAt === "string" &&
        isAmount((c as Record<string, unknown>).amount),
    )
  );
}

/** The quotes stored on an order: one, or one per shipment of a split order; null when unreadable. */
function storedQuotes(landedCost: unknown): StoredQuote[] | null {
  if (landedCost === null || landedCost === undefined) return [];
  const list = Array.isArray(landedCost)
    ? landedCost.map((item) => (typeof item === "object" && item !== null ? (item as { quote?: unknown }).quote : null))
    : [landedCost];
  return list.every(isStoredQuote) ? list : null;
}

function samePercent(a: string, b: string): boolean {
  const x = parsePercent(a);
  const y = parsePercent(b);
  if (!x || !y) return a === b;
  return x.units * 10n ** BigInt(y.scale) === y.units * 10n ** BigInt(x.scale);
}

/** Standard when the rate is the member state's standard rate on the quote date, else reduced. */
function rateTypeOf(country: string, ratePercent: string, date: string): VatRateType {
  const standard = consumptionTaxRateOn(country, date);
  return !standard || samePercent(standard.ratePercent, ratePercent) ? "standard" : "reduced";
}

function sortedTables(tables: readonly DatedFxTable[]): DatedFxTable[] {
  if (tables.length === 0) throw new Error("A tax report needs at least one exchange-rate table");
  return [...tables].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The ECB rates of the last day of the period, or of the next day they were published
 * (Art. 369zb(2) VAT Directive); without such a table, the latest one before it.
 */
function tableForPeriodEnd(tables: readonly DatedFxTable[], lastDay: string): DatedFxTable {
  return tables.find((t) => t.date >= lastDay) ?? (tables[tables.length - 1] as DatedFxTable);
}

/** The rates in force on the day of the sale: the latest table on or before it, else the earliest. */
function tableForDay(tables: readonly DatedFxTable[], day: string): DatedFxTable {
  const before = tables.filter((t) => t.date <= day);
  return before[before.length - 1] ?? (tables[0] as DatedFxTable);
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** Tolerated distance between a sale and the rates table converting it before the report says so. */
const SUPPLY_DATE_FX_TOLERANCE_DAYS = 7;

function collect(orders: readonly TaxReportOrder[], period: ReportPeriod, notices: TaxReportNotice[]) {
  const entries: CollectedEntry[] = [];
  let considered = 0;
  let cancelled = 0;
  for (const order of orders) {
    const day = utcDay(order.placedAt);
    if (!inPeriod(day, period) || order.landedCost === null || order.landedCost === undefined) continue;
    if (order.status === "cancelled") {
      cancelled++;
      continue;
    }
    const quotes = storedQuotes(order.landedCost);
    if (!quotes) {
      notices.push({
        code: "landed_cost_unreadable",
        orderId: order.orderId,
        externalId: order.externalId,
        message: `Order ${order.externalId}: the stored landed cost could not be read; it is left out`,
      });
      continue;
    }
    considered++;
    for (const quote of quotes) {
      const tax = quote.charges
        .filter((c) => c.kind === "tax" && c.collectedAt === "checkout")
        .reduce((sum, c) => sum + c.amount, 0);
      if (tax <= 0) continue;
      entries.push({
        orderId: order.orderId,
        externalId: order.externalId,
        day,
        month: day.slice(0, 7),
        scheme: POINT_OF_SALE_SCHEMES[quote.regime] ?? "import_ddp",
        regime: quote.regime,
        country: quote.taxRate?.country ?? quote.destination,
        taxName: quote.taxRate?.taxName ?? "tax",
        ratePercent: quote.taxRate?.ratePercent ?? "",
        currency: quote.currency,
        taxable: quote.taxBase,
        tax,
        quoteDate: quote.date,
      });
    }
  }
  return { entries, considered, cancelled };
}

interface Sums {
  taxable: number;
  tax: number;
  orders: Set<string>;
}

function bucket<K extends string>(map: Map<K, Sums>, key: K): Sums {
  let sums = map.get(key);
  if (!sums) {
    sums = { taxable: 0, tax: 0, orders: new Set() };
    map.set(key, sums);
  }
  return sums;
}

/**
 * EU IOSS: per month, member state of consumption and rate. Amounts are summed per currency
 * first and each sum converted once with the period-end rate, so rounding happens once per
 * currency rather than once per order.
 */
function iossReport(
  entries: readonly CollectedEntry[],
  tables: readonly DatedFxTable[],
  fxRates: TaxFxRateUsed[],
  notices: TaxReportNotice[],
): IossReport {
  const byCurrency = new Map<string, Sums & { entry: CollectedEntry; rateType: VatRateType }>();
  for (const entry of entries.filter((e) => e.scheme === "ioss")) {
    const rateType = rateTypeOf(entry.country, entry.ratePercent, entry.quoteDate);
    const key = [entry.month, entry.country, rateType, entry.ratePercent, entry.currency].join("|");
    const sums = byCurrency.get(key) ?? { taxable: 0, tax: 0, orders: new Set<string>(), entry, rateType };
    sums.taxable += entry.taxable;
    sums.tax += entry.tax;
    sums.orders.add(entry.orderId);
    byCurrency.set(key, sums);
  }

  const lines = new Map<string, IossReturnLine & { orderIds: Set<string> }>();
  const used = new Map<string, TaxFxRateUsed & { orderIds: Set<string> }>();
  const missing = new Map<string, Set<string>>();
  for (const group of byCurrency.values()) {
    const { month, country, ratePercent, currency } = group.entry;
    const lastDay = lastDayOfMonth(month);
    let taxable = group.taxable;
    let vat = group.tax;
    let fxDate: string | null = null;
    if (currency !== "EUR") {
      const table = tableForPeriodEnd(tables, lastDay);
      try {
        const converted = convertMinorUnits(group.taxable, currency, "EUR", table);
        taxable = converted.amount;
        vat = convertMinorUnits(group.tax, currency, "EUR", table).amount;
        fxDate = table.date;
        const usedKey = `${month}|${currency}`;
        const record = used.get(usedKey) ?? {
          export: "ioss" as const,
          from: currency,
          to: "EUR",
          rate: converted.rate,
          tableDate: table.date,
          source: table.source ?? "",
          basis: "period_end" as const,
          month,
          wantedDate: lastDay,
          orders: 0,
          orderIds: new Set<string>(),
        };
        for (const id of group.orders) record.orderIds.add(id);
        used.set(usedKey, record);
      } catch (error) {
        if (!(error instanceof FxRateMissingError)) throw error;
        const ids = missing.get(currency) ?? new Set<string>();
        for (const e of entries.filter((x) => x.scheme === "ioss" && x.currency === currency)) ids.add(e.externalId);
        missing.set(currency, ids);
        continue;
      }
    }
    const key = [month, country, group.rateType, ratePercent].join("|");
    const line = lines.get(key) ?? {
      month,
      memberState: country,
      rateType: group.rateType,
      ratePercent,
      taxableAmount: 0,
      vatAmount: 0,
      orders: 0,
      fxDate: null,
      orderIds: new Set<string>(),
    };
    line.taxableAmount += taxable;
    line.vatAmount += vat;
    line.fxDate = line.fxDate ?? fxDate;
    for (const id of group.orders) line.orderIds.add(id);
    lines.set(key, line);
  }

  for (const record of used.values()) {
    const { orderIds, ...rest } = record;
    fxRates.push({ ...rest, orders: orderIds.size });
    if (record.tableDate !== record.wantedDate) {
      notices.push({
        code: "fx_table_date_differs",
        export: "ioss",
        currency: record.from,
        wantedDate: record.wantedDate,
        tableDate: record.tableDate,
        message: `IOSS ${record.month}: ${record.from} converted with the rates of ${record.tableDate}; the return needs the ECB rates of ${record.wantedDate} (or the next publication)`,
      });
    }
  }
  for (const [currency, ids] of missing) {
    notices.push({
      code: "fx_rate_missing",
      export: "ioss",
      currency,
      orders: [...ids].sort(),
      message: `No ${currency}→EUR rate: ${[...ids].sort().join(", ")} left out of the IOSS return`,
    });
  }

  const ordered = [...lines.values()]
    .map(({ orderIds, ...line }) => ({ ...line, orders: orderIds.size }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.memberState.localeCompare(b.memberState) ||
        (a.rateType === b.rateType ? 0 : a.rateType === "standard" ? -1 : 1) ||
        a.ratePercent.localeCompare(b.ratePercent),
    );
  const monthOrders = new Map<string, Set<string>>();
  for (const line of lines.values()) {
    const set = monthOrders.get(line.month) ?? new Set<string>();
    for (const id of line.orderIds) set.add(id);
    monthOrders.set(line.month, set);
  }
  const months: IossMonth[] = [...monthOrders.keys()].sort().map((month) => {
    const of = ordered.filter((l) => l.month === month);
    return {
      month,
      taxableAmount: of.reduce((s, l) => s + l.taxableAmount, 0),
      vatAmount: of.reduce((s, l) => s + l.vatAmount, 0),
      orders: monthOrders.get(month)?.size ?? 0,
    };
  });
  return {
    currency: "EUR",
    lines: ordered,
    months,
    totals: {
      taxableAmount: months.reduce((s, m) => s + m.taxableAmount, 0),
      vatAmount: months.reduce((s, m) => s + m.vatAmount, 0),
      orders: months.reduce((s, m) => s + m.orders, 0),
    },
  };
}

/** UK / AU: each sale converted into the filing currency with the rates of its day, then summed per rate. */
function lowValueReport(
  exportName: "uk" | "au",
  scheme: TaxScheme,
  currency: "GBP" | "AUD",
  entries: readonly CollectedEntry[],
  tables: readonly DatedFxTable[],
  fxRates: TaxFxRateUsed[],
  notices: TaxReportNotice[],
): LowValueReport {
  const byRate = new Map<string, Sums>();
  const used = new Map<string, TaxFxRateUsed & { orderIds: Set<string> }>();
  const stale = new Map<string, { wantedDate: string; tableDate: string; currency: string }>();
  const missing = new Map<string, Set<string>>();
  for (const entry of entries.filter((e) => e.scheme === scheme)) {
    let taxable = entry.taxable;
    let tax = entry.tax;
    if (entry.currency !== currency) {
      const table = tableForDay(tables, entry.day);
      try {
        const converted = convertMinorUnits(entry.taxable, entry.currency, currency, table);
        taxable = converted.amount;
        tax = convertMinorUnits(entry.tax, entry.currency, currency, table).amount;
        const key = `${entry.currency}|${table.date}`;
        const record = used.get(key) ?? {
          export: exportName,
          from: entry.currency,
          to: currency,
          rate: converted.rate,
          tableDate: table.date,
          source: table.source ?? "",
          basis: "supply_date" as const,
          wantedDate: entry.day,
          orders: 0,
          orderIds: new Set<string>(),
        };
        if (entry.day < record.wantedDate) record.wantedDate = entry.day;
        record.orderIds.add(entry.orderId);
        used.set(key, record);
        if (daysApart(entry.day, table.date) > SUPPLY_DATE_FX_TOLERANCE_DAYS && !stale.has(key)) {
          stale.set(key, { wantedDate: entry.day, tableDate: table.date, currency: entry.currency });
        }
      } catch (error) {
        if (!(error instanceof FxRateMissingError)) throw error;
        const ids = missing.get(entry.currency) ?? new Set<string>();
        ids.add(entry.externalId);
        missing.set(entry.currency, ids);
        continue;
      }
    }
    const sums = bucket(byRate, entry.ratePercent);
    sums.taxable += taxable;
    sums.tax += tax;
    sums.orders.add(entry.orderId);
  }
  for (const { orderIds, ...record } of used.values()) fxRates.push({ ...record, orders: orderIds.size });
  for (const s of stale.values()) {
    notices.push({
      code: "fx_table_date_differs",
      export: exportName,
      currency: s.currency,
      wantedDate: s.wantedDate,
      tableDate: s.tableDate,
      message: `${exportName.toUpperCase()}: ${s.currency} sales converted with the rates of ${s.tableDate}, more than ${SUPPLY_DATE_FX_TOLERANCE_DAYS} days from the sale (${s.wantedDate})`,
    });
  }
  for (const [from, ids] of missing) {
    notices.push({
      code: "fx_rate_missing",
      export: exportName,
      currency: from,
      orders: [...ids].sort(),
      message: `No ${from}→${currency} rate: ${[...ids].sort().join(", ")} left out of the ${exportName.toUpperCase()} report`,
    });
  }
  const lines: LowValueLine[] = [...byRate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ratePercent, sums]) => ({
      ratePercent,
      orders: sums.orders.size,
      taxableAmount: sums.taxable,
      taxAmount: sums.tax,
    }));
  const all = new Set<string>();
  for (const sums of byRate.values()) for (const id of sums.orders) all.add(id);
  return {
    currency,
    lines,
    totals: {
      taxableAmount: lines.reduce((s, l) => s + l.taxableAmount, 0),
      taxAmount: lines.reduce((s, l) => s + l.taxAmount, 0),
      orders: all.size,
    },
  };
}

function summaryRows(entries: readonly CollectedEntry[]): TaxSummaryRow[] {
  const rows = new Map<string, TaxSummaryRow & { orderIds: Set<string> }>();
  for (const e of entries) {
    const key = [e.month, e.scheme, e.regime, e.country, e.taxName, e.ratePercent, e.currency].join("|");
    const row = rows.get(key) ?? {
      month: e.month,
      scheme: e.scheme,
      regime: e.regime,
      country: e.country,
      taxName: e.taxName,
      ratePercent: e.ratePercent,
      currency: e.currency,
      orders: 0,
      taxableAmount: 0,
      taxAmount: 0,
      orderIds: new Set<string>(),
    };
    row.taxableAmount += e.taxable;
    row.taxAmount += e.tax;
    row.orderIds.add(e.orderId);
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ orderIds, ...row }) => ({ ...row, orders: orderIds.size }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        TAX_SCHEMES.indexOf(a.scheme) - TAX_SCHEMES.indexOf(b.scheme) ||
        a.country.localeCompare(b.country) ||
        a.ratePercent.localeCompare(b.ratePercent) ||
        a.currency.localeCompare(b.currency),
    );
}

/**
 * What the merchant collected and must file for a period, from the landed-cost quotes stored
 * on its orders. Only tax collected at checkout counts: VAT a buyer pays the carrier at the
 * border is not the merchant's to declare. Cancelled orders and orders placed outside
 * [from, to) are left out. Amounts stay integer minor units throughout; conversions use the
 * dated tables and every rate used is reported with its date and source.
 */
export function buildTaxReport(
  orders: readonly TaxReportOrder[],
  period: ReportPeriod,
  options: TaxReportOptions = {},
): TaxReport {
  const tables = sortedTables(options.fxTables ?? [REFERENCE_FX_RATES]);
  const notices: TaxReportNotice[] = [];
  const fxRates: TaxFxRateUsed[] = [];
  const { entries, considered, cancelled } = collect(orders, period, notices);
  const ioss = iossReport(entries, tables, fxRates, notices);
  const uk = lowValueReport("uk", "uk_low_value", "GBP", entries, tables, fxRates, notices);
  const au = lowValueReport("au", "au_lvig", "AUD", entries, tables, fxRates, notices);
  return {
    period,
    orders: { considered, withCheckoutTax: new Set(entries.map((e) => e.orderId)).size, cancelled },
    ioss,
    uk,
    au,
    summary: summaryRows(entries),
    fxRates,
    notices,
  };
}
