import Stripe from "stripe";
import type { StripeVerifierConfig } from "./stripe";

export interface RefundRequest {
  /** The order's payment reference: a PaymentIntent (pi_…) or a charge (ch_…, py_…). */
  paymentReference: string;
  /** Minor units of the payment's currency. */
  amount: number;
  currency: string;
  /** The same key sends one refund however often the call is repeated. */
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

export interface IssuedRefund {
  id: string;
  status: string;
  amount: number;
  currency: string;
}

/** Refunds a processor's payment; errors carry whether trying again may help. */
export interface RefundClient {
  provider: "stripe";
  refund(request: RefundRequest): Promise<IssuedRefund>;
}

export class RefundError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RefundError";
  }
}

/** Refunds through Stripe's Refunds API with the SDK (and the given API origin, e.g. the local fake). */
export function createStripeRefundClient(config: StripeVerifierConfig): RefundClient {
  const origin = config.apiBase ? new URL(config.apiBase) : null;
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries ?? 2,
    timeout: config.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: "Crossflow refunds" },
    ...(origin && {
      host: origin.hostname,
      port: origin.port || (origin.protocol === "http:" ? 80 : 443),
      protocol: origin.protocol === "http:" ? "http" : "https",
    }),
  });
  return {
    provider: "stripe",
    async refund(request) {
      const reference = request.paymentReference.trim();
      const target = reference.startsWith("pi_")
        ? { payment_intent: reference }
        : /^(ch|py)_/.test(reference)
          ? { charge: reference }
          : null;
      if (!target) throw new RefundError(`"${reference}" is not a Stripe PaymentIntent or charge id`, false);
      try {
        const refund = await stripe.refunds.create(
          { ...target, amount: request.amount, reason: "requested_by_customer", metadata: request.metadata },
          { idempotencyKey: request.idempotencyKey },
        );
        return { id: refund.id, status: refund.status ?? "pending", amount: refund.amount, currency: refund.currency };
      } catch (error) {
        const stripeError = error instanceof Stripe.errors.StripeError ? error : null;
        const status = stripeError?.statusCode;
        const retryable =
          error instanceof Stripe.errors.StripeConnectionError ||
          status === undefined ||
          status === 409 ||
          status === 429 ||
          status >= 500;
        throw new RefundError(`Stripe refused the refund: ${(error as Error).message}`, retryable, status);
      }
    },
  };
}

/** STRIPE_SECRET_KEY (+ STRIPE_API_BASE); null without a key: Stripe refunds are then flagged, never faked. */
export function stripeRefundClientFromEnv(env: Record<string, string | undefined> = process.env): RefundClient | null {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return null;
  const apiBase = env.STRIPE_API_BASE?.trim();
  return createStripeRefundClient({ secretKey, ...(apiBase ? { apiBase } : {}) });
}
