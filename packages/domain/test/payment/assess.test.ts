import { describe, expect, it } from "vitest";
import {
  type AssessPaymentInput,
  assessPayment,
  DEFAULT_PAYMENT_POLICY,
  normalizeClaimedPaymentStatus,
  type PaymentOrderFacts,
  type PaymentVerification,
} from "../../src/payment/index";

const placedAt = "2026-03-02T10:00:00.000Z";
const minutesLater = (minutes: number) => new Date(Date.parse(placedAt) + minutes * 60_000);

const stripeOrder: PaymentOrderFacts = {
  total: 4497,
  currency: "EUR",
  placedAt,
  provider: "stripe",
  reference: "pi_3MtwBwLkdIwHu7ix28a3tqPa",
  statusClaimed: "paid",
};

const succeeded: PaymentVerification = {
  status: "succeeded",
  amount: 4497,
  currency: "EUR",
  capturedAt: placedAt,
  source: "Stripe PaymentIntent pi_3MtwBwLkdIwHu7ix28a3tqPa",
  providerStatus: "succeeded",
};

function assess(
  overrides: { order?: Partial<PaymentOrderFacts>; verification?: Partial<PaymentVerification> | null } = {},
  now: Date | string = minutesLater(5),
  policy = DEFAULT_PAYMENT_POLICY,
) {
  const input: AssessPaymentInput = {
    order: { ...stripeOrder, ...overrides.order },
    verification: overrides.verification === null ? null : { ...succeeded, ...overrides.verification },
    now,
    policy,
  };
  return assessPayment(input);
}

