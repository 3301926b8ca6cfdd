import Stripe from "stripe";
import {
  isRetryableStatus,
  PaymentVerificationError,
  type PaymentVerifier,
  type Verification,
  type VerifyPaymentInput,
} from "./types";

export interface StripeVerifierConfig {
  /** The merchant's secret (or restricted, read-only) key: sk_live_…, sk_test_…, rk_…. */
  secretKey: string;
  /** Another API origin than api.stripe.com, e.g. the local fake: "http://127.0.0.1:4010". */
  apiBase?: string;
  /**
   * Retries inside the SDK. Default 0: the pipeline step retries a retryable failure itself,
   * with backoff and a record of each attempt, so a hidden second layer would only add waiting.
   */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

const PROVIDER = "stripe";

function stripeClient(config: StripeVerifierConfig): Stripe {
  const origin = config.apiBase ? new URL(config.apiBase) : null;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries ?? 0,
    timeout: config.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: "Crossflow payment verification" },
    ...(origin && {
      host: origin.hostname,
      port: origin.port || (origin.protocol === "http:" ? 80 : 443),
      protocol: origin.protocol === "http:" ? "http" : "https",
    }),
  });
}

function lastPaymentErrorDetail(error: Stripe.PaymentIntent.LastPaymentError): string {
  const code = error.decline_code ?? error.code;
  return [code, error.message].filter(Boolean).join(": ") || "payment attempt failed";
}

/** Refunds and disputes live on the charge, whichever object the reference names. */
function chargeAftermath(charge: Stripe.Charge, base: Verification): Verification | null {
  if (charge.disputed) {
    return { ...base, status: "disputed", detail: "the customer opened a dispute (chargeback) on the charge" };
  }
  if (charge.refunded) return { ...base, status: "refunded", amountRefunded: charge.amount_refunded };
  if (charge.amount_refunded > 0) {
    return { ...base, status: "partially_refunded", amountRefunded: charge.amount_refunded };
  }
  return null;
}

function isoFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

export function paymentIntentVerification(intent: Stripe.PaymentIntent): Verification {
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const base: Verification = {
    status: "pending",
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    source: `Stripe PaymentIntent ${intent.id}`,
    providerStatus: intent.status,
  };
  if (charge) {
    const aftermath = chargeAftermath(charge, { ...base, amount: intent.amount_received || intent.amount });
    if (aftermath) return aftermath;
  }
  switch (intent.status) {
    case "succeeded":
      return {
        ...base,
        status: "succeeded",
        amount: intent.amount_received,
        capturedAt: isoFromUnix(charge?.created ?? intent.created),
      };
    case "requires_capture":
      return { ...base, status: "authorized", amount: intent.amount_capturable };
    case "processing":
      return { ...base, status: "pending", detail: "Stripe is processing the payment" };
    case "requires_action":
      return { ...base, status: "requires_action", detail: "the customer has to complete authentication" };
    case "requires_confirmation":
      return { ...base, status: "requires_action", detail: "the payment has not been confirmed" };
    case "requires_payment_method":
      // Stripe returns a PaymentIntent here both before the first attempt and after a decline.
      return intent.last_payment_error
        ? { ...base, status: "failed", detail: lastPaymentErrorDetail(intent.last_payment_error) }
        : { ...base, status: "requires_action", detail: "no payment method has been provided yet" };
    case "canceled":
      return { ...base, status: "canceled", detail: intent.cancellation_reason ?? undefined };
    default:
      return { ...base, status: "pending", detail: `Stripe status "${intent.status}"` };
  }
}

export function chargeVerification(charge: Stripe.Charge): Verification {
  const base: Verification = {
    status: "pending",
    amount: charge.amount,
    currency: charge.currency.toUpperCase(),
    source: `Stripe charge ${charge.id}`,
    providerStatus: charge.status,
  };
  const aftermath = chargeAftermath(charge, { ...base, amount: charge.amount_captured || charge.amount });
  if (aftermath) return aftermath;
  switch (charge.status) {
    case "succeeded":
      return charge.captured
        ? { ...base, status: "succeeded", amount: charge.amount_captured, capturedAt: isoFromUnix(charge.created) }
        : { ...base, status: "authorized", providerStatus: "succeeded (uncaptured)" };
    case "failed": {
      const detail = [charge.failure_code, charge.failure_message].filter(Boolean).join(": ");
      return { ...base, status: "failed", detail: detail || undefined };
    }
    default:
      return { ...base, status: "pending", detail: "the payment has not cleared yet" };
  }
}

function notFound(input: VerifyPaymentInput, source: string, detail?: string): Verification {
  return { status: "not_found", amount: 0, currency: input.currency.toUpperCase(), source, detail };
}

function toVerificationError(error: unknown, reference: string): PaymentVerificationError {
  const stripeError = error instanceof Stripe.errors.StripeError ? error : null;
  const status = stripeError?.statusCode;
  const connection = error instanceof Stripe.errors.StripeConnectionError;
  // A Stripe error without a status never got an answer; anything else that is not a Stripe
  // error is a bug here, and retrying would not fix it.
  const retryable = stripeError !== null && (connection || status === undefined || isRetryableStatus(status));
  const why = connection
    ? "Stripe could not be reached"
    : status === 401
      ? "Stripe rejected the secret key"
      : status === 403
        ? "the Stripe key may not read payments"
        : status
          ? `Stripe answered HTTP ${status}`
          : "unexpected error";
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentVerificationError(`Could not verify Stripe payment ${reference}: ${why} (${message})`, {
    provider: PROVIDER,
    retryable,
    status,
    cause: error,
  });
}

/** Reads PaymentIntents (pi_…) and charges (ch_…, py_…) through the Stripe SDK. */
export function createStripePaymentVerifier(config: StripeVerifierConfig): PaymentVerifier {
  const stripe = stripeClient(config);
  return {
    async verify(input) {
      const reference = input.reference?.trim();
      if (!reference) return null;
      const kind = reference.startsWith("pi_") ? "PaymentIntent" : /^(ch|py)_/.test(reference) ? "charge" : null;
      if (!kind) {
        return notFound(input, `Stripe reference ${reference}`, "not a PaymentIntent (pi_…) or charge (ch_…, py_…) id");
      }
      try {
        if (kind === "PaymentIntent") {
          const intent = await stripe.paymentIntents.retrieve(reference, { expand: ["latest_charge"] });
          return paymentIntentVerification(intent);
        }
        return chargeVerification(await stripe.charges.retrieve(reference));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeError && error.statusCode === 404) {
          return notFound(input, `Stripe ${kind} ${reference}`);
        }
        throw toVerificationError(error, reference);
      }
    },
  };
}
