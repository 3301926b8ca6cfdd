import { divideRoundHalfUp, toSafeNumber } from "../shipping/arithmetic";

/** A percentage kept exact: units / 10^scale per cent ("25.5" → 255 / 10). */
export interface ExactPercent {
  units: bigint;
  scale: number;
  text: string;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** Parses "20", "25.5", "8.1", "0" (at most 4 decimals, at most 999.9999). Null when malformed. */
export function parsePercent(text: string): ExactPercent | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  return { units: BigInt(match[1] + fraction), scale: fraction.length, text: text.trim() };
}

/** amount × percent / 100 on integer minor units, rounded once, half up. */
export function applyPercent(amount: number, percent: ExactPercent): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`Amount must be an integer in minor units, got ${amount}`);
  const denominator = 100n * 10n ** BigInt(percent.scale);
  return toSafeNumber(divideRoundHalfUp(BigInt(amount) * percent.units, denominator));
}

/**
 * Splits `total` over `weights` in proportion, in integers that add up exactly to `total`
 * (largest remainder), so freight allocated to lines never gains or loses a cent.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) {
    const even = weights.map(() => Math.floor(total / weights.length));
    even[0] = (even[0] ?? 0) + (total - even.reduce((a, b) => a + b, 0));
    return even;
  }
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => (bigTotal * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (bigTotal * BigInt(w)) % bigSum }));
  let left = total - shares.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const result = shares.map(Number);
  for (const { i } of remainders) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  return result;
}
