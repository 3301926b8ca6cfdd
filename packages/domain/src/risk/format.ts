import { currencyExponent, isCurrency } from "../currency";

/** "USD 1,250.00", "JPY 150,000": an amount in minor units written for a merchant, without floats. */
export function formatMinorUnits(amount: number, currency: string): string {
  if (!isCurrency(currency)) return `${amount} minor units of ${currency}`;
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${currency} ${sign}${whole}${fraction}`;
}

/** "30 minutes", "24 hours", "7 days". */
export function formatWindow(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % (24 * 60) === 0 && minutes > 24 * 60) return plural(minutes / (24 * 60), "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}
