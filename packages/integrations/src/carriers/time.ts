import { currencyExponent } from "@crossflow/domain";

/** "+08:00", "+8", "UTC+8", "GMT-05:00", "-0500" → "+08:00" style; undefined when unreadable. */
export function normalizeOffset(offset: string | undefined): string | undefined {
  if (!offset) return undefined;
  const match = /([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*$/.exec(offset.trim());
  if (!match) return /^(utc|gmt|z)$/i.test(offset.trim()) ? "+00:00" : undefined;
  return `${match[1]}${match[2]!.padStart(2, "0")}:${match[3] ?? "00"}`;
}

/** A carrier's local date and time with its UTC offset, as a UTC ISO instant. */
export function localToUtcIso(
  date: string,
  time: string,
  offset: string | undefined,
  fallbackOffset = "+00:00",
): string {
  const d = date.length === 8 ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : date;
  const digits = time.replaceAll(":", "");
  const t = `${digits.slice(0, 2) || "00"}:${digits.slice(2, 4) || "00"}:${digits.slice(4, 6) || "00"}`;
  const iso = `${d}T${t}${normalizeOffset(offset) ?? fallbackOffset}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Unreadable carrier time: ${date} ${time} ${offset ?? ""}`);
  return new Date(ms).toISOString();
}

/** "2024-09-03 08:19:17" in the given (or default) offset, or an ISO string with its own offset. */
export function carrierDateTimeToUtc(value: string, offset?: string, fallbackOffset = "+00:00"): string {
  const trimmed = value.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(trimmed) && trimmed.includes("T")) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  const [date = "", time = "00:00:00"] = trimmed.split(/[ T]/);
  return localToUtcIso(date, time, offset, fallbackOffset);
}

export function todayUtc(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Minor units to the decimal number carriers' JSON wants (1999, "USD" → 19.99; 1999, "JPY" → 1999). */
export function minorToDecimal(amount: number, currency: string): number {
  const exponent = currencyExponent(currency);
  return Number((amount / 10 ** exponent).toFixed(exponent));
}

/** A carrier's decimal amount (number or string) in minor units. */
export function decimalToMinor(value: number | string, currency: string): number {
  const exponent = currencyExponent(currency);
  return Math.round(Number(value) * 10 ** exponent);
}
