import { describe, expect, it } from "vitest";
import {
  addressFingerprint,
  DEFAULT_RISK_WEIGHTS,
  defaultRiskConfig,
  type RiskConfigInput,
  type RiskHistoryEntry,
  type RiskOrderInput,
  riskConfigSchema,
  screenOrder,
} from "../../src/index";

const placedAt = new Date("2025-03-10T12:00:00Z");
const minutesBefore = (minutes: number) => new Date(placedAt.getTime() - minutes * 60_000);

const shippingAddress = {
  name: "Jonas Becker",
  line1: "Invalidenstraße 1",
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
  phone: "+49 30 1234567",
};

function order(overrides: Partial<RiskOrderInput> = {}): RiskOrderInput {
  return {
    orderId: "ord_1",
    email: "jonas.becker@example.de",
    phone: "+49 30 1234567",
    shippingAddress,
    billingAddress: { ...shippingAddress },
    ip: "198.51.100.7",
    total: { amount: 8_990, currency: "EUR" },
    cardFingerprint: "card_abc",
    previousOrderCount: 3,
    placedAt,
    ...overrides,
  };
}

const config = (input: RiskConfigInput = {}) => riskConfigSchema.parse(input);
const codes = (input: RiskOrderInput, settings = config(), history: RiskHistoryEntry[] = []) =>
  screenOrder(input, settings, history).signals.map((s) => s.code);

describe("an ordinary order", () => {
  it("passes with no signals and no notes", () => {
    expect(screenOrder(order(), defaultRiskConfig(), [])).toEqual({
      score: 0,
      action: "pass",
      reviewThreshold: 50,
      signals: [],
      notes: [],
    });
  });
});

