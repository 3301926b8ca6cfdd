import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPayPalPaymentVerifier,
  type FakePaymentServer,
  PAYPAL_SANDBOX_BASE_URL,
  PaymentVerificationError,
  type PayPalVerifierConfig,
  paypalCapturePayload,
  paypalOrderPayload,
  startFakePaymentServer,
} from "../../src/index";

let fake: FakePaymentServer;

beforeAll(async () => {
  fake = await startFakePaymentServer();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function paypal(overrides: Partial<PayPalVerifierConfig> = {}) {
  return createPayPalPaymentVerifier({
    clientId: fake.paypalClientId,
    clientSecret: fake.paypalClientSecret,
    baseUrl: fake.url,
    ...overrides,
  });
}

const input = (reference: string, currency = "EUR", expectedAmount = 4497) => ({
  provider: "paypal",
  reference,
  expectedAmount,
  currency,
});

async function rejection(promise: Promise<unknown>): Promise<PaymentVerificationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaymentVerificationError);
  return error as PaymentVerificationError;
}

describe("PayPal adapter against the fake, captures", () => {
  it("reads a completed capture, converting PayPal's decimal string exactly", async () => {
    fake.paypal.putCapture(
      paypalCapturePayload({
        id: "2GG279541U471931P",
        value: "44.97",
        currency: "EUR",
        createTime: "2026-03-02T10:01:00Z",
      }),
    );
    expect(await paypal().verify(input("2GG279541U471931P"))).toEqual({
      status: "succeeded",
      amount: 4497,
      currency: "EUR",
      capturedAt: "2026-03-02T10:01:00.000Z",
      source: "PayPal capture 2GG279541U471931P",
      providerStatus: "COMPLETED",
    });
  });

  it("converts with each currency's exponent: JPY 1500, EUR 44.97, KWD 1.234", async () => {
    fake.paypal.putCapture(
      paypalCapturePayload({ id: "CAPJPY00000000001", value: "1500", currency: "JPY" }),
      paypalCapturePayload({ id: "CAPEUR00000000001", value: "44.97", currency: "EUR" }),
      paypalCapturePayload({ id: "CAPKWD00000000001", value: "1.234", currency: "KWD" }),
      paypalCapturePayload({ id: "CAPUSD00000000029", value: "0.29", currency: "USD" }),
    );
    const verifier = paypal();
    expect(await verifier.verify(input("CAPJPY00000000001", "JPY", 1500))).toMatchObject({
      amount: 1500,
      currency: "JPY",
    });
    expect(await verifier.verify(input("CAPEUR00000000001"))).toMatchObject({ amount: 4497, currency: "EUR" });
    expect(await verifier.verify(input("CAPKWD00000000001", "KWD", 1234))).toMatchObject({
      amount: 1234,
      currency: "KWD",
    });
    expect(await verifier.verify(input("CAPUSD00000000029", "USD", 29))).toMatchObject({ amount: 29 });
  });

  it("maps PENDING, DECLINED, REFUNDED, PARTIALLY_REFUNDED and chargebacks", async () => {
    fake.paypal.putCapture(
      paypalCapturePayload({
        id: "CAPPENDING0000001",
        value: "44.97",
        currency: "EUR",
        status: "PENDING",
        reason: "PENDING_REVIEW",
      }),
      paypalCapturePayload({ id: "CAPDECLINED000001", value: "44.97", currency: "EUR", status: "DECLINED" }),
      paypalCapturePayload({ id: "CAPREFUNDED000001", value: "44.97", currency: "EUR", status: "REFUNDED" }),
      paypalCapturePayload({ id: "CAPPARTIAL0000001", value: "44.97", currency: "EUR", status: "PARTIALLY_REFUNDED" }),
      paypalCapturePayload({
        id: "CAPCHARGEBACK0001",
        value: "44.97",
        currency: "EUR",
        status: "PENDING",
        reason: "CHARGEBACK",
      }),
    );
    const verifier = paypal();
    expect(await verifier.verify(input("CAPPENDING0000001"))).toMatchObject({
      status: "pending",
      detail: "pending review",
    });
    expect(await verifier.verify(input("CAPDECLINED000001"))).toMatchObject({ status: "failed", detail: "declined" });
    expect(await verifier.verify(input("CAPREFUNDED000001"))).toMatchObject({
      status: "refunded",
      amountRefunded: 4497,
    });
    expect(await verifier.verify(input("CAPPARTIAL0000001"))).toMatchObject({ status: "partially_refunded" });
    expect(await verifier.verify(input("CAPCHARGEBACK0001"))).toMatchObject({
      status: "disputed",
      detail: "chargeback",
    });
  });
});

