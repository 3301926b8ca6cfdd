/**
 * What a payment source says about one payment, in vendor-neutral terms. Adapters (Stripe,
 * PayPal) map their objects onto this; the domain decides what it means for the order.
 */
export const PAYMENT_VERIFICATION_STATUSES = [
  "succeeded",
  "authorized",
  "pending",
  "requires_action",
  "failed",
  "canceled",
  "refunded",
  "partially_refunded",
  "disputed",
  "not_found",
] as const;

export type PaymentVerificationStatus = (typeof PAYMENT_VERIFICATION_STATUSES)[number];

export interface PaymentVerification {
  status: PaymentVerificationStatus;
  /** Integer minor units: captured for `succeeded`, held for `authorized`, requested otherwise. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** ISO 8601 UTC, when the money was captured. */
  capturedAt?: string;
  /** The object that was checked, for people: "Stripe PaymentIntent pi_…", "PayPal capture 2GG…". */
  source: string;
  /** Minor units refunded so far, when the source reports it. */
  amountRefunded?: number;
  /** The source's own explanation: a decline code, a pending reason, a dispute. */
  detail?: string;
  /** The vendor's raw status ("requires_capture", "COMPLETED"), for the decision record. */
  providerStatus?: string;
  /** True when no processor was asked: the order's channel vouches for the payment. */
  attested?: boolean;
}

export function isPaymentVerificationStatus(value: string): value is PaymentVerificationStatus {
  return (PAYMENT_VERIFICATION_STATUSES as readonly string[]).includes(value);
}

const CLAIMED_STATUS_ALIASES: Record<string, PaymentVerificationStatus> = {
  paid: "succeeded",
  captured: "succeeded",
  succeeded: "succeeded",
  completed: "succeeded",
  complete: "succeeded",
  settled: "succeeded",
  authorized: "authorized",
  authorised: "authorized",
  pending: "pending",
  processing: "pending",
  unpaid: "pending",
  awaiting_payment: "pending",
  requires_action: "requires_action",
  failed: "failed",
  declined: "failed",
  denied: "failed",
  canceled: "canceled",
  cancelled: "canceled",
  voided: "canceled",
  expired: "canceled",
  refunded: "refunded",
  partially_refunded: "partially_refunded",
  disputed: "disputed",
  chargeback: "disputed",
};

/** The status a channel or API caller reports ("paid", "Authorised", "PENDING") in our terms, or null. */
export function normalizeClaimedPaymentStatus(claimed: string): PaymentVerificationStatus | null {
  return (
    CLAIMED_STATUS_ALIASES[
      claimed
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_")
    ] ?? null
  );
}
