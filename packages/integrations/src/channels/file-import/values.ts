import { type ChannelPaymentStatus, isCountry, parseMinorUnits } from "@crossflow/domain";

export type Cell = string | number | boolean | Date | null | undefined;

export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/**
 * A money cell in minor units. Numbers come from XLSX; text may carry a currency sign and
 * either decimal mark. With a decimal comma file (";"-separated, as German Excel writes)
 * "1.234,56" and "19,99" read as expected; otherwise "," is a thousands separator.
 */
export function parseAmountCell(cell: Cell, currency: string, decimalComma: boolean): ValueResult<number> {
  if (typeof cell === "number") {
    // XLSX numbers are binary floats (19.99 is 19.989999…): rounding to the exponent is exact here.
    const result = parseMinorUnits(cell, currency, { rounding: "half-up" });
    return result.ok ? result : { ok: false, message: result.message };
  }
  let text = cellText(cell).replace(/[\s\u00a0'’]/g, "");
  text = text.replace(/^[A-Za-z$€£¥₩₹]+|[A-Za-z$€£¥₩₹]+$/g, "");
  if (text === "") return { ok: false, message: "is empty" };
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    text = lastComma > lastDot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  } else if (lastComma >= 0) {
    const groupsOfThree = /^-?\d{1,3}(,\d{3})+$/.test(text);
    text = decimalComma || !groupsOfThree ? text.replace(",", ".") : text.replace(/,/g, "");
  } else if (decimalComma && /^-?\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, "");
  }
  const result = parseMinorUnits(text, currency);
  return result.ok
    ? result
    : { ok: false, message: `${JSON.stringify(cellText(cell))} is not an amount in ${currency}` };
}

export function parseQuantityCell(cell: Cell): ValueResult<number> {
  const value =
    typeof cell === "number"
      ? cell
      : /^\s*\d+([.,]0+)?\s*$/.test(cellText(cell))
        ? Number.parseInt(cellText(cell), 10)
        : Number.NaN;
  if (!Number.isInteger(value) || value <= 0) {
    return { ok: false, message: `${JSON.stringify(cellText(cell))} is not a whole number of at least 1` };
  }
  return { ok: true, value };
}

const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})/, (m) => [+m[3]!, +m[2]!, +m[1]!]],
];

/** ISO dates, 2025/03/14, 2025年3月14日 and 14.03.2025, with an optional hh:mm[:ss]; read as UTC. */
export function parseDateCell(cell: Cell): ValueResult<Date> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? { ok: false, message: "is not a date" } : { ok: true, value: cell };
  }
  const text = cellText(cell);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    if (!Number.isNaN(date.getTime())) return { ok: true, value: date };
  }
  for (const [pattern, parts] of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text.slice(match[0].length));
    const date = new Date(
      Date.UTC(year, month - 1, day, Number(time?.[1] ?? 0), Number(time?.[2] ?? 0), Number(time?.[3] ?? 0)),
    );
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return { ok: true, value: date };
  }
  return { ok: false, message: `${JSON.stringify(text)} is not a date (use YYYY-MM-DD)` };
}

let countryNames: Map<string, string> | null = null;

/** Country names in English, German and Chinese as Intl knows them, to ISO codes. */
function countryByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const locales = ["en", "de", "zh"].map((l) => new Intl.DisplayNames([l], { type: "region" }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!isCountry(code)) continue;
      for (const names of locales) {
        const name = names.of(code);
        if (name && name !== code) countryNames.set(name.toLowerCase(), code);
      }
    }
  }
  for (const [alias, code] of [
    ["usa", "US"],
    ["uk", "GB"],
    ["england", "GB"],
    ["great britain", "GB"],
    ["deutschland", "DE"],
    ["美国", "US"],
    ["英国", "GB"],
  ] as const) {
    countryNames.set(alias, code);
  }
  return countryNames;
}

export function parseCountryCell(cell: Cell): ValueResult<string> {
  const text = cellText(cell);
  if (/^[A-Za-z]{2}$/.test(text) && isCountry(text.toUpperCase())) return { ok: true, value: text.toUpperCase() };
  const code = countryByName().get(text.toLowerCase());
  if (code) return { ok: true, value: code };
  return { ok: false, message: `${JSON.stringify(text)} is not a country (use a code such as DE)` };
}

const PAYMENT: Record<string, ChannelPaymentStatus> = {
  paid: "paid",
  yes: "paid",
  true: "paid",
  bezahlt: "paid",
  ja: "paid",
  已支付: "paid",
  已付款: "paid",
  是: "paid",
  authorized: "authorized",
  autorisiert: "authorized",
  已授权: "authorized",
  pending: "pending",
  unpaid: "pending",
  no: "pending",
  false: "pending",
  offen: "pending",
  unbezahlt: "pending",
  nein: "pending",
  未支付: "pending",
  未付款: "pending",
  待支付: "pending",
  否: "pending",
  failed: "failed",
  fehlgeschlagen: "failed",
  支付失败: "failed",
  refunded: "refunded",
  erstattet: "refunded",
  已退款: "refunded",
};

export function parsePaymentStatusCell(cell: Cell): ValueResult<ChannelPaymentStatus> {
  const status = PAYMENT[cellText(cell).toLowerCase()];
  return status
    ? { ok: true, value: status }
    : { ok: false, message: `${JSON.stringify(cellText(cell))} is not a payment status (paid, pending, refunded…)` };
}
