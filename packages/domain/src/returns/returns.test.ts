import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReturnRequest, type EligibilityOrder, returnEligibility } from "./eligibility";
import { defaultReturnPolicy, readReturnPolicy, returnPolicySchema, returnShippingPayer } from "./policy";
import { checkInspection, computeRefund, needsSecondApproval } from "./refund";

const DAY = 86_400_000;
const placedAt = new Date("2025-03-01T10:00:00Z");
const deliveredAt = new Date("2025-03-05T12:00:00Z");

const order = (overrides: Partial<EligibilityOrder> = {}): EligibilityOrder => ({
  status: "delivered",
  placedAt,
  deliveredAt,
  lines: [
    { sku: "TEE-M", title: "Tee M", quantity: 2, unitPrice: 1999, tags: ["apparel"] },
    { sku: "GIFT-CARD", title: "Gift card", quantity: 1, unitPrice: 5000, tags: ["gift_card"] },
  ],
  earlierReturns: [],
  ...overrides,
});

describe("returnPolicySchema", () => {
  it("gives the standard policy for an empty object", () => {
    const policy = returnPolicySchema.parse({});
    expect(policy).toMatchObject({
      enabled: true,
      windowDays: 30,
      reasons: ["wrong_size", "damaged", "not_as_described", "changed_mind", "arrived_late", "other"],
      restockingFeePercent: 0,
      fourEyesThreshold: { EUR: 20_000 },
      refundOriginalShippingWhenMerchantAtFault: true,
      autoApprove: true,
    });
    expect(policy.shippingPaidBy).toEqual({
      wrong_size: "customer",
      damaged: "merchant",
      not_as_described: "merchant",
      changed_mind: "customer",
      arrived_late: "customer",
      other: "customer",
    });
  });

  it("keeps defaults for reasons a partial shippingPaidBy leaves out, and rejects bad values with their path", () => {
    expect(returnPolicySchema.parse({ shippingPaidBy: { arrived_late: "merchant" } }).shippingPaidBy).toMatchObject({
      arrived_late: "merchant",
      damaged: "merchant",
      wrong_size: "customer",
    });
    const bad = returnPolicySchema.safeParse({
      windowDays: 0,
      restockingFeePercent: 120,
      fourEyesThreshold: { eur: 1 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["windowDays", "restockingFeePercent", "fourEyesThreshold.eur"]),
    );
    expect(readReturnPolicy({ windowDays: "soon" })).toEqual(defaultReturnPolicy());
  });

  it("lets the merchant pay for a mixed return as soon as one line is its fault", () => {
    const policy = defaultReturnPolicy();
    expect(returnShippingPayer(["changed_mind", "damaged"], policy)).toBe("merchant");
    expect(returnShippingPayer(["changed_mind", "wrong_size"], policy)).toBe("customer");
  });
});

describe("returnEligibility", () => {
  const policy = returnPolicySchema.parse({ excludedTags: ["gift_card"] });

  it("runs the window from delivery and lists what can come back", () => {
    const result = returnEligibility(order(), policy, new Date(deliveredAt.getTime() + 29 * DAY));
    expect(result.eligible).toBe(true);
    expect(result.windowEndsAt).toEqual(new Date(deliveredAt.getTime() + 30 * DAY));
    expect(result.lines.map((l) => [l.sku, l.returnableQuantity, l.reason])).toEqual([
      ["TEE-M", 2, undefined],
      ["GIFT-CARD", 0, "excluded_tag"],
    ]);
  });

  it("closes after the window, and counts from the order while no delivery is recorded", () => {
    const late = returnEligibility(order(), policy, new Date(deliveredAt.getTime() + 31 * DAY));
    expect(late).toMatchObject({ eligible: false, reason: "window_closed" });
    expect(late.lines.every((l) => l.returnableQuantity === 0)).toBe(true);
    const travelling = returnEligibility(
      order({ status: "in_transit", deliveredAt: null }),
      policy,
      new Date(placedAt.getTime() + 31 * DAY),
    );
    expect(travelling).toMatchObject({ eligible: false, reason: "window_closed" });
    expect(travelling.windowEndsAt).toEqual(new Date(placedAt.getTime() + 30 * DAY));
  });

  it("refuses orders that have not shipped and shops without online returns", () => {
    expect(returnEligibility(order({ status: "label_created" }), policy, deliveredAt)).toMatchObject({
      eligible: false,
      reason: "not_shipped",
      windowEndsAt: null,
    });
    expect(returnEligibility(order(), { ...policy, enabled: false }, deliveredAt)).toMatchObject({
      eligible: false,
      reason: "returns_disabled",
    });
  });

  it("subtracts earlier returns: requested units, what arrived once inspected, nothing for rejected", () => {
    const now = new Date(deliveredAt.getTime() + DAY);
    const one = returnEligibility(
      order({
        earlierReturns: [
          { status: "approved", lines: [{ sku: "TEE-M", quantity: 1 }] },
          { status: "rejected", lines: [{ sku: "TEE-M", quantity: 1 }] },
        ],
      }),
      policy,
      now,
    );
    expect(one.lines[0]!.returnableQuantity).toBe(1);
    const inspected = returnEligibility(
      order({ earlierReturns: [{ status: "refunded", lines: [{ sku: "TEE-M", quantity: 2, receivedQuantity: 1 }] }] }),
      policy,
      now,
    );
    expect(inspected.lines[0]!.returnableQuantity).toBe(1);
    const all = returnEligibility(
      order({ earlierReturns: [{ status: "received", lines: [{ sku: "TEE-M", quantity: 2 }] }] }),
      policy,
      now,
    );
    expect(all).toMatchObject({ eligible: false, reason: "nothing_returnable" });
    expect(all.lines[0]).toMatchObject({ returnableQuantity: 0, reason: "already_returned" });
  });

  it("names each bad line of a request by its path", () => {
    const eligibility = returnEligibility(order(), policy, deliveredAt);
    expect(
      checkReturnRequest(
        [
          { sku: "TEE-M", quantity: 3, reason: "wrong_size" },
          { sku: "NOPE", quantity: 1, reason: "other" },
          { sku: "GIFT-CARD", quantity: 1, reason: "because" },
        ],
        eligibility,
        policy,
      ),
    ).toEqual([
      { path: "lines.0.quantity", message: "At most 2 unit(s) of TEE-M can be returned" },
      { path: "lines.1.sku", message: "NOPE is not part of this order" },
      { path: "lines.2.reason", message: '"because" is not a return reason this shop accepts' },
      { path: "lines.2.quantity", message: "GIFT-CARD cannot be returned" },
    ]);
    expect(checkReturnRequest([{ sku: "TEE-M", quantity: 2, reason: "damaged" }], eligibility, policy)).toEqual([]);
  });
});

describe("computeRefund", () => {
  const eur = { currency: "EUR", shippingPaid: 499 };

  it("refunds a damaged item in full with the original shipping; the merchant pays the way back", () => {
    const refund = computeRefund({
      lines: [{ sku: "TEE-M", quantity: 2, unitPrice: 1999, reason: "damaged" }],
      inspection: [{ sku: "TEE-M", receivedQuantity: 2, condition: "damaged" }],
      order: eur,
      policy: defaultReturnPolicy(),
    });
    expect(refund).toMatchObject({
      linesTotal: 3998,
      originalShipping: 499,
      returnShippingPaidBy: "merchant",
      returnShippingDeduction: 0,
      restockingFee: 0,
      total: 4497,
      merchantAtFault: true,
    });
    expect(refund.lines[0]).toMatchObject({ conditionPercent: 100, amount: 3998 });
  });

  it("charges the restocking fee and the return label for changed minds, and keeps the original shipping", () => {
    const policy = returnPolicySchema.parse({ restockingFeePercent: 15 });
    const refund = computeRefund({
      lines: [{ sku: "TEE-M", quantity: 2, unitPrice: 1999, reason: "changed_mind" }],
      inspection: [{ sku: "TEE-M", receivedQuantity: 2, condition: "as_new" }],
      order: eur,
      policy,
    });
    // 3998 × 15% = 599.7 → 600; label 595.
    expect(refund).toMatchObject({
      linesTotal: 3398,
      restockingFee: 600,
      originalShipping: 0,
      returnShippingPaidBy: "customer",
      returnShippingDeduction: 595,
      total: 2803,
    });
    expect(refund.reasons.join(" | ")).toMatch(/restocking fee 15%/);
  });

  it("refunds only what arrived, and a customer-damaged item by the policy's share", () => {
    const policy = returnPolicySchema.parse({ conditionRefundPercent: { damaged: 50 }, returnShippingFee: { EUR: 0 } });
    const refund = computeRefund({
      lines: [
        { sku: "TEE-M", quantity: 2, unitPrice: 1999, reason: "wrong_size" },
        { sku: "CAP", quantity: 1, unitPrice: 1001, reason: "wrong_size" },
      ],
      inspection: [
        { sku: "TEE-M", receivedQuantity: 1, condition: "as_new" },
        { sku: "CAP", receivedQuantity: 1, condition: "damaged" },
      ],
      order: eur,
      policy,
    });
    expect(refund.lines.map((l) => [l.gross, l.conditionDeduction, l.amount])).toEqual([
      [1999, 0, 1999],
      [1001, 500, 501],
    ]);
    expect(refund.total).toBe(2500);
  });

  it("never goes below zero: the label fee is capped at what would be refunded", () => {
    const refund = computeRefund({
      lines: [{ sku: "PIN", quantity: 1, unitPrice: 300, reason: "changed_mind" }],
      inspection: [{ sku: "PIN", receivedQuantity: 1, condition: "opened" }],
      order: { currency: "EUR", shippingPaid: 0 },
      policy: defaultReturnPolicy(),
    });
    expect(refund).toMatchObject({ linesTotal: 300, returnShippingDeduction: 300, total: 0 });
    const nothing = computeRefund({
      lines: [{ sku: "PIN", quantity: 1, unitPrice: 300, reason: "changed_mind" }],
      inspection: [{ sku: "PIN", receivedQuantity: 0, condition: "missing" }],
      order: { currency: "EUR", shippingPaid: 0 },
      policy: defaultReturnPolicy(),
    });
    expect(nothing).toMatchObject({ total: 0, returnShippingDeduction: 0 });
  });

  it("does not refund the original shipping twice", () => {
    const refund = computeRefund({
      lines: [{ sku: "TEE-M", quantity: 1, unitPrice: 1999, reason: "not_as_described" }],
      inspection: [{ sku: "TEE-M", receivedQuantity: 1, condition: "as_new" }],
      order: { ...eur, shippingRefunded: 499 },
      policy: defaultReturnPolicy(),
    });
    expect(refund).toMatchObject({ originalShipping: 0, total: 1999 });
  });

  it("is always a non-negative integer whose parts add up", () => {
    const reason = fc.constantFrom(
      "wrong_size",
      "damaged",
      "not_as_described",
      "changed_mind",
      "arrived_late",
      "other",
    );
    const condition = fc.constantFrom("as_new" as const, "opened" as const, "damaged" as const, "missing" as const);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 5 }),
            unitPrice: fc.integer({ min: 0, max: 100_000 }),
            reason,
            condition,
            received: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 5000 }),
        (rows, shippingPaid, restockingFeePercent, fee) => {
          const policy = returnPolicySchema.parse({
            restockingFeePercent,
            conditionRefundPercent: { opened: 80, damaged: 33.3 },
            returnShippingFee: { EUR: fee },
          });
          const refund = computeRefund({
            lines: rows.map((r, i) => ({
              sku: `S${i}`,
              quantity: r.quantity,
              unitPrice: r.unitPrice,
              reason: r.reason,
            })),
            inspection: rows.map((r, i) => ({
              sku: `S${i}`,
              receivedQuantity: Math.min(r.received, r.quantity),
              condition: r.condition,
            })),
            order: { currency: "EUR", shippingPaid },
            policy,
          });
          const amounts = [
            refund.total,
            refund.linesTotal,
            refund.originalShipping,
            refund.returnShippingDeduction,
            refund.restockingFee,
            ...refund.lines.flatMap((l) => [l.amount, l.gross, l.conditionDeduction, l.restockingFee]),
          ];
          expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
          expect(refund.total).toBe(refund.linesTotal + refund.originalShipping - refund.returnShippingDeduction);
          for (const l of refund.lines) expect(l.amount).toBe(l.gross - l.conditionDeduction - l.restockingFee);
          expect(refund.total).toBeLessThanOrEqual(
            rows.reduce((s, r) => s + Math.min(r.received, r.quantity) * r.unitPrice, 0) + shippingPaid,
          );
        },
      ),
    );
  });

  it("checks an inspection against the return", () => {
    const lines = [{ sku: "TEE-M", quantity: 2 }];
    expect(checkInspection(lines, [{ sku: "TEE-M", receivedQuantity: 3, condition: "as_new" }])).toEqual([
      { path: "lines.0.receivedQuantity", message: "At most 2 unit(s) of TEE-M were announced" },
    ]);
    expect(checkInspection(lines, [])).toEqual([{ path: "lines", message: "Inspect TEE-M too" }]);
    expect(checkInspection(lines, [{ sku: "TEE-M", receivedQuantity: 2, condition: "opened" }])).toEqual([]);
  });
});

describe("needsSecondApproval", () => {
  const policy = defaultReturnPolicy();
  it("applies the currency's threshold inclusively", () => {
    expect(needsSecondApproval(19_999, "EUR", policy)).toBe(false);
    expect(needsSecondApproval(20_000, "EUR", policy)).toBe(true);
  });
  it("falls back to the EUR threshold at reference rates, and to always when nothing applies", () => {
    expect(needsSecondApproval(1_000, "JPY", policy)).toBe(false);
    expect(needsSecondApproval(10_000_000, "JPY", policy)).toBe(true);
    expect(needsSecondApproval(1, "XXX", policy)).toBe(true);
    expect(needsSecondApproval(1, "JPY", { ...policy, fourEyesThreshold: {} })).toBe(true);
  });
});
