import { z } from "zod";
import { DEFAULT_PAYMENT_POLICY, type PaymentPolicy } from "./assess";

const MINUTES_PER_WEEK = 7 * 24 * 60;

/**
 * A tenant's payment policy as stored (JSON). Parse with `paymentPolicySchema.parse(stored ?? {})`:
 * everything left out takes the default.
 */
export const paymentPolicySchema = z.object({
  /** A payment still pending this long after the order was placed puts the order on hold (at most a week). */
  unpaidHoldAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(MINUTES_PER_WEEK)
    .default(DEFAULT_PAYMENT_POLICY.unpaidHoldAfterMinutes),
  /** Largest difference in minor units of the order's currency between paid amount and order total. */
  amountToleranceMinor: z.number().int().min(0).default(DEFAULT_PAYMENT_POLICY.amountToleranceMinor),
  /** An authorization (funds held, captured at shipping) counts as paid. */
  acceptAuthorized: z.boolean().default(DEFAULT_PAYMENT_POLICY.acceptAuthorized ?? true),
  /**
   * When the order's payment processor is not connected, hold the order instead of trusting
   * the channel's word that it is paid. Off by default: most merchants connect their processor
   * later, and holding every order until then would stop the business.
   */
  requireVerification: z.boolean().default(false),
});

export type TenantPaymentPolicy = z.output<typeof paymentPolicySchema> & PaymentPolicy;
export type TenantPaymentPolicyInput = z.input<typeof paymentPolicySchema>;

/** The policy a tenant gets before changing anything. */
export function defaultPaymentPolicy(): TenantPaymentPolicy {
  return paymentPolicySchema.parse({});
}
