import { formatPaymentAmount } from "./amount";
import {
  isCashOnDelivery,
  isChannelAttestedProvider,
  isVerifiablePaymentProvider,
  normalizeProvider,
  paymentProviderName,
} from "./providers";
import {
  normalizeClaimedPaymentStatus,
  type PaymentVerification,
  type PaymentVerificationStatus,
} from "./verification";

export interface PaymentOrderFacts {
  /** Order total in integer minor units of `currency`. */
  total: number;
  currency: string;
  placedAt: Date | string;
  /** "stripe", "paypal", "cod", "manual", "channel", or a marketplace ("amazon", "ebay", …). */
  provider: string;
  /** The processor's id: pi_…, ch_…, py_… (Stripe), a capture or order id (PayPal). */
  reference?: string | null;
  /** What the channel or API caller says the payment is ("paid", "pending", …). */
  statusClaimed: string;
}

export interface PaymentPolicy {
  /** A payment still pending this long after the order was placed puts the order on hold. */
  unpaidHoldAfterMinutes: number;
  /** Largest difference in minor units between paid amount and order total that still matches. */
  amountToleranceMinor: number;
  /** An authorization (funds held, captured when the order ships) counts as paid. Default true. */
  acceptAuthorized?: boolean;
}

export const DEFAULT_PAYMENT_POLICY: PaymentPolicy = {
  unpaidHoldAfterMinutes: 60,
  amountToleranceMinor: 0,
  acceptAuthorized: true,
};

export const PAYMENT_HOLD_CODES = [
  "payment_mismatch",
  "payment_not_confirmed",
  "payment_failed",
  "payment_refunded",
  "payment_disputed",
  "payment_not_found",
  "payment_provider_not_connected",
  "payment_provider_unsupported",
] as const;

export type PaymentHoldCode = (typeof PAYMENT_HOLD_CODES)[number];

export type PaymentAssessment =
  | { verdict: "verified"; reason: string }
  /** Not paid yet but still young: check again; at `waitUntil` (ISO 8601) it becomes a hold. */
  | { verdict: "wait"; reason: string; waitUntil: string }
  | { verdict: "hold"; reason: string; holdCode: PaymentHoldCode };

export interface AssessPaymentInput {
  order: PaymentOrderFacts;
  /**
   * What the payment source said; null when nobody could be asked (the provider is not
   * connected or not one Crossflow can check). Ignored for cash on delivery and for
   * channel-attested providers, whose evidence is the order's own claimed status.
   */
  verification: PaymentVerification | null;
  now: Date | string;
  policy: PaymentPolicy;
}

const MINUTE_MS = 60_000;

function toMillis(at: Date | string, what: string): number {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`${what} is not a valid time: ${String(at)}`);
  return ms;
}

function formatAge(minutes: number): string {
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} hours`;
  return `${Math.floor(minutes / (24 * 60))} days`;
}

function hold(holdCode: PaymentHoldCode, reason: string): PaymentAssessment {
  return { verdict: "hold", holdCode, reason };
}

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text} (${detail})` : text;
}

/** Not paid yet: wait while the order is young, hold once the policy's patience is used up. */
function waitOrHold(
  subject: string,
  state: string,
  input: AssessPaymentInput,
): Extract<PaymentAssessment, { verdict: "wait" | "hold" }> {
  const placed = toMillis(input.order.placedAt, "placedAt");
  const now = toMillis(input.now, "now");
  const limit = input.policy.unpaidHoldAfterMinutes;
  const deadline = placed + limit * MINUTE_MS;
  if (now < deadline) {
    const waitUntil = new Date(deadline).toISOString();
    return {
      verdict: "wait",
      waitUntil,
      reason: `${subject} ${state}; checking again until ${waitUntil}, ${limit} minutes after the order was placed, when an unpaid order goes on hold`,
    };
  }
  const age = formatAge(Math.max(0, Math.floor((now - placed) / MINUTE_MS)));
  return {
    verdict: "hold",
    holdCode: "payment_not_confirmed",
    reason: `${subject} ${state} ${age} after the order was placed (the limit is ${limit} minutes); nothing ships until it is paid`,
  };
}

/** Refunds, disputes and failures mean the same whoever reports them. */
function settledAgainst(
  subject: string,
  status: PaymentVerificationStatus,
  detail: string | undefined,
  refund?: { refunded?: number; amount: number; currency: string },
): PaymentAssessment | null {
  switch (status) {
    case "disputed":
      return hold(
        "payment_disputed",
        `${withDetail(`${subject} is disputed`, detail)}: the customer challenged the payment, so nothing ships until someone reviews it`,
      );
    case "refunded":
      return hold(
        "payment_refunded",
        `${subject} was refunded${refund ? ` (${formatPaymentAmount(refund.refunded ?? refund.amount, refund.currency)})` : ""}; nothing ships against a refunded payment`,
      );
    case "partially_refunded": {
      const part =
        refund?.refunded !== undefined
          ? `: ${formatPaymentAmount(refund.refunded, refund.currency)} of ${formatPaymentAmount(refund.amount, refund.currency)}`
          : "";
      return hold("payment_refunded", `${subject} was partly refunded${part}; review the order before it ships`);
    }
    case "failed":
      return hold("payment_failed", `${withDetail(`${subject} failed`, detail)}; the customer has not paid`);
    case "canceled":
      return hold("payment_failed", `${withDetail(`${subject} was canceled`, detail)}; the customer has not paid`);
    default:
      return null;
  }
}