describe("assessPayment: a processor's record", () => {
  it("verifies a succeeded payment of the right amount, citing the source", () => {
    expect(assess()).toEqual({
      verdict: "verified",
      reason: "Stripe PaymentIntent pi_3MtwBwLkdIwHu7ix28a3tqPa succeeded for EUR 44.97",
    });
  });

  it("verifies an authorization (funds held) unless the policy wants a capture", () => {
    const authorized = assess({ verification: { status: "authorized", providerStatus: "requires_capture" } });
    expect(authorized.verdict).toBe("verified");
    expect(authorized.reason).toMatch(/authorized for EUR 44\.97: the funds are held/);

    const strict = { ...DEFAULT_PAYMENT_POLICY, acceptAuthorized: false };
    expect(assess({ verification: { status: "authorized" } }, minutesLater(5), strict).verdict).toBe("wait");
    const late = assess({ verification: { status: "authorized" } }, minutesLater(90), strict);
    expect(late).toMatchObject({ verdict: "hold", holdCode: "payment_not_confirmed" });
  });

  it("holds an amount mismatch naming both amounts", () => {
    const result = assess({ verification: { amount: 3998 } });
    expect(result).toEqual({
      verdict: "hold",
      holdCode: "payment_mismatch",
      reason:
        "Stripe PaymentIntent pi_3MtwBwLkdIwHu7ix28a3tqPa is for EUR 39.98 but the order total is EUR 44.97: short by EUR 4.99",
    });
    expect(assess({ verification: { amount: 5000 } }).reason).toMatch(/EUR 50\.00 .* EUR 44\.97: over by EUR 5\.03/);
  });

  it("holds a currency mismatch even when the digits agree", () => {
    const result = assess({ verification: { currency: "USD" } });
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_mismatch" });
    expect(result.reason).toContain("is for USD 44.97 but the order total is EUR 44.97: different currency");
  });

  it("formats amounts with each currency's exponent", () => {
    const jpy = assess({ order: { total: 1500, currency: "JPY" }, verification: { amount: 1400, currency: "JPY" } });
    expect(jpy.reason).toContain("is for JPY 1400 but the order total is JPY 1500: short by JPY 100");
    const kwd = assess({ order: { total: 1234, currency: "KWD" }, verification: { amount: 1234, currency: "KWD" } });
    expect(kwd.reason).toBe("Stripe PaymentIntent pi_3MtwBwLkdIwHu7ix28a3tqPa succeeded for KWD 1.234");
  });

  it("accepts a difference within the tolerance and says so", () => {
    const policy = { ...DEFAULT_PAYMENT_POLICY, amountToleranceMinor: 5 };
    const within = assess({ verification: { amount: 4495 } }, minutesLater(5), policy);
    expect(within.verdict).toBe("verified");
    expect(within.reason).toContain("within the EUR 0.05 tolerance");
    expect(assess({ verification: { amount: 4491 } }, minutesLater(5), policy).verdict).toBe("hold");
  });

  it("waits for a pending payment while the order is young, then holds it", () => {
    const young = assess({ verification: { status: "pending", detail: "processing" } }, minutesLater(10));
    expect(young).toMatchObject({ verdict: "wait", waitUntil: "2026-03-02T11:00:00.000Z" });
    expect(young.reason).toContain("is pending (processing)");

    const old = assess({ verification: { status: "pending", detail: "processing" } }, minutesLater(75));
    expect(old).toMatchObject({ verdict: "hold", holdCode: "payment_not_confirmed" });
    expect(old.reason).toContain(
      "is pending (processing) 75 minutes after the order was placed (the limit is 60 minutes)",
    );

    expect(assess({ verification: { status: "pending" } }, minutesLater(60)).verdict).toBe("hold");
    expect(assess({ verification: { status: "pending" } }, minutesLater(59)).verdict).toBe("wait");
    expect(assess({ verification: { status: "pending" } }, minutesLater(60 * 30)).reason).toContain("30 hours after");
  });

  it("treats requires_action like pending: wait, then hold", () => {
    const young = assess({ verification: { status: "requires_action", detail: "3-D Secure" } }, minutesLater(1));
    expect(young.verdict).toBe("wait");
    expect(young.reason).toContain("is waiting for the customer (3-D Secure)");
    expect(assess({ verification: { status: "requires_action" } }, minutesLater(61))).toMatchObject({
      verdict: "hold",
      holdCode: "payment_not_confirmed",
    });
  });

  it("does not wait for a pending payment of the wrong amount", () => {
    expect(assess({ verification: { status: "pending", amount: 100 } })).toMatchObject({
      verdict: "hold",
      holdCode: "payment_mismatch",
    });
  });

  it("holds failed and canceled payments", () => {
    const failed = assess({ verification: { status: "failed", detail: "card_declined: Your card was declined." } });
    expect(failed).toMatchObject({ verdict: "hold", holdCode: "payment_failed" });
    expect(failed.reason).toBe(
      "Stripe PaymentIntent pi_3MtwBwLkdIwHu7ix28a3tqPa failed (card_declined: Your card was declined.); the customer has not paid",
    );
    const canceled = assess({ verification: { status: "canceled", detail: "abandoned" } });
    expect(canceled).toMatchObject({ verdict: "hold", holdCode: "payment_failed" });
    expect(canceled.reason).toContain("was canceled (abandoned)");
  });

  it("holds refunded and partly refunded payments", () => {
    const full = assess({ verification: { status: "refunded", amountRefunded: 4497 } });
    expect(full).toMatchObject({ verdict: "hold", holdCode: "payment_refunded" });
    expect(full.reason).toContain("was refunded (EUR 44.97)");
    const part = assess({ verification: { status: "partially_refunded", amountRefunded: 1000 } });
    expect(part).toMatchObject({ verdict: "hold", holdCode: "payment_refunded" });
    expect(part.reason).toContain("was partly refunded: EUR 10.00 of EUR 44.97");
    expect(assess({ verification: { status: "partially_refunded" } }).reason).toContain("was partly refunded;");
  });

  it("holds a disputed payment", () => {
    const result = assess({ verification: { status: "disputed", detail: "fraudulent" } });
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_disputed" });
    expect(result.reason).toContain("is disputed (fraudulent)");
  });

  it("holds a reference the provider does not know", () => {
    const result = assess({ verification: { status: "not_found", amount: 0 } });
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_not_found" });
    expect(result.reason).toContain("pi_3MtwBwLkdIwHu7ix28a3tqPa was not found in the connected Stripe account");
  });

  it("holds a processor payment without a reference", () => {
    const result = assess({ order: { reference: null }, verification: null });
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_not_found" });
    expect(result.reason).toContain("paid through Stripe but carries no payment reference");
  });

  it("says plainly when the provider is not connected, whatever the order claims", () => {
    expect(assess({ verification: null })).toEqual({
      verdict: "hold",
      holdCode: "payment_provider_not_connected",
      reason:
        "Stripe is not connected, so payment pi_3MtwBwLkdIwHu7ix28a3tqPa could not be verified; connect Stripe or have a reviewer confirm the payment",
    });
    const paypal = assess({ order: { provider: "paypal", reference: "2GG279541U471931P" }, verification: null });
    expect(paypal.reason).toMatch(/^PayPal is not connected, so payment 2GG279541U471931P could not be verified/);
  });

  it("holds a provider Crossflow cannot check", () => {
    const result = assess({ order: { provider: "klarna", reference: "kp_123" }, verification: null });
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_provider_unsupported" });
    expect(result.reason).toContain("cannot check payments made through klarna, so payment kp_123");
  });

  it("refuses an invalid clock rather than guessing", () => {
    expect(() => assess({ verification: { status: "pending" } }, "yesterday")).toThrow(/now/);
  });
});

