/** n / d rounded half away from zero (half up for the positive amounts of a quote), d > 0. */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error("divisor must be positive");
  if (n < 0n) return -divideRoundHalfUp(-n, d);
  return (2n * n + d) / (2n * d);
}

/** amount × basisPoints / 10000, rounded half up on minor units. */
export function percentageOf(amount: number, basisPoints: number): number {
  return toSafeNumber(divideRoundHalfUp(BigInt(amount) * BigInt(basisPoints), 10_000n));
}

export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`Amount ${value} does not fit a safe integer`);
  }
  return Number(value);
}