function assessCashOnDelivery(input: AssessPaymentInput): PaymentAssessment {
  const { order } = input;
  const claimed = normalizeClaimedPaymentStatus(order.statusClaimed);
  const settled = claimed && settledAgainst("The cash-on-delivery payment", claimed, undefined);
  if (settled) return settled;
  return {
    verdict: "verified",
    reason: `Cash on delivery: the carrier collects ${formatPaymentAmount(order.total, order.currency)} from the customer at the door`,
  };
}

function attester(provider: string): string {
  switch (normalizeProvider(provider)) {
    case "channel":
      return "the order's sales channel";
    case "manual":
      return "a manual entry";
    case "marketplace":
      return "the marketplace";
    default:
      return paymentProviderName(provider);
  }
}

function assessChannelAttested(input: AssessPaymentInput): PaymentAssessment {
  const { order } = input;
  const who = attester(order.provider);
  const ref = order.reference ? `, ${order.reference}` : "";
  const amount = formatPaymentAmount(order.total, order.currency);
  const claimed = normalizeClaimedPaymentStatus(order.statusClaimed);
  const subject = `The payment reported by ${who}${order.reference ? ` (${order.reference})` : ""}`;
  switch (claimed) {
    case "succeeded":
    case "authorized": {
      const word = claimed === "succeeded" ? "paid" : "authorized";
      const evidence =
        normalizeProvider(order.provider) === "manual"
          ? "the person who recorded it vouches for it"
          : "the channel collected the money and attests it";
      return {
        verdict: "verified",
        reason: `Payment ${word} (${amount}${ref}) as attested by ${who}: ${evidence}; there is no processor record for Crossflow to check`,
      };
    }
    case "pending":
      return waitOrHold(subject, "is still pending", input);
    case "requires_action":
      return waitOrHold(subject, "is waiting for the customer", input);
    case null:
      return hold(
        "payment_not_confirmed",
        `${who} reports the payment as "${order.statusClaimed}", which Crossflow does not recognise; nothing ships until someone confirms it is paid`,
      );
    default:
      return settledAgainst(subject, claimed, undefined) ?? hold("payment_not_confirmed", `${subject} is not paid`);
  }
}

function assessProcessor(input: AssessPaymentInput): PaymentAssessment {
  const { order, verification: v, policy } = input;
  const name = paymentProviderName(order.provider);
  if (!order.reference) {
    return hold(
      "payment_not_found",
      `The order says it was paid through ${name} but carries no payment reference, so there is nothing to verify it against`,
    );
  }
  if (!v) {
    return isVerifiablePaymentProvider(order.provider)
      ? hold(
          "payment_provider_not_connected",
          `${name} is not connected, so payment ${order.reference} could not be verified; connect ${name} or have a reviewer confirm the payment`,
        )
      : hold(
          "payment_provider_unsupported",
          `Crossflow cannot check payments made through ${name}, so payment ${order.reference} could not be verified; a reviewer has to confirm it`,
        );
  }
  if (v.status === "not_found") {
    return hold(
      "payment_not_found",
      `${withDetail(`${v.source} was not found in the connected ${name} account`, v.detail)}; the reference may be wrong or belong to another account`,
    );
  }
  const settled = settledAgainst(v.source, v.status, v.detail, {
    refunded: v.amountRefunded,
    amount: v.amount,
    currency: v.currency,
  });
  if (settled) return settled;

  const paid = formatPaymentAmount(v.amount, v.currency);
  const total = formatPaymentAmount(order.total, order.currency);
  if (v.currency.toUpperCase() !== order.currency.toUpperCase()) {
    return hold("payment_mismatch", `${v.source} is for ${paid} but the order total is ${total}: different currency`);
  }
  const difference = v.amount - order.total;
  if (Math.abs(difference) > policy.amountToleranceMinor) {
    const by = formatPaymentAmount(Math.abs(difference), order.currency);
    return hold(
      "payment_mismatch",
      `${v.source} is for ${paid} but the order total is ${total}: ${difference < 0 ? "short" : "over"} by ${by}`,
    );
  }
  const tolerated =
    difference === 0
      ? ""
      : ` (order total ${total}, within the ${formatPaymentAmount(policy.amountToleranceMinor, order.currency)} tolerance)`;

  if (v.status === "succeeded") {
    return { verdict: "verified", reason: `${v.source} succeeded for ${paid}${tolerated}` };
  }
  if (v.status === "authorized") {
    if (policy.acceptAuthorized ?? true) {
      return {
        verdict: "verified",
        reason: `${v.source} is authorized for ${paid}${tolerated}: the funds are held and captured when the order ships`,
      };
    }
    return waitOrHold(v.source, `is authorized for ${paid} but not captured`, input);
  }
  if (v.status === "requires_action") {
    return waitOrHold(v.source, withDetail("is waiting for the customer", v.detail), input);
  }
  return waitOrHold(v.source, withDetail("is pending", v.detail), input);
}

/**
 * Whether an order's payment lets it go on: verified, wait (not paid yet, still young) or
 * hold with a code and a reason a merchant understands. Pure: the caller fetched the
 * verification (or could not, and passes null) and passes the clock.
 */
export function assessPayment(input: AssessPaymentInput): PaymentAssessment {
  const { provider } = input.order;
  if (isCashOnDelivery(provider)) return assessCashOnDelivery(input);
  if (isChannelAttestedProvider(provider)) return assessChannelAttested(input);
  return assessProcessor(input);
}
