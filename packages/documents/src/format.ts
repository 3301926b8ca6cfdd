import { currencyExponent } from "@crossflow/domain";

const DEFAULT_LOCALE = "en-GB";

/** Minor units → "€1,234.50" / "¥1,200" using the currency's ISO 4217 exponent. */
export function formatMoney(minor: number, currency: string, locale = DEFAULT_LOCALE): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Amount must be an integer in minor units, got ${minor}`);
  const exponent = currencyExponent(currency);
  const major = minor / 10 ** exponent;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(major);
}

/** Minor units as a bare decimal for customs boxes ("1234.50"), no symbol, no grouping. */
export function formatAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exponent === 0) return `${sign}${abs}`;
  const scale = 10 ** exponent;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(exponent, "0")}`;
}

export function formatWeightKg(grams: number): string {
  return `${(grams / 1000).toFixed(3)} kg`;
}

/** "2025-03-14" from an ISO date or timestamp, without time zone surprises for plain dates. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid document date ${value}`);
  return date.toISOString().slice(0, 10);
}

/** Space-separated HS code groups: 610910 → "6109.10", 6109100010 → "6109.10.00.10". */
export function formatHsCode(code: string): string {
  const digits = code.replace(/\D/g, "");
  if (digits.length < 6) return digits;
  const groups = [digits.slice(0, 4), digits.slice(4, 6)];
  for (let i = 6; i < digits.length; i += 2) groups.push(digits.slice(i, i + 2));
  return groups.join(".");
}

const REASON_LABELS: Record<string, string> = {
  sale: "Sale of goods",
  return: "Returned goods",
  gift: "Gift",
  sample: "Commercial sample",
  documents: "Documents",
  repair: "Repair or warranty",
  other: "Other",
};

export function reasonLabel(reason: string): string {
  return REASON_LABELS[reason] ?? reason;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE" → "Germany (DE)": customs forms want the country name in English, carriers want the code. */
export function countryName(code: string): string {
  const name = regionNames.of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** How the city line is written where it differs from "postal code, city" (UPU S42 address templates). */
const CITY_LINE_STYLE: Record<string, "city-region-postal" | "city-then-postal"> = {
  US: "city-region-postal",
  CA: "city-region-postal",
  AU: "city-region-postal",
  GB: "city-then-postal",
  IE: "city-then-postal",
};

export function addressLines(address: {
  name: string;
  company?: string;
  lines: string[];
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
}): string[] {
  const style = CITY_LINE_STYLE[address.country] ?? "postal-city";
  const cityLines =
    style === "city-region-postal"
      ? [[address.city, address.region, address.postalCode].filter(Boolean).join(" ")]
      : style === "city-then-postal"
        ? [address.city, address.postalCode ?? ""].filter(Boolean)
        : [[address.postalCode, address.city, address.region].filter(Boolean).join(" ")];
  return [
    address.name,
    ...(address.company ? [address.company] : []),
    ...address.lines,
    ...cityLines,
    countryName(address.country),
  ];
}
