import { currencyExponent } from "../currency";
import { divideRoundHalfUp, toSafeNumber } from "./arithmetic";
import type { FxTable } from "./types";

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "7.1234" → 71234 / 10^4, exactly. */
export function parseDecimalRate(text: string): { units: bigint; scale: number } | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  const units = BigInt(match[1] + fraction);
  if (units === 0n) return null;
  return { units, scale: fraction.length };
}

export class FxRateMissingError extends Error {
  constructor(readonly currency: string) {
    super(`No exchange rate for ${currency}`);
    this.name = "FxRateMissingError";
  }
}

function rateOf(fx: FxTable, currency: string): { units: bigint; scale: number } {
  if (currency === fx.base) return { units: 1n, scale: 0 };
  const text = fx.rates[currency];
  const rate = text === undefined ? null : parseDecimalRate(text);
  if (!rate) throw new FxRateMissingError(currency);
  return rate;
}

const pow10 = (n: number) => 10n ** BigInt(n);

export interface MinorUnitsConversion {
  amount: number;
  /** Cross rate from → to with 10 decimals, for display. */
  rate: string;
}

/**
 * Converts integer minor units of `from` into integer minor units of `to` through the
 * table's base, in BigInt, rounding once, half up:
 *   to = amount × 10^exp(to) × rate(to) / (10^exp(from) × rate(from)).
 */
export function convertMinorUnits(
  amount: number,
  from: string,
  to: string,
  fx: FxTable | undefined,
): MinorUnitsConversion {
  if (!Number.isSafeInteger(amount)) throw new Error(`Amount must be an integer in minor units, got ${amount}`);
  const fromExp = currencyExponent(from);
  const toExp = currencyExponent(to);
  if (from === to) return { amount, rate: "1" };
  if (!fx) throw new FxRateMissingError(from);
  const rFrom = rateOf(fx, from);
  const rTo = rateOf(fx, to);
  // rate(X) = units / 10^scale, so to/from = (rTo.units × 10^rFrom.scale) / (rFrom.units × 10^rTo.scale).
  const numerator = BigInt(amount) * pow10(toExp) * rTo.units * pow10(rFrom.scale);
  const denominator = pow10(fromExp) * rFrom.units * pow10(rTo.scale);
  const converted = toSafeNumber(divideRoundHalfUp(numerator, denominator));
  const cross = divideRoundHalfUp(rTo.units * pow10(rFrom.scale) * pow10(10), rFrom.units * pow10(rTo.scale));
  return { amount: converted, rate: formatScaled(cross, 10) };
}

function formatScaled(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
