import { assessPayment, DEFAULT_PAYMENT_POLICY, type PaymentOrderFacts } from "@crossflow/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPaymentVerifier,
  type FakePaymentServer,
  paymentVerifierConfigFromEnv,
  paypalCapturePayload,
  startFakePaymentServer,
  stripePaymentIntentPayload,
} from "../../src/index";

let fake: FakePaymentServer;
beforeAll(async () => {
  fake = await startFakePaymentServer();
});
afterAll(() => fake.close());

const order = (overrides: Partial<PaymentOrderFacts>): PaymentOrderFacts => ({
  total: 4497,
  currency: "EUR",
  placedAt: "2026-03-02T10:00:00Z",
  provider: "stripe",
  reference: "pi_envStripe",
  statusClaimed: "paid",
  ...overrides,
});

async function verifyAndAssess(verifier: ReturnType<typeof createPaymentVerifier>, facts: PaymentOrderFacts) {
  const verification = await verifier.verify({
    provider: facts.provider,
    reference: facts.reference,
    expectedAmount: facts.total,
    currency: facts.currency,
    statusClaimed: facts.statusClaimed,
  });
  return {
    verification,
    assessment: assessPayment({
      order: facts,
      verification,
      now: "2026-03-02T10:05:00Z",
      policy: DEFAULT_PAYMENT_POLICY,
    }),
  };
}

describe("paymentVerifierConfigFromEnv", () => {
  it("connects nothing without credentials", () => {
    expect(paymentVerifierConfigFromEnv({})).toEqual({ stripe: null, paypal: null });
    expect(paymentVerifierConfigFromEnv({ STRIPE_SECRET_KEY: " ", PAYPAL_CLIENT_ID: "id" })).toEqual({
      stripe: null,
      paypal: null,
    });
  });

  it("reads the keys and the optional base URLs", () => {
    expect(
      paymentVerifierConfigFromEnv({
        STRIPE_SECRET_KEY: "sk_test_123",
        STRIPE_API_BASE: "http://127.0.0.1:4010",
        PAYPAL_CLIENT_ID: "id",
        PAYPAL_CLIENT_SECRET: "secret",
      }),
    ).toEqual({
      stripe: { secretKey: "sk_test_123", apiBase: "http://127.0.0.1:4010" },
      paypal: { clientId: "id", clientSecret: "secret", baseUrl: undefined },
    });
  });
});

describe("createPaymentVerifier", () => {
  it("returns null for unconnected processors, and the domain says so plainly", async () => {
    const verifier = createPaymentVerifier(paymentVerifierConfigFromEnv({}));
    expect(verifier.connected).toEqual({ stripe: false, paypal: false });
    const { verification, assessment } = await verifyAndAssess(
      verifier,
      order({ reference: "pi_3MtwBwLkdIwHu7ix28a3tqPa" }),
    );
    expect(verification).toBeNull();
    expect(assessment).toEqual({
      verdict: "hold",
      holdCode: "payment_provider_not_connected",
      reason:
        "Stripe is not connected, so payment pi_3MtwBwLkdIwHu7ix28a3tqPa could not be verified; connect Stripe or have a reviewer confirm the payment",
    });
    const paypal = await verifyAndAssess(verifier, order({ provider: "paypal", reference: "2GG279541U471931P" }));
    expect(paypal.assessment).toMatchObject({ holdCode: "payment_provider_not_connected" });
  });

  it("routes Stripe and PayPal to their APIs when the env connects them", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({ id: "pi_envStripe", amount: 4497, currency: "eur", status: "succeeded" }),
    );
    fake.paypal.putCapture(paypalCapturePayload({ id: "ENVCAPTURE0000001", value: "44.97", currency: "EUR" }));
    const verifier = createPaymentVerifier(
      paymentVerifierConfigFromEnv({
        STRIPE_SECRET_KEY: fake.stripeSecretKey,
        STRIPE_API_BASE: fake.url,
        PAYPAL_CLIENT_ID: fake.paypalClientId,
        PAYPAL_CLIENT_SECRET: fake.paypalClientSecret,
        PAYPAL_BASE_URL: fake.url,
      }),
    );
    expect(verifier.connected).toEqual({ stripe: true, paypal: true });
    expect((await verifyAndAssess(verifier, order({}))).assessment).toEqual({
      verdict: "verified",
      reason: "Stripe PaymentIntent pi_envStripe succeeded for EUR 44.97",
    });
    expect(
      (await verifyAndAssess(verifier, order({ provider: "PayPal", reference: "ENVCAPTURE0000001" }))).assessment,
    ).toEqual({ verdict: "verified", reason: "PayPal capture ENVCAPTURE0000001 succeeded for EUR 44.97" });
  });

  it("answers channel-attested and cash-on-delivery payments without a call", async () => {
    const before = fake.requests.length;
    const verifier = createPaymentVerifier({});
    const amazon = await verifyAndAssess(verifier, order({ provider: "amazon", reference: "111-2223334-5556667" }));
    expect(amazon.verification).toMatchObject({ status: "succeeded", attested: true, amount: 4497, currency: "EUR" });
    expect(amazon.assessment.verdict).toBe("verified");
    expect(amazon.assessment.reason).toContain("as attested by Amazon");
    const cod = await verifyAndAssess(verifier, order({ provider: "cod", reference: null, statusClaimed: "pending" }));
    expect(cod.verification).toMatchObject({ status: "pending", attested: true });
    expect(cod.assessment.verdict).toBe("verified");
    expect(fake.requests.length).toBe(before);
  });

  it("returns null for a provider Crossflow cannot check", async () => {
    const { verification, assessment } = await verifyAndAssess(
      createPaymentVerifier({}),
      order({ provider: "klarna", reference: "kp_1" }),
    );
    expect(verification).toBeNull();
    expect(assessment).toMatchObject({ verdict: "hold", holdCode: "payment_provider_unsupported" });
  });
});
