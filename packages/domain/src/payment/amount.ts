import { currencyExponent, isCurrency } from "../currency";

const DECIMAL = /^(-)?(\d*)(?:\.(\d+))?$/;

/**
 * A decimal amount string as payment APIs send it ("44.97", "1500", "1.234") in integer minor
 * units of `currency`, using the ISO 4217 exponent. Pure string and integer arithmetic: a float
 * would turn "0.29" into 28.999… cents. Digits beyond the currency's precision must be zeros;
 * anything else is refused rather than rounded, because a payment amount is never rounded.
 */
export function decimalToMinorUnits(value: string, currency: string): number {
  const match = DECIMAL.exec(value.trim());
  const [, sign, whole = "", fraction = ""] = match ?? [];
  if (!match || (whole === "" && fraction === "")) throw new Error(`Not a decimal amount: "${value}"`);
  if (!isCurrency(currency)) throw new Error(`Unknown currency ${currency}`);
  const exponent = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > exponent) {
    throw new Error(`${currency} has ${exponent} decimal places, "${value}" has more`);
  }
  const digits = `${whole}${significant.padEnd(exponent, "0")}`;
  const minor = BigInt(digits === "" ? "0" : digits);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`Amount "${value}" ${currency} is too large`);
  const amount = Number(minor);
  return sign && amount !== 0 ? -amount : amount;
}

/** "EUR 44.97", "JPY 1500", "KWD 1.234": minor units written back as the currency's decimal. */
export function formatPaymentAmount(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount) || !isCurrency(currency)) return `${amount} minor units of ${currency}`;
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${currency} ${amount < 0 ? "-" : ""}${whole}${fraction}`;
}
