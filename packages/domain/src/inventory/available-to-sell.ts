/** How much of its stock a channel may be offered. */
export interface ChannelStockPolicy {
  /** Units held back from this channel (e.g. to absorb overselling between syncs). */
  safetyBuffer?: number;
  /** Offer at most this share (1–100 %) of what is free, rounded down. */
  percentage?: number;
  /** Offer at most this many units. */
  cap?: number;
}

export interface StockPosition {
  onHand: number;
  reserved: number;
}

/**
 * Available-to-sell for one channel: on hand − reserved − the channel's safety buffer, then
 * the percentage and the cap, never below zero. Integer units only.
 */
export function availableToSell(stock: StockPosition, policy: ChannelStockPolicy = {}): number {
  let units = stock.onHand - stock.reserved - Math.max(0, policy.safetyBuffer ?? 0);
  if (units <= 0) return 0;
  if (policy.percentage !== undefined) {
    const pct = Math.min(100, Math.max(0, Math.trunc(policy.percentage)));
    units = Math.floor((units * pct) / 100);
  }
  if (policy.cap !== undefined) units = Math.min(units, Math.max(0, Math.trunc(policy.cap)));
  return units;
}

/** Validates a stock policy as entered; returns field-level issues. */
export function checkStockPolicy(policy: ChannelStockPolicy): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const whole = (value: number | undefined, path: string, max = Number.MAX_SAFE_INTEGER) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < 0 || value > max)
      issues.push({ path, message: `a whole number from 0 to ${max}` });
  };
  whole(policy.safetyBuffer, "safetyBuffer");
  whole(policy.percentage, "percentage", 100);
  whole(policy.cap, "cap");
  return issues;
}