describe("deny lists", () => {
  it("matches an email exactly, and through +tags, case and Gmail dots", () => {
    const settings = config({ denyList: { emails: ["Fraud.Ster@gmail.com", "bad@example.com"] } });
    expect(screenOrder(order({ email: "BAD@example.com" }), settings).signals).toEqual([
      { code: "deny_list_email", weight: 100, message: "Email BAD@example.com is on your deny list" },
    ]);
    const variant = screenOrder(order({ email: "fraudster+shop1@googlemail.com" }), settings);
    expect(variant.signals[0]?.message).toBe(
      "Email fraudster+shop1@googlemail.com is the same mailbox as fraud.ster@gmail.com, which is on your deny list",
    );
    expect(codes(order({ email: "good@example.com" }), settings)).toEqual([]);
  });

  it("matches an email domain and its subdomains, not look-alikes", () => {
    const settings = config({ denyList: { emailDomains: ["@Mailinator.com", "*.tempmail.dev"] } });
    expect(screenOrder(order({ email: "x@mailinator.com" }), settings).signals).toEqual([
      { code: "deny_list_email_domain", weight: 100, message: "Email domain mailinator.com is on your deny list" },
    ]);
    expect(screenOrder(order({ email: "x@eu.mailinator.com" }), settings).signals[0]?.message).toBe(
      "Email domain eu.mailinator.com is on your deny list (as part of mailinator.com)",
    );
    expect(codes(order({ email: "x@tempmail.dev" }), settings)).toEqual(["deny_list_email_domain"]);
    expect(codes(order({ email: "x@notmailinator.com" }), settings)).toEqual([]);
  });

  it("matches phones written nationally, internationally, with (0) or 00", () => {
    const settings = config({ denyList: { phones: ["+49 30 9999999"] } });
    for (const phone of ["030 9999999", "+49 (0)30 999 99 99", "0049309999999", "+49-30-9999999"]) {
      expect(codes(order({ phone }), settings)).toEqual(["deny_list_phone"]);
    }
    expect(codes(order({ phone: "030 9999998" }), settings)).toEqual([]);
    const onAddress = order({ phone: null, billingAddress: { ...shippingAddress, phone: "030/9999999" } });
    expect(screenOrder(onAddress, settings).signals[0]?.message).toBe(
      "Phone number 030/9999999 matches +49 30 9999999 on your deny list",
    );
  });

  it("matches addresses by fingerprint, whatever the spelling", () => {
    const settings = config({
      denyList: { addresses: [{ line1: "Invalidenstr. 1", postalCode: "10 115", country: "de" }] },
    });
    expect(settings.denyList.addresses).toEqual(["DE|10115|invalidenstr 1"]);
    expect(screenOrder(order(), settings).signals).toEqual([
      {
        code: "deny_list_address",
        weight: 100,
        message: "Shipping and billing address (Invalidenstraße 1, 10115 Berlin, DE) is on your deny list",
      },
    ]);
    const billingOnly = order({
      billingAddress: { ...shippingAddress, line1: "Invalidenstrasse 1" },
      shippingAddress: { ...shippingAddress, line1: "Chausseestraße 5" },
    });
    expect(screenOrder(billingOnly, settings).signals[0]?.message).toBe(
      "Billing address (Invalidenstrasse 1, 10115 Berlin, DE) is on your deny list",
    );
    const fingerprintEntry = config({ denyList: { addresses: [addressFingerprint(shippingAddress)] } });
    expect(codes(order(), fingerprintEntry)).toEqual(["deny_list_address"]);
    expect(
      codes(
        order({ shippingAddress: { ...shippingAddress, line1: "Invalidenstraße 2" }, billingAddress: null }),
        settings,
      ),
    ).toEqual([]);
  });

  it("matches IPs exactly and inside IPv4 and IPv6 CIDR blocks, edges included", () => {
    const settings = config({ denyList: { ips: ["203.0.113.0/24", "192.0.2.9", "2001:db8:abcd::/48"] } });
    expect(codes(order({ ip: "203.0.113.0" }), settings)).toEqual(["deny_list_ip"]);
    expect(codes(order({ ip: "203.0.113.255" }), settings)).toEqual(["deny_list_ip"]);
    expect(codes(order({ ip: "203.0.114.0" }), settings)).toEqual([]);
    expect(codes(order({ ip: "203.0.112.255" }), settings)).toEqual([]);
    expect(codes(order({ ip: "192.0.2.9" }), settings)).toEqual(["deny_list_ip"]);
    expect(codes(order({ ip: "192.0.2.10" }), settings)).toEqual([]);
    expect(codes(order({ ip: "2001:db8:abcd:ffff::1" }), settings)).toEqual(["deny_list_ip"]);
    expect(codes(order({ ip: "2001:db8:abce::1" }), settings)).toEqual([]);
    expect(codes(order({ ip: "::ffff:203.0.113.77" }), settings)).toEqual(["deny_list_ip"]);
    expect(screenOrder(order({ ip: "203.0.113.5" }), settings).signals[0]?.message).toBe(
      "IP address 203.0.113.5 is in 203.0.113.0/24, which is on your deny list",
    );
    expect(screenOrder(order({ ip: "192.0.2.9" }), settings).signals[0]?.message).toBe(
      "IP address 192.0.2.9 is on your deny list",
    );
    expect(screenOrder(order({ ip: "not-an-ip" }), settings).notes).toEqual([
      'IP address "not-an-ip" could not be read, so it was not checked against the deny list',
    ]);
  });

  it("rejects deny-list entries that could never match", () => {
    expect(riskConfigSchema.safeParse({ denyList: { ips: ["300.1.1.1"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ denyList: { ips: ["10.0.0.0/33"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ denyList: { phones: ["12"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ denyList: { emails: ["nobody"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ denyList: { emailDomains: ["localhost"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ denyList: { addresses: ["Invalidenstraße 1, Berlin"] } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ highRiskDestinations: ["XX"] }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ highValueThresholds: { ABC: 100 } }).success).toBe(false);
    expect(riskConfigSchema.safeParse({ highValueThresholds: { USD: 99.5 } }).success).toBe(false);
  });
});

describe("destination and value", () => {
  it("flags a high-risk destination, by default the comprehensively sanctioned ones", () => {
    const iran = order({ shippingAddress: { ...shippingAddress, country: "IR" }, billingAddress: null });
    expect(screenOrder(iran, config()).signals).toEqual([
      { code: "high_risk_destination", weight: 60, message: "Destination IR is on your high-risk destination list" },
    ]);
    expect(codes(order({ destination: "ng" }), config({ highRiskDestinations: ["ng"] }))).toEqual([
      "high_risk_destination",
    ]);
    expect(codes(order(), config({ highRiskDestinations: [] }))).toEqual([]);
  });

  it("flags totals at or above the threshold of the order's own currency", () => {
    const settings = config({ highValueThresholds: { EUR: 100_000, JPY: 150_000 } });
    expect(screenOrder(order({ total: { amount: 100_000, currency: "EUR" } }), settings).signals).toEqual([
      {
        code: "high_value",
        weight: 30,
        message: "Order total EUR 1,000.00 is at or above your high-value threshold of EUR 1,000.00",
      },
    ]);
    expect(codes(order({ total: { amount: 99_999, currency: "EUR" } }), settings)).toEqual([]);
    expect(screenOrder(order({ total: { amount: 180_000, currency: "JPY" } }), settings).signals[0]?.message).toBe(
      "Order total JPY 180,000 is at or above your high-value threshold of JPY 150,000",
    );
  });

  it("skips the value check with a note when the currency has no threshold, without converting", () => {
    const result = screenOrder(order({ total: { amount: 99_999_999, currency: "KWD" } }), config());
    expect(result.signals).toEqual([]);
    expect(result.notes).toEqual([
      "No high-value threshold is set for KWD, so the order value was not checked (totals are never converted between currencies)",
    ]);
  });

  it("flags a first order above the first-order threshold, not a repeat customer's", () => {
    const first = order({ previousOrderCount: 0, total: { amount: 60_000, currency: "USD" } });
    expect(screenOrder(first, config()).signals).toEqual([
      {
        code: "first_order_high_value",
        weight: 30,
        message: "First order from this customer, for USD 600.00 (your first-order threshold is USD 500.00)",
      },
    ]);
    expect(codes({ ...first, previousOrderCount: 1 })).toEqual([]);
    expect(codes({ ...first, total: { amount: 49_999, currency: "USD" } })).toEqual([]);
    expect(screenOrder({ ...first, total: { amount: 60_000, currency: "ARS" } }, config()).notes).toHaveLength(2);
  });

  it("refuses a float total: money is integer minor units", () => {
    expect(() => screenOrder(order({ total: { amount: 19.99, currency: "EUR" } }), config())).toThrow(/minor units/);
  });
});

describe("velocity", () => {
  const settings = config({ velocity: { email: { maxOrders: 2, windowMinutes: 60 } } });
  const fromBuyer = (minutes: number, extra: Partial<RiskHistoryEntry> = {}): RiskHistoryEntry => ({
    orderId: `ord_${minutes}`,
    email: "jonas.becker@example.de",
    placedAt: minutesBefore(minutes),
    ...extra,
  });

  it("counts this order plus earlier ones inside the window, and flags above the limit", () => {
    expect(codes(order(), settings, [fromBuyer(10)])).toEqual([]);
    const result = screenOrder(order(), settings, [fromBuyer(10), fromBuyer(59)]);
    expect(result.signals).toEqual([
      {
        code: "velocity_email",
        weight: 40,
        message: "3 orders from jonas.becker@example.de within 1 hour, this one included (your limit is 2)",
      },
    ]);
  });

  it("treats the window as (placedAt − window, placedAt]", () => {
    const justInside = new Date(placedAt.getTime() - 60 * 60_000 + 1);
    expect(codes(order(), settings, [fromBuyer(10), fromBuyer(0, { placedAt: justInside })])).toEqual([
      "velocity_email",
    ]);
    expect(codes(order(), settings, [fromBuyer(10), fromBuyer(60)])).toEqual([]);
    expect(codes(order(), settings, [fromBuyer(10), fromBuyer(0)])).toEqual(["velocity_email"]);
    const later = fromBuyer(0, { placedAt: new Date(placedAt.getTime() + 1) });
    expect(codes(order(), settings, [fromBuyer(10), later])).toEqual([]);
  });

  it("does not count this order twice when the history already holds it", () => {
    expect(codes(order(), settings, [fromBuyer(10), fromBuyer(0, { orderId: "ord_1" })])).toEqual([]);
  });

  it("recognises the same mailbox behind +tags and case", () => {
    const history = [
      fromBuyer(5, { email: "Jonas.Becker+a@example.de" }),
      fromBuyer(6, { email: "JONAS.BECKER@EXAMPLE.DE" }),
    ];
    expect(codes(order(), settings, history)).toEqual(["velocity_email"]);
  });

  it("counts orders to one address fingerprint and with one card", () => {
    const fingerprint = addressFingerprint(shippingAddress);
    const history: RiskHistoryEntry[] = [1, 2, 3].map((n) => ({
      orderId: `ord_x${n}`,
      email: `other${n}@example.com`,
      addressFingerprint: fingerprint,
      cardFingerprint: "card_abc",
      placedAt: minutesBefore(n * 60),
    }));
    const limits = {
      email: { maxOrders: 3, windowMinutes: 1440 },
      address: { maxOrders: 3, windowMinutes: 1440 },
      card: { maxOrders: 3, windowMinutes: 1440 },
    };
    const result = screenOrder(order(), config({ velocity: limits }), history);
    expect(result.signals.map((s) => s.code)).toEqual(["velocity_address", "velocity_card"]);
    expect(result.signals[0]?.message).toBe(
      "4 orders to this shipping address (Invalidenstraße 1, 10115 Berlin, DE) within 24 hours, this one included (your limit is 3)",
    );
    expect(result.signals[1]?.message).toBe(
      "4 orders paid with the same card within 24 hours, this one included (your limit is 3)",
    );
    expect(result).toMatchObject({ score: 90, action: "review" });
    expect(codes(order({ cardFingerprint: null }), config({ velocity: limits }), history)).toEqual([
      "velocity_address",
    ]);
    const spelledDifferently = order({ shippingAddress: { ...shippingAddress, line1: "INVALIDENSTR. 1" } });
    expect(codes(spelledDifferently, config({ velocity: limits }), history)).toContain("velocity_address");
  });
});

describe("billing and shipping countries", () => {
  it("flags a mismatch", () => {
    const result = screenOrder(order({ billingAddress: { ...shippingAddress, country: "US" } }), config());
    expect(result.signals).toEqual([
      { code: "billing_shipping_mismatch", weight: 25, message: "Billing country US differs from shipping country DE" },
    ]);
    expect(result.action).toBe("pass");
  });

  it("ignores a mismatch between two EU countries unless told not to", () => {
    const france = order({ billingAddress: { ...shippingAddress, country: "FR" } });
    expect(codes(france)).toEqual([]);
    expect(codes(france, config({ ignoreMismatchWithinEu: false }))).toEqual(["billing_shipping_mismatch"]);
    expect(codes(order({ billingAddress: { ...shippingAddress, country: "CH" } }))).toEqual([
      "billing_shipping_mismatch",
    ]);
  });

  it("notes when there is no billing country to compare", () => {
    expect(screenOrder(order({ billingAddress: null }), config()).notes).toEqual([
      "No billing country on the order, so billing and shipping countries were not compared",
    ]);
  });
});

describe("score, weights and the review threshold", () => {
  const risky = order({
    previousOrderCount: 0,
    total: { amount: 150_000, currency: "EUR" },
    billingAddress: { ...shippingAddress, country: "US" },
  });

  it("sums the weights of the signals and reviews at or above the threshold", () => {
    const result = screenOrder(risky, config());
    expect(result.signals.map((s) => [s.code, s.weight])).toEqual([
      ["high_value", 30],
      ["first_order_high_value", 30],
      ["billing_shipping_mismatch", 25],
    ]);
    expect(result).toMatchObject({ score: 85, action: "review" });
  });

  it("uses the tenant's weights; weight 0 turns a signal off", () => {
    const settings = config({ weights: { high_value: 5, first_order_high_value: 0, billing_shipping_mismatch: 44 } });
    const result = screenOrder(risky, settings);
    expect(result.signals.map((s) => [s.code, s.weight])).toEqual([
      ["high_value", 5],
      ["billing_shipping_mismatch", 44],
    ]);
    expect(result).toMatchObject({ score: 49, action: "pass" });
    expect(screenOrder(risky, config({ ...settings, reviewThreshold: 49 })).action).toBe("review");
  });

  it("goes to review exactly at the threshold", () => {
    const settings = config({ weights: { high_value: 25 }, reviewThreshold: 50 });
    const at = screenOrder({ ...risky, previousOrderCount: 5 }, settings);
    expect(at).toMatchObject({ score: 50, action: "review" });
    const below = screenOrder({ ...risky, previousOrderCount: 5 }, config({ weights: { high_value: 24 } }));
    expect(below).toMatchObject({ score: 49, action: "pass" });
  });

  it("fills every default", () => {
    const defaults = defaultRiskConfig();
    expect(defaults.weights).toEqual(DEFAULT_RISK_WEIGHTS);
    expect(defaults.reviewThreshold).toBe(50);
    expect(defaults.velocity).toEqual({
      email: { maxOrders: 10, windowMinutes: 1440 },
      address: { maxOrders: 10, windowMinutes: 1440 },
      card: { maxOrders: 5, windowMinutes: 1440 },
    });
    expect(defaults.highRiskDestinations).toEqual(["CU", "IR", "KP", "SY"]);
    expect(defaults.highValueThresholds.USD).toBe(100_000);
    expect(defaults.firstOrderThresholds.JPY).toBe(75_000);
    expect(config({ weights: { velocity_card: 70 } }).weights.deny_list_ip).toBe(100);
  });
});
