import { currencyExponent, isCurrency } from "../currency";

export type DecimalRounding = "exact" | "half-up";

export type MinorUnitsResult = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * A channel's decimal amount ("19.99", "1,234.50" is not accepted, 1250 as a JPY number) in
 * integer minor units of the currency, by string arithmetic so that no binary float ever
 * rounds a cent away. "exact" refuses digits beyond the currency's exponent unless they are
 * zeros; "half-up" rounds them away from zero at half (for channels that send unit prices
 * derived by division, such as WooCommerce's line `price`).
 */
export function parseMinorUnits(
  value: string | number,
  currency: string,
  options: { rounding?: DecimalRounding } = {},
): MinorUnitsResult {
  if (!isCurrency(currency)) return { ok: false, message: `unknown currency ${JSON.stringify(currency)}` };
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, message: "must be a finite amount" };
    text = String(value);
    // 1e-7 and 1e21 print in exponent form; an amount that small or large is a bug upstream.
    if (/e/i.test(text)) return { ok: false, message: `amount ${text} is out of range` };
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return { ok: false, message: "must be a decimal amount" };
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    return { ok: false, message: `${JSON.stringify(value)} is not a decimal amount` };
  }
  const negative = match[1] === "-";
  const whole = match[2] || "0";
  const fraction = match[3] ?? "";
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent).padEnd(exponent, "0");
  const dropped = fraction.slice(exponent);
  let roundUp = false;
  if (/[1-9]/.test(dropped)) {
    if ((options.rounding ?? "exact") === "exact") {
      return {
        ok: false,
        message: `${JSON.stringify(value)} has more decimals than ${currency} allows (${exponent})`,
      };
    }
    roundUp = dropped.charCodeAt(0) >= 53; // "5"
  }
  const digits = (whole + kept).replace(/^0+(?=\d)/, "");
  let minor = BigInt(digits);
  if (roundUp) minor += 1n;
  if (negative) minor = -minor;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: `amount ${text} overflows` };
  }
  return { ok: true, value: Number(minor) };
}

/** parseMinorUnits that throws: for amounts the caller has already validated. */
export function toMinorUnits(
  value: string | number,
  currency: string,
  options: { rounding?: DecimalRounding } = {},
): number {
  const result = parseMinorUnits(value, currency, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Integer minor units as the channel's decimal string: 1999 USD → "19.99", 1250 JPY → "1250". */
export function minorUnitsToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an integer amount: ${minor}`);
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
