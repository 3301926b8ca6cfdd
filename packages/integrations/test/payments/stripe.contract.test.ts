import { assessPayment, DEFAULT_PAYMENT_POLICY } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createStripePaymentVerifier,
  type FakePaymentServer,
  PaymentVerificationError,
  type PaymentVerifier,
  startFakePaymentServer,
  stripeChargePayload,
  stripePaymentIntentPayload,
} from "../../src/index";

let fake: FakePaymentServer;
let stripe: PaymentVerifier;

beforeAll(async () => {
  fake = await startFakePaymentServer();
  stripe = createStripePaymentVerifier({ secretKey: fake.stripeSecretKey, apiBase: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const verify = (reference: string, currency = "EUR", expectedAmount = 4497) =>
  stripe.verify({ provider: "stripe", reference, expectedAmount, currency });

async function rejection(promise: Promise<unknown>): Promise<PaymentVerificationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaymentVerificationError);
  return error as PaymentVerificationError;
}

describe("Stripe adapter against the fake, PaymentIntents", () => {
  it("reads a succeeded PaymentIntent through the SDK with the secret key, expanding the charge", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({ id: "pi_3Ok1", amount: 4497, currency: "eur", status: "succeeded" }),
      stripeChargePayload({ id: "ch_3Ok1", amount: 4497, currency: "eur", created: 1767261600 }),
    );
    expect(await verify("pi_3Ok1")).toEqual({
      status: "succeeded",
      amount: 4497,
      currency: "EUR",
      capturedAt: "2026-01-01T10:00:00.000Z",
      source: "Stripe PaymentIntent pi_3Ok1",
      providerStatus: "succeeded",
    });
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: "GET",
      path: "/v1/payment_intents/pi_3Ok1",
      authorization: `Bearer ${fake.stripeSecretKey}`,
      status: 200,
    });
    expect(decodeURIComponent(request!.query)).toContain("expand[0]=latest_charge");
  });

  it("gives the domain what it needs to cite the source", async () => {
    fake.stripe.put(stripePaymentIntentPayload({ id: "pi_3Ok2", amount: 4497, currency: "eur", status: "succeeded" }));
    const verification = await verify("pi_3Ok2");
    const assessment = assessPayment({
      order: {
        total: 4497,
        currency: "EUR",
        placedAt: "2026-03-02T10:00:00Z",
        provider: "stripe",
        reference: "pi_3Ok2",
        statusClaimed: "paid",
      },
      verification,
      now: "2026-03-02T10:05:00Z",
      policy: DEFAULT_PAYMENT_POLICY,
    });
    expect(assessment).toEqual({ verdict: "verified", reason: "Stripe PaymentIntent pi_3Ok2 succeeded for EUR 44.97" });
  });

  it("maps requires_capture to authorized with the capturable amount", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({ id: "pi_auth", amount: 1500, currency: "jpy", status: "requires_capture" }),
      stripeChargePayload({ id: "ch_auth", amount: 1500, currency: "jpy", captured: false }),
    );
    expect(await verify("pi_auth", "JPY", 1500)).toMatchObject({
      status: "authorized",
      amount: 1500,
      currency: "JPY",
      providerStatus: "requires_capture",
    });
  });

  it("maps processing and requires_action to not-yet-paid states", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({
        id: "pi_proc",
        amount: 4497,
        currency: "eur",
        status: "processing",
        latestCharge: null,
      }),
      stripePaymentIntentPayload({ id: "pi_3ds", amount: 4497, currency: "eur", status: "requires_action" }),
      stripePaymentIntentPayload({ id: "pi_new", amount: 4497, currency: "eur", status: "requires_payment_method" }),
    );
    expect(await verify("pi_proc")).toMatchObject({ status: "pending", detail: "Stripe is processing the payment" });
    expect(await verify("pi_3ds")).toMatchObject({ status: "requires_action" });
    expect(await verify("pi_new")).toMatchObject({
      status: "requires_action",
      detail: "no payment method has been provided yet",
    });
  });

  it("maps a declined attempt and a cancellation to failed and canceled", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({
        id: "pi_declined",
        amount: 4497,
        currency: "eur",
        status: "requires_payment_method",
        lastPaymentError: {
          code: "card_declined",
          declineCode: "insufficient_funds",
          message: "Your card has insufficient funds.",
        },
      }),
      stripePaymentIntentPayload({ id: "pi_cancel", amount: 4497, currency: "eur", status: "canceled" }),
    );
    expect(await verify("pi_declined")).toMatchObject({
      status: "failed",
      detail: "insufficient_funds: Your card has insufficient funds.",
      providerStatus: "requires_payment_method",
    });
    expect(await verify("pi_cancel")).toMatchObject({ status: "canceled", detail: "abandoned" });
  });

  it("reports refunds and disputes found on the latest charge", async () => {
    fake.stripe.put(
      stripePaymentIntentPayload({ id: "pi_refund", amount: 4497, currency: "eur", status: "succeeded" }),
      stripeChargePayload({ id: "ch_refund", amount: 4497, currency: "eur", amountRefunded: 4497 }),
      stripePaymentIntentPayload({ id: "pi_partial", amount: 4497, currency: "eur", status: "succeeded" }),
      stripeChargePayload({ id: "ch_partial", amount: 4497, currency: "eur", amountRefunded: 1000 }),
      stripePaymentIntentPayload({ id: "pi_dispute", amount: 4497, currency: "eur", status: "succeeded" }),
      stripeChargePayload({ id: "ch_dispute", amount: 4497, currency: "eur", disputed: true }),
    );
    expect(await verify("pi_refund")).toMatchObject({ status: "refunded", amountRefunded: 4497, amount: 4497 });
    expect(await verify("pi_partial")).toMatchObject({ status: "partially_refunded", amountRefunded: 1000 });
    expect(await verify("pi_dispute")).toMatchObject({ status: "disputed" });
  });
});

