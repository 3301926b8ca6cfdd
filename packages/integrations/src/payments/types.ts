import type { PaymentVerification } from "@crossflow/domain";

export type Verification = PaymentVerification;

export interface VerifyPaymentInput {
  /** "stripe", "paypal", "cod", "manual", "channel", a marketplace… */
  provider: string;
  /** pi_… / ch_… / py_… for Stripe; a capture or order id for PayPal ("capture:ID" / "order:ID" to say which). */
  reference?: string | null;
  /** Order total in integer minor units; attested verifications echo it, processors are checked against it by the domain. */
  expectedAmount: number;
  currency: string;
  /** What the channel says ("paid", "pending"…); the only evidence for channel-attested payments. */
  statusClaimed?: string;
}

/**
 * Asks a payment source what became of one payment. Resolves null when the source cannot be
 * asked (no credentials, or a provider Crossflow does not check); resolves `not_found` when it
 * was asked and does not know the reference; rejects with a PaymentVerificationError otherwise.
 */
export interface PaymentVerifier {
  verify(input: VerifyPaymentInput): Promise<Verification | null>;
}

/**
 * The source could not answer. `retryable` errors (network, timeouts, 429, 5xx) are worth
 * another attempt by the pipeline step; the others (rejected credentials, a malformed answer)
 * need a person.
 */
export class PaymentVerificationError extends Error {
  readonly provider: string;
  readonly retryable: boolean;
  readonly status: number | undefined;

  constructor(message: string, options: { provider: string; retryable: boolean; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "PaymentVerificationError";
    this.provider = options.provider;
    this.retryable = options.retryable;
    this.status = options.status;
  }
}

export function isRetryablePaymentError(error: unknown): boolean {
  return error instanceof PaymentVerificationError && error.retryable;
}

/** HTTP statuses worth retrying: throttling and the server's own failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
