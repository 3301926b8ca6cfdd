import { describe, expect, it } from "vitest";
import { minorUnitsToDecimal, parseMinorUnits, toMinorUnits } from "./money";
import type { ChannelOrderInput } from "./schema";
import { placeholderBuyerEmail, toNewOrder } from "./to-new-order";
import { validateChannelOrder } from "./validate";

function order(overrides: Partial<ChannelOrderInput> = {}): ChannelOrderInput {
  return {
    channel: "shopify",
    externalId: "820982911946154508",
    orderNumber: "#1001",
    status: "open",
    currency: "EUR",
    buyer: { email: "jon@example.com", name: "Jon Snow", locale: "de" },
    shippingAddress: { name: "Jon Snow", line1: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE" },
    lines: [{ sku: "TEE-RED-M", title: "T-shirt", quantity: 3, unitPrice: 1000, tax: 0, discount: 100 }],
    shippingPaid: 499,
    shippingTax: 0,
    taxesIncluded: true,
    payment: { provider: "shopify_payments", reference: "c1", status: "paid" },
    placedAt: new Date("2025-01-02T03:04:05Z"),
    flags: {},
    ...overrides,
  };
}

describe("parseMinorUnits", () => {
  it("converts decimal strings exactly by the currency's exponent", () => {
    expect(toMinorUnits("19.99", "USD")).toBe(1999);
    expect(toMinorUnits("0.29", "EUR")).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(toMinorUnits("1.005", "KWD")).toBe(1005);
    expect(toMinorUnits("1250", "JPY")).toBe(1250);
    expect(toMinorUnits("1250.00", "JPY")).toBe(1250);
    expect(toMinorUnits("5", "EUR")).toBe(500);
    expect(toMinorUnits(".5", "EUR")).toBe(50);
    expect(toMinorUnits("19.990", "USD")).toBe(1999);
    expect(toMinorUnits(4.35, "USD")).toBe(435);
    expect(toMinorUnits("-2.50", "GBP")).toBe(-250);
  });

  it("refuses what is not an amount or has too many decimals unless asked to round", () => {
    expect(parseMinorUnits("19.999", "USD")).toMatchObject({ ok: false });
    expect(parseMinorUnits("1250.5", "JPY")).toMatchObject({ ok: false });
    expect(parseMinorUnits("1,99", "EUR")).toMatchObject({ ok: false });
    expect(parseMinorUnits("", "EUR")).toMatchObject({ ok: false });
    expect(parseMinorUnits(".", "EUR")).toMatchObject({ ok: false });
    expect(parseMinorUnits("12", "XXX")).toMatchObject({ ok: false });
    expect(parseMinorUnits(1e-7, "EUR")).toMatchObject({ ok: false });
    expect(parseMinorUnits(Number.NaN, "EUR")).toMatchObject({ ok: false });
    expect(toMinorUnits("16.665", "EUR", { rounding: "half-up" })).toBe(1667);
    expect(toMinorUnits("16.6649", "EUR", { rounding: "half-up" })).toBe(1666);
    expect(toMinorUnits("-16.665", "EUR", { rounding: "half-up" })).toBe(-1667);
  });

  it("formats minor units back to the channel's decimal string", () => {
    expect(minorUnitsToDecimal(1999, "USD")).toBe("19.99");
    expect(minorUnitsToDecimal(5, "EUR")).toBe("0.05");
    expect(minorUnitsToDecimal(1250, "JPY")).toBe("1250");
    expect(minorUnitsToDecimal(1005, "KWD")).toBe("1.005");
    expect(minorUnitsToDecimal(-250, "GBP")).toBe("-2.50");
  });
});

describe("validateChannelOrder", () => {
  it("accepts a well-formed order and defaults restrictedFields", () => {
    const result = validateChannelOrder(order());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.order.restrictedFields).toEqual([]);
  });

  it("reports every bad field with its path", () => {
    const bad = order({
      currency: "EURO",
      buyer: { email: "not-an-email", name: "Jon" },
      shippingAddress: { name: "Jon", line1: "", city: "", country: "Germany" },
      lines: [
        { sku: "", quantity: 0, unitPrice: 19.99, tax: 0, discount: 0 },
        { sku: "B", quantity: 1, unitPrice: 100, tax: 0, discount: 500 },
      ],
    });
    const result = validateChannelOrder(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        "buyer.email",
        "currency",
        "lines[0].quantity",
        "lines[0].sku",
        "lines[0].unitPrice",
        "shippingAddress.city",
        "shippingAddress.country",
      ].sort(),
    );
  });

  it("checks cross-field rules once the shape is right", () => {
    const result = validateChannelOrder(
      order({
        shippingAddress: { name: "Jon", line1: "", city: "Berlin", country: "DE" },
        lines: [{ sku: "B", quantity: 1, unitPrice: 100, tax: 0, discount: 500 }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "shippingAddress.line1", message: "is required" },
        { path: "lines[0].discount", message: "is larger than the line's price" },
      ],
    });
  });

  it("lets fields the channel withholds be empty when they are marked restricted", () => {
    const input = order({
      buyer: { name: "" },
      shippingAddress: { name: "", line1: "", city: "Seattle", region: "WA", postalCode: "98101", country: "US" },
    });
    expect(validateChannelOrder(input).ok).toBe(false);
    const result = validateChannelOrder({
      ...input,
      restrictedFields: ["buyer.email", "buyer.name", "shippingAddress.name", "shippingAddress.line1"],
    });
    expect(result.ok).toBe(true);
  });

  it("accepts ISO strings for dates (a dead letter replayed from JSON) and rejects junk", () => {
    const fromJson = validateChannelOrder(JSON.parse(JSON.stringify(order())));
    expect(fromJson.ok && fromJson.order.placedAt.toISOString()).toBe("2025-01-02T03:04:05.000Z");
    const bad = validateChannelOrder({ ...order(), placedAt: "yesterday" });
    expect(bad.ok === false && bad.errors.map((e) => e.path)).toEqual(["placedAt"]);
  });

  it("never throws on garbage", () => {
    expect(validateChannelOrder(null)).toMatchObject({ ok: false });
    expect(validateChannelOrder("x")).toMatchObject({ ok: false });
  });
});

