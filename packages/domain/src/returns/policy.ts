import { z } from "zod";

export const RETURN_REASONS = [
  "wrong_size",
  "damaged",
  "not_as_described",
  "changed_mind",
  "arrived_late",
  "other",
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_CONDITIONS = ["as_new", "opened", "damaged", "missing"] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export type ShippingPayer = "merchant" | "customer";

const minorUnits = z.number().int().min(0).max(1_000_000_000);
const currencyAmounts = z.record(z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code"), minorUnits);
const percent = z.number().min(0).max(100);

/** Merchant-fault reasons: the merchant pays the way back and, by default, the original shipping. */
const MERCHANT_FAULT: readonly ReturnReason[] = ["damaged", "not_as_described"];

const DEFAULT_SHIPPING_PAID_BY: Record<ReturnReason, ShippingPayer> = Object.fromEntries(
  RETURN_REASONS.map((r) => [r, MERCHANT_FAULT.includes(r) ? "merchant" : "customer"]),
) as Record<ReturnReason, ShippingPayer>;

/**
 * A tenant's return policy (tenant_settings.returns). Everything has a default, so `{}` is the
 * standard policy: 30 days, all reasons, merchant pays for its own faults, no restocking fee,
 * a second approver above EUR/USD/GBP 200.
 */
export const returnPolicySchema = z.object({
  enabled: z.boolean().default(true),
  /** Days from delivery (or from the order when no delivery is recorded). */
  windowDays: z.number().int().min(1).max(365).default(30),
  reasons: z
    .array(z.enum(RETURN_REASONS))
    .min(1)
    .default([...RETURN_REASONS]),
  excludedSkus: z.array(z.string().trim().min(1).max(100)).max(1000).default([]),
  excludedTags: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  shippingPaidBy: z
    .partialRecord(z.enum(RETURN_REASONS), z.enum(["merchant", "customer"]))
    .default({ ...DEFAULT_SHIPPING_PAID_BY })
    .transform((given) => ({ ...DEFAULT_SHIPPING_PAID_BY, ...given }) as Record<ReturnReason, ShippingPayer>),
  /** What a customer-paid return label costs the shopper, deducted from the refund, per currency. */
  returnShippingFee: currencyAmounts.default({ EUR: 595, USD: 695, GBP: 495 }),
  /** Percent of the line value kept when the reason is one of restockingFeeReasons. */
  restockingFeePercent: percent.default(0),
  restockingFeeReasons: z.array(z.enum(RETURN_REASONS)).default(["changed_mind"]),
  /** Share refunded by the condition found at inspection (a merchant-fault reason always refunds in full). */
  conditionRefundPercent: z
    .object({ as_new: percent.default(100), opened: percent.default(100), damaged: percent.default(0) })
    .default({ as_new: 100, opened: 100, damaged: 0 }),
  /** Refunds at or above this amount (minor units, per currency) need a second approver. */
  fourEyesThreshold: currencyAmounts.default({ EUR: 20_000, USD: 20_000, GBP: 20_000 }),
  refundOriginalShippingWhenMerchantAtFault: z.boolean().default(true),
  /** Approve eligible requests (and send the label) without staff review. */
  autoApprove: z.boolean().default(true),
});

export type ReturnPolicy = z.output<typeof returnPolicySchema>;
export type ReturnPolicyInput = z.input<typeof returnPolicySchema>;

export function defaultReturnPolicy(): ReturnPolicy {
  return returnPolicySchema.parse({});
}

/** The stored policy, or the default when nothing (or something no longer valid) is stored. */
export function readReturnPolicy(stored: unknown): ReturnPolicy {
  const parsed = returnPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultReturnPolicy();
}

export function isMerchantFault(reason: string, policy: ReturnPolicy): boolean {
  return policy.shippingPaidBy[reason as ReturnReason] === "merchant";
}

/** Who pays the way back for a return with these reasons: the merchant when any line is its fault. */
export function returnShippingPayer(reasons: readonly string[], policy: ReturnPolicy): ShippingPayer {
  return reasons.some((r) => isMerchantFault(r, policy)) ? "merchant" : "customer";
}
