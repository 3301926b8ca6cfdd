import { isCashOnDelivery, isChannelAttestedProvider, normalizeProvider } from "@crossflow/domain";
import { createChannelAttestedVerifier } from "./channel";
import { createPayPalPaymentVerifier, type PayPalVerifierConfig } from "./paypal";
import { createStripePaymentVerifier, type StripeVerifierConfig } from "./stripe";
import type { PaymentVerifier } from "./types";

export interface PaymentVerifierConfig {
  /** Null or absent: Stripe is not connected and its payments verify to null. */
  stripe?: StripeVerifierConfig | null;
  paypal?: PayPalVerifierConfig | null;
}

export interface RoutedPaymentVerifier extends PaymentVerifier {
  /** Which processors have credentials, for the console and the decision record. */
  readonly connected: { stripe: boolean; paypal: boolean };
}

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * STRIPE_SECRET_KEY (+ STRIPE_API_BASE for a fake or proxy); PAYPAL_CLIENT_ID and
 * PAYPAL_CLIENT_SECRET (+ PAYPAL_BASE_URL, default the sandbox). A provider without its
 * credentials is left unconnected rather than half-configured.
 */
export function paymentVerifierConfigFromEnv(env: Env = process.env): PaymentVerifierConfig {
  const secretKey = nonEmpty(env.STRIPE_SECRET_KEY);
  const clientId = nonEmpty(env.PAYPAL_CLIENT_ID);
  const clientSecret = nonEmpty(env.PAYPAL_CLIENT_SECRET);
  return {
    stripe: secretKey ? { secretKey, apiBase: nonEmpty(env.STRIPE_API_BASE) } : null,
    paypal: clientId && clientSecret ? { clientId, clientSecret, baseUrl: nonEmpty(env.PAYPAL_BASE_URL) } : null,
  };
}

/**
 * One verifier for every provider: Stripe and PayPal through their APIs when connected (null
 * otherwise), cash on delivery and channel-attested providers without a call, and null for a
 * provider Crossflow cannot check. The domain's assessPayment turns null into a clear hold.
 */
export function createPaymentVerifier(
  config: PaymentVerifierConfig = paymentVerifierConfigFromEnv(),
): RoutedPaymentVerifier {
  const stripe = config.stripe ? createStripePaymentVerifier(config.stripe) : null;
  const paypal = config.paypal ? createPayPalPaymentVerifier(config.paypal) : null;
  const attested = createChannelAttestedVerifier();
  return {
    connected: { stripe: stripe !== null, paypal: paypal !== null },
    async verify(input) {
      const provider = normalizeProvider(input.provider);
      if (provider === "stripe") return stripe ? stripe.verify(input) : null;
      if (provider === "paypal") return paypal ? paypal.verify(input) : null;
      if (isCashOnDelivery(provider) || isChannelAttestedProvider(provider)) return attested.verify(input);
      return null;
    },
  };
}