describe("PayPal adapter against the fake, orders", () => {
  it("falls back to the Orders API when the id is not a capture", async () => {
    fake.paypal.putOrder(
      paypalOrderPayload({
        id: "5O190127TN364715T",
        units: [
          {
            value: "44.97",
            currency: "EUR",
            captures: [{ id: "3C679366HH908993F", createTime: "2026-03-02T10:01:00Z" }],
          },
        ],
      }),
    );
    expect(await paypal().verify(input("5O190127TN364715T"))).toEqual({
      status: "succeeded",
      amount: 4497,
      currency: "EUR",
      capturedAt: "2026-03-02T10:01:00.000Z",
      source: "PayPal order 5O190127TN364715T",
      providerStatus: "COMPLETED; captures COMPLETED",
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/oauth2/token 200",
      "GET /v2/payments/captures/5O190127TN364715T 404",
      "GET /v2/checkout/orders/5O190127TN364715T 200",
    ]);
  });

  it("goes straight to the named kind with order: and capture: references", async () => {
    fake.paypal.putOrder(paypalOrderPayload({ id: "8XK21234AB567890C", units: [{ value: "44.97", currency: "EUR" }] }));
    expect(await paypal().verify(input("order:8XK21234AB567890C"))).toMatchObject({
      status: "requires_action",
      detail: "the buyer has not approved the payment yet",
    });
    expect(await paypal().verify(input("capture:8XK21234AB567890C"))).toMatchObject({
      status: "not_found",
      source: "PayPal capture 8XK21234AB567890C",
    });
    expect(fake.requests.filter((r) => r.method === "GET").map((r) => r.path)).toEqual([
      "/v2/checkout/orders/8XK21234AB567890C",
      "/v2/payments/captures/8XK21234AB567890C",
    ]);
  });

  it("maps approved, voided and authorized orders, and sums several purchase units", async () => {
    fake.paypal.putOrder(
      paypalOrderPayload({ id: "ORDAPPROVED000001", status: "APPROVED", units: [{ value: "44.97", currency: "EUR" }] }),
      paypalOrderPayload({ id: "ORDVOIDED00000001", status: "VOIDED", units: [{ value: "44.97", currency: "EUR" }] }),
      paypalOrderPayload({
        id: "ORDAUTHORIZED0001",
        units: [{ value: "44.97", currency: "EUR", authorizations: [{ id: "0VF52814937998046", status: "CREATED" }] }],
      }),
      paypalOrderPayload({
        id: "ORDTWOUNITS000001",
        units: [
          { value: "30.00", currency: "EUR", captures: [{ id: "CAPUNIT1000000001" }] },
          { value: "14.97", currency: "EUR", captures: [{ id: "CAPUNIT2000000001" }] },
        ],
      }),
      paypalOrderPayload({
        id: "ORDREFUNDED000001",
        units: [{ value: "44.97", currency: "EUR", captures: [{ id: "CAPREFUNDEDORD001", status: "REFUNDED" }] }],
      }),
    );
    const verifier = paypal();
    expect(await verifier.verify(input("order:ORDAPPROVED000001"))).toMatchObject({ status: "pending" });
    expect(await verifier.verify(input("order:ORDVOIDED00000001"))).toMatchObject({ status: "canceled" });
    expect(await verifier.verify(input("order:ORDAUTHORIZED0001"))).toMatchObject({
      status: "authorized",
      amount: 4497,
    });
    expect(await verifier.verify(input("order:ORDTWOUNITS000001"))).toMatchObject({
      status: "succeeded",
      amount: 4497,
    });
    expect(await verifier.verify(input("order:ORDREFUNDED000001"))).toMatchObject({
      status: "refunded",
      amountRefunded: 4497,
    });
  });
});