describe("assessPayment: channel-attested and cash on delivery", () => {
  const attested = (provider: string, statusClaimed: string, reference: string | null = "111-2223334-5556667") =>
    ({ order: { provider, statusClaimed, reference }, verification: null }) as const;

  it("verifies a marketplace's paid order, saying the channel attests it", () => {
    const result = assess(attested("amazon", "paid"));
    expect(result.verdict).toBe("verified");
    expect(result.reason).toBe(
      "Payment paid (EUR 44.97, 111-2223334-5556667) as attested by Amazon: the channel collected the money and attests it; there is no processor record for Crossflow to check",
    );
    expect(assess(attested("channel", "Paid", null)).reason).toContain("as attested by the order's sales channel");
    expect(assess(attested("ebay", "authorized")).reason).toMatch(/^Payment authorized .* attested by eBay/);
  });

  it("verifies a manual entry, saying who vouches for it", () => {
    const result = assess(attested("manual", "paid", null));
    expect(result.verdict).toBe("verified");
    expect(result.reason).toContain("as attested by a manual entry: the person who recorded it vouches for it");
  });

  it("waits for, then holds, a channel payment still pending", () => {
    expect(assess(attested("tiktok_shop", "pending"), minutesLater(10)).verdict).toBe("wait");
    const late = assess(attested("tiktok_shop", "pending"), minutesLater(120));
    expect(late).toMatchObject({ verdict: "hold", holdCode: "payment_not_confirmed" });
    expect(late.reason).toContain("reported by TikTok Shop (111-2223334-5556667) is still pending");
    expect(assess(attested("marketplace", "requires_action"), minutesLater(1)).verdict).toBe("wait");
  });

  it("holds what the channel reports as failed, refunded or disputed", () => {
    expect(assess(attested("amazon", "cancelled"))).toMatchObject({ holdCode: "payment_failed" });
    expect(assess(attested("amazon", "declined"))).toMatchObject({ holdCode: "payment_failed" });
    expect(assess(attested("amazon", "refunded"))).toMatchObject({ holdCode: "payment_refunded" });
    expect(assess(attested("amazon", "partially refunded"))).toMatchObject({ holdCode: "payment_refunded" });
    expect(assess(attested("amazon", "chargeback"))).toMatchObject({ holdCode: "payment_disputed" });
  });

  it("holds a status it does not recognise instead of guessing", () => {
    const result = assess(attested("amazon", "maybe"));
    expect(result).toMatchObject({ verdict: "hold", holdCode: "payment_not_confirmed" });
    expect(result.reason).toContain('reports the payment as "maybe", which Crossflow does not recognise');
  });

  it("ignores a verification for attested providers: the claim is the evidence", () => {
    expect(assess({ order: { provider: "amazon", statusClaimed: "pending" } }).verdict).toBe("wait");
  });

  it("verifies cash on delivery, unless it was cancelled", () => {
    const cod = assess({ order: { provider: "cod", statusClaimed: "pending", reference: null }, verification: null });
    expect(cod).toEqual({
      verdict: "verified",
      reason: "Cash on delivery: the carrier collects EUR 44.97 from the customer at the door",
    });
    expect(assess({ order: { provider: "COD", statusClaimed: "unpaid" }, verification: null }).verdict).toBe(
      "verified",
    );
    expect(assess({ order: { provider: "cod", statusClaimed: "cancelled" }, verification: null })).toMatchObject({
      verdict: "hold",
      holdCode: "payment_failed",
    });
  });
});

describe("normalizeClaimedPaymentStatus", () => {
  it("maps channel wording onto verification statuses", () => {
    expect(normalizeClaimedPaymentStatus("PAID")).toBe("succeeded");
    expect(normalizeClaimedPaymentStatus("Authorised")).toBe("authorized");
    expect(normalizeClaimedPaymentStatus("awaiting-payment")).toBe("pending");
    expect(normalizeClaimedPaymentStatus("partially refunded")).toBe("partially_refunded");
    expect(normalizeClaimedPaymentStatus("whatever")).toBeNull();
  });
});
