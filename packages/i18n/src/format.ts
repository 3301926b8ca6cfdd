// ISO 4217 minor-unit digits where they differ from 2. Amounts from the API are in ISO minor
// units, and CLDR's display digits differ from ISO for some currencies (IQD, MGA...), so the
// exponent is fixed here rather than taken from Intl.
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** Formats integer minor units (1999 EUR → "€19.99", 1500 JPY → "¥1,500", 12345 KWD → "KWD 12.345"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const value = minor / 10 ** exponent;
  try {
    const formatter = cached(
      `money|${locale}|${code}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: "currency",
          currency: code,
          minimumFractionDigits: exponent,
          maximumFractionDigits: exponent,
        }),
    );
    return formatter.format(value);
  } catch {
    return `${value.toFixed(exponent)} ${code}`;
  }
}

export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type DateTimeStyle = "dateTime" | "date" | "time" | "short" | "long";

const STYLES: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
  short: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  long: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
};

/** Formats an ISO-8601 instant in the given IANA time zone; unknown zones fall back to UTC. */
export function formatDateTime(
  iso: string,
  locale: string,
  timeZone = "UTC",
  style: DateTimeStyle = "dateTime",
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const formatter = cached(
    `date|${locale}|${zone}|${style}`,
    () => new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: zone }),
  );
  return formatter.format(date);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** 0.934 → "93.4%". */
export function formatPercent(ratio: number, locale: string): string {
  return cached(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
  ).format(ratio);
}

/** "DE" → "Germany" / "德国" / "Deutschland"; unknown codes come back unchanged. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "fr" → "French" / "法语"; unknown codes come back unchanged. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}