describe("PayPal adapter errors", () => {
  it("turns 404s into not_found", async () => {
    expect(await paypal().verify(input("NOSUCHID000000001"))).toEqual({
      status: "not_found",
      amount: 0,
      currency: "EUR",
      source: "PayPal payment NOSUCHID000000001",
      detail: "neither a capture nor an order",
    });
  });

  it("throws a retryable error on a 500 and on a dropped connection", async () => {
    fake.fail({ path: "/v2/payments/captures/", status: 500 });
    const error = await rejection(paypal().verify(input("CAPANY00000000001")));
    expect(error).toMatchObject({ provider: "paypal", retryable: true, status: 500 });
    fake.fail({ path: "/v2/", drop: true });
    expect((await rejection(paypal().verify(input("CAPANY00000000001")))).retryable).toBe(true);
  });

  it("throws a retryable error when the token endpoint fails with a 503", async () => {
    fake.fail({ path: "/v1/oauth2/token", status: 503 });
    expect(await rejection(paypal().verify(input("CAPANY00000000001")))).toMatchObject({
      retryable: true,
      status: 503,
    });
  });

  it("throws a non-retryable error when the client credentials are wrong", async () => {
    const error = await rejection(paypal({ clientSecret: "wrong" }).verify(input("CAPANY00000000001")));
    expect(error).toMatchObject({ retryable: false, status: 401 });
    expect(error.message).toContain("PayPal rejected the client id and secret");
  });

  it("refuses an amount it cannot convert exactly instead of rounding", async () => {
    fake.paypal.putCapture(paypalCapturePayload({ id: "CAPBADJPY00000001", value: "1500.5", currency: "JPY" }));
    const error = await rejection(paypal().verify(input("CAPBADJPY00000001", "JPY", 1500)));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("JPY has 0 decimal places");
  });
});

describe("PayPal OAuth token", () => {
  it("is requested once with Basic credentials and reused for several verifications", async () => {
    fake.paypal.putCapture(paypalCapturePayload({ id: "CAPTOKEN000000001", value: "44.97", currency: "EUR" }));
    const verifier = paypal();
    for (let i = 0; i < 4; i++) await verifier.verify(input("CAPTOKEN000000001"));
    await Promise.all([1, 2, 3].map(() => verifier.verify(input("CAPTOKEN000000001"))));

    expect(fake.paypal.tokensIssued()).toBe(1);
    const [tokenRequest, ...gets] = fake.requests;
    const basic = Buffer.from(`${fake.paypalClientId}:${fake.paypalClientSecret}`).toString("base64");
    expect(tokenRequest).toMatchObject({ method: "POST", path: "/v1/oauth2/token", authorization: `Basic ${basic}` });
    expect(gets).toHaveLength(7);
    expect(new Set(gets.map((r) => r.authorization)).size).toBe(1);
    expect(gets[0]!.authorization).toMatch(/^Bearer A21AA/);
  });

  it("is shared by concurrent first verifications", async () => {
    fake.paypal.putCapture(paypalCapturePayload({ id: "CAPTOKEN000000002", value: "44.97", currency: "EUR" }));
    const verifier = paypal();
    await Promise.all([1, 2, 3, 4].map(() => verifier.verify(input("CAPTOKEN000000002"))));
    expect(fake.paypal.tokensIssued()).toBe(1);
  });

  it("is renewed when it expires", async () => {
    fake.paypal.putCapture(paypalCapturePayload({ id: "CAPTOKEN000000003", value: "44.97", currency: "EUR" }));
    let clock = Date.parse("2026-03-02T10:00:00Z");
    const verifier = paypal({ now: () => clock });
    await verifier.verify(input("CAPTOKEN000000003"));
    clock += 31_000 * 1000;
    await verifier.verify(input("CAPTOKEN000000003"));
    expect(fake.paypal.tokensIssued()).toBe(1);
    // expires_in is 31668 s; renewal happens a minute early.
    clock = Date.parse("2026-03-02T10:00:00Z") + (31_668 - 59) * 1000;
    await verifier.verify(input("CAPTOKEN000000003"));
    expect(fake.paypal.tokensIssued()).toBe(2);
  });

  it("is renewed once when PayPal revokes it early", async () => {
    fake.paypal.putCapture(paypalCapturePayload({ id: "CAPTOKEN000000004", value: "44.97", currency: "EUR" }));
    const verifier = paypal();
    await verifier.verify(input("CAPTOKEN000000004"));
    fake.paypal.revokeTokens();
    expect(await verifier.verify(input("CAPTOKEN000000004"))).toMatchObject({ status: "succeeded" });
    expect(fake.paypal.tokensIssued()).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 401, 200, 200]);
  });
});

describe("PayPal configuration", () => {
  it("defaults to the sandbox", async () => {
    const urls: string[] = [];
    const offline: typeof fetch = async (url) => {
      urls.push(String(url));
      throw new TypeError("fetch failed");
    };
    const error = await rejection(
      createPayPalPaymentVerifier({ clientId: "id", clientSecret: "secret", fetch: offline }).verify(
        input("CAPANY00000000001"),
      ),
    );
    expect(error.retryable).toBe(true);
    expect(urls).toEqual([`${PAYPAL_SANDBOX_BASE_URL}/v1/oauth2/token`]);
    expect(PAYPAL_SANDBOX_BASE_URL).toBe("https://api-m.sandbox.paypal.com");
  });
});
