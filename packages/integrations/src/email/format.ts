import { currencyExponent } from "@crossflow/domain";
import type { EmailMoney } from "./events";

/**
 * Minor units as an exact decimal string ("1234", exponent 2 → "12.34"), so that Intl formats
 * the amount without a floating-point division.
 */
export function minorUnitsToDecimalString(amount: number, exponent: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be an integer in minor units: ${amount}`);
  const digits = Math.abs(amount).toString();
  const sign = amount < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

export function formatMoney(money: EmailMoney, locale: string): string {
  const currency = money.currency.toUpperCase();
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl.NumberFormat.format takes a decimal string exactly (ECMA-402 NumberFormat v3); the
  // lib typings only declare number | bigint.
  return format.format(minorUnitsToDecimalString(money.amount, exponent) as unknown as number);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(iso: string): Date {
  const date = new Date(DATE_ONLY.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO date: ${iso}`);
  return date;
}

/**
 * A calendar date as the shopper reads it ("Friday, March 14"). Dates are shown in UTC: a
 * date-only value is a calendar day, and the shopper's time zone is not known here.
 */
export function formatEmailDate(iso: string, locale: string, style: "weekday" | "long" = "long"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "weekday"
      ? { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }
      : { dateStyle: "long", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(parseIsoDate(iso));
}

export function formatCountry(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