describe("Stripe adapter against the fake, charges", () => {
  it("reads ch_ and py_ charges", async () => {
    fake.stripe.put(
      stripeChargePayload({ id: "ch_paid", amount: 1234, currency: "kwd", created: 1767261600 }),
      stripeChargePayload({ id: "py_sepa", amount: 4497, currency: "eur", status: "pending" }),
      stripeChargePayload({ id: "ch_uncaptured", amount: 4497, currency: "eur", captured: false }),
      stripeChargePayload({ id: "ch_failed", amount: 4497, currency: "eur", status: "failed" }),
      stripeChargePayload({ id: "ch_refunded", amount: 4497, currency: "eur", amountRefunded: 4497 }),
    );
    expect(await verify("ch_paid", "KWD", 1234)).toEqual({
      status: "succeeded",
      amount: 1234,
      currency: "KWD",
      capturedAt: "2026-01-01T10:00:00.000Z",
      source: "Stripe charge ch_paid",
      providerStatus: "succeeded",
    });
    expect(fake.requests[0]).toMatchObject({ path: "/v1/charges/ch_paid" });
    expect(await verify("py_sepa")).toMatchObject({ status: "pending", source: "Stripe charge py_sepa" });
    expect(await verify("ch_uncaptured")).toMatchObject({ status: "authorized", amount: 4497 });
    expect(await verify("ch_failed")).toMatchObject({
      status: "failed",
      detail: "card_declined: Your card was declined.",
    });
    expect(await verify("ch_refunded")).toMatchObject({ status: "refunded", amountRefunded: 4497 });
  });
});

describe("Stripe adapter errors", () => {
  it("turns a 404 into not_found", async () => {
    expect(await verify("pi_missing")).toEqual({
      status: "not_found",
      amount: 0,
      currency: "EUR",
      source: "Stripe PaymentIntent pi_missing",
    });
    expect(await verify("ch_missing")).toMatchObject({ status: "not_found", source: "Stripe charge ch_missing" });
    expect(fake.requests.map((r) => r.status)).toEqual([404, 404]);
  });

  it("does not call Stripe for a reference that is not a PaymentIntent or charge", async () => {
    expect(await verify("cs_test_123")).toMatchObject({
      status: "not_found",
      detail: expect.stringMatching(/not a PaymentIntent/),
    });
    expect(await stripe.verify({ provider: "stripe", reference: "  ", expectedAmount: 1, currency: "EUR" })).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it("throws a retryable error on a 500", async () => {
    fake.stripe.put(stripePaymentIntentPayload({ id: "pi_flaky", amount: 4497, currency: "eur", status: "succeeded" }));
    fake.fail({ path: "/v1/payment_intents/pi_flaky", status: 500 });
    const error = await rejection(verify("pi_flaky"));
    expect(error).toMatchObject({ provider: "stripe", retryable: true, status: 500 });
    expect(error.message).toContain("Stripe answered HTTP 500");
    // The pipeline's retry then succeeds.
    expect(await verify("pi_flaky")).toMatchObject({ status: "succeeded" });
  });

  it("throws a retryable error on a 429 and on a dropped connection", async () => {
    fake.fail({
      path: "/v1/",
      status: 429,
      body: { error: { message: "Too many requests", type: "rate_limit_error" } },
    });
    expect(await rejection(verify("pi_any"))).toMatchObject({ retryable: true, status: 429 });
    // The SDK itself retries a closed connection once, even with retries off: drop both.
    fake.fail({ path: "/v1/", drop: true, times: 2 });
    const dropped = await rejection(verify("pi_any"));
    expect(dropped.retryable).toBe(true);
    expect(dropped.message).toContain("Stripe could not be reached");
  });

  it("throws a retryable error when nothing listens", async () => {
    const closed = await startFakePaymentServer();
    const url = closed.url;
    await closed.close();
    const nowhere = createStripePaymentVerifier({ secretKey: "sk_test_x", apiBase: url });
    const error = await rejection(
      nowhere.verify({ provider: "stripe", reference: "pi_1", expectedAmount: 1, currency: "EUR" }),
    );
    expect(error.retryable).toBe(true);
  });

  it("throws a non-retryable error when the key is rejected", async () => {
    const wrongKey = createStripePaymentVerifier({ secretKey: "sk_test_wrongwrongwrong1234", apiBase: fake.url });
    const error = await rejection(
      wrongKey.verify({ provider: "stripe", reference: "pi_1", expectedAmount: 1, currency: "EUR" }),
    );
    expect(error).toMatchObject({ retryable: false, status: 401 });
    expect(error.message).toContain("Stripe rejected the secret key");
    expect(error.message).toMatch(/Invalid API Key provided: sk_test_\*+1234/);
  });
});