describe("toNewOrder", () => {
  it("maps to the intake shape and folds discounts into exact unit prices", () => {
    const result = validateChannelOrder(order());
    if (!result.ok) throw new Error("fixture invalid");
    const intake = toNewOrder(result.order);
    expect(intake).toEqual({
      channel: "shopify",
      externalId: "820982911946154508",
      currency: "EUR",
      customer: { email: "jon@example.com", name: "Jon Snow", phone: null, locale: "de" },
      shippingAddress: { name: "Jon Snow", line1: "Hauptstr. 1", city: "Berlin", postalCode: "10115", country: "DE" },
      billingAddress: null,
      // 3 x 10.00 - 1.00 = 29.00: 2 units at 9.67 and 1 at 9.66
      lines: [
        { sku: "TEE-RED-M", title: "T-shirt", quantity: 2, unitPrice: 967 },
        { sku: "TEE-RED-M", title: "T-shirt", quantity: 1, unitPrice: 966 },
      ],
      shippingPaid: 499,
      payment: { provider: "shopify_payments", reference: "c1", status: "paid" },
      placedAt: new Date("2025-01-02T03:04:05Z"),
    });
    const goods = intake.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    expect(goods).toBe(2900);
  });

  it("keeps a single line when the discount divides evenly, and fills a withheld e-mail", () => {
    const result = validateChannelOrder(
      order({
        channel: "amazon",
        externalId: "902-3159896-1390916",
        buyer: { name: "" },
        lines: [{ sku: "A", quantity: 2, unitPrice: 1000, tax: 0, discount: 200 }],
        restrictedFields: ["buyer.email"],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const intake = toNewOrder(result.order);
    expect(intake.lines).toEqual([{ sku: "A", title: null, quantity: 2, unitPrice: 900 }]);
    expect(intake.customer.email).toBe("amazon.902-3159896-1390916@buyer.invalid");
    expect(intake.customer.name).toBe("Jon Snow");
    expect(placeholderBuyerEmail("csv", "A 1/2")).toBe("csv.a-1-2@buyer.invalid");
  });
});
