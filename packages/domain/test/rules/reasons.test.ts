import { describe, expect, it } from "vitest";
import {
  describeCondition,
  describeConditionGroup,
  describeRuleAction,
  formatRuleMoney,
  formatRuleNumber,
  type RuleCondition,
} from "../../src/index";

describe("numbers and money in reasons", () => {
  it("group thousands the same way on every machine", () => {
    expect(formatRuleNumber(2000)).toBe("2,000");
    expect(formatRuleNumber(999)).toBe("999");
    expect(formatRuleNumber(1234567.5)).toBe("1,234,567.5");
    expect(formatRuleNumber(-12000)).toBe("-12,000");
  });

  it("show money in major units of its currency", () => {
    expect(formatRuleMoney({ amount: 150000, currency: "EUR" })).toBe("1,500.00 EUR");
    expect(formatRuleMoney({ amount: 5, currency: "USD" })).toBe("0.05 USD");
    expect(formatRuleMoney({ amount: 120000, currency: "JPY" })).toBe("120,000 JPY");
    expect(formatRuleMoney({ amount: 1500, currency: "KWD" })).toBe("1.500 KWD");
  });
});

describe("describeCondition", () => {
  const cases: Array<[RuleCondition, string]> = [
    [{ field: "destinationCountry", op: "eq", value: "DE" }, "destination country is DE"],
    [{ field: "channel", op: "neq", value: "amazon" }, "channel is not amazon"],
    [{ field: "weightGrams", op: "gt", value: 2000 }, "weight > 2,000 g"],
    [{ field: "volumetricWeightGrams", op: "gte", value: 5000 }, "volumetric weight ≥ 5,000 g"],
    [{ field: "maxDimensionMm", op: "lt", value: 1200 }, "longest side < 1,200 mm"],
    [{ field: "riskScore", op: "lte", value: 40 }, "risk score ≤ 40"],
    [{ field: "orderValue", op: "gte", value: { amount: 100000, currency: "EUR" } }, "order value ≥ 1,000.00 EUR"],
    [
      {
        field: "orderValue",
        op: "between",
        value: [
          { amount: 0, currency: "GBP" },
          { amount: 13500, currency: "GBP" },
        ],
      },
      "order value between 0.00 GBP and 135.00 GBP",
    ],
    [
      { field: "chargeableWeightGrams", op: "between", value: [500, 2000] },
      "chargeable weight between 500 g and 2,000 g",
    ],
    [{ field: "destinationCountry", op: "in", value: ["FR", "IT"] }, "destination country is one of FR, IT"],
    [{ field: "lineCount", op: "not_in", value: [1, 2] }, "line count is not one of 1, 2"],
    [{ field: "skuTags", op: "in", value: ["battery", "liquid"] }, "SKU tags include any of battery, liquid"],
    [{ field: "skuTags", op: "not_in", value: ["battery"] }, "SKU tags include none of battery"],
    [{ field: "skuTags", op: "contains", value: "fragile" }, "SKU tags include fragile"],
    [{ field: "skus", op: "not_contains", value: "GIFT" }, "SKUs do not include GIFT"],
    [{ field: "destinationPostalCode", op: "contains", value: "BT" }, 'destination postal code contains "BT"'],
    [{ field: "paymentMethod", op: "not_contains", value: "card" }, 'payment method does not contain "card"'],
    [{ field: "riskScore", op: "exists" }, "risk score is known"],
    [{ field: "customerTier", op: "exists", value: false }, "customer tier is unknown"],
    [{ field: "destinationPostalCode", op: "matches", value: "^BT" }, "destination postal code matches /^BT/"],
    [{ field: "skus", op: "matches", value: "^bat-", ignoreCase: true }, "SKUs include one matching /^bat-/i"],
    [{ field: "destinationIsEu", op: "eq", value: true }, "destination is in the EU"],
    [{ field: "destinationIsEu", op: "eq", value: false }, "destination is outside the EU"],
    [{ field: "destinationIsEu", op: "neq", value: true }, "destination is outside the EU"],
  ];
  for (const [condition, text] of cases) {
    it(text, () => expect(describeCondition(condition)).toBe(text));
  }
});

describe("describeConditionGroup", () => {
  it("describes a whole tree, parenthesising nested groups", () => {
    expect(
      describeConditionGroup({
        all: [
          { field: "destinationCountry", op: "eq", value: "DE" },
          {
            any: [
              { field: "weightGrams", op: "gt", value: 2000 },
              { field: "maxDimensionMm", op: "gt", value: 1200 },
            ],
          },
          { any: [{ field: "riskScore", op: "gt", value: 70 }] },
        ],
      }),
    ).toBe("destination country is DE and (weight > 2,000 g or longest side > 1,200 mm) and risk score > 70");
    expect(describeConditionGroup({ all: [] })).toBe("every order");
  });
});

describe("describeRuleAction", () => {
  it("phrases every action type", () => {
    expect(
      [
        { type: "use_carrier", carrier: "dhl_express", service: "express_worldwide" },
        { type: "use_carrier", carrier: "yanwen" },
        { type: "objective", weights: { cost: 0.6, speed: 0.3, carbon: 0.1 } },
        { type: "warehouse_priority", warehouseCodes: ["FRA1", "SZX1"] },
        { type: "nearest" },
        { type: "cheapest" },
        { type: "allow_split", allowed: true },
        { type: "allow_split", allowed: false },
        { type: "hold", code: "high_value", message: "Over 1,000 EUR" },
        { type: "tag", tag: "vip" },
        { type: "notify", channel: "webhook", to: "https://ops.example.com/h" },
        { type: "set_incoterm", incoterm: "DAP" },
      ].map((a) => describeRuleAction(a as Parameters<typeof describeRuleAction>[0])),
    ).toEqual([
      "use carrier dhl_express (express_worldwide)",
      "use carrier yanwen",
      "choose the carrier by cost 0.6 / speed 0.3 / carbon 0.1",
      "ship from warehouses in the order FRA1, SZX1",
      "ship from the nearest warehouse",
      "ship from the cheapest warehouse",
      "split shipments allowed",
      "split shipments not allowed",
      "hold high_value: Over 1,000 EUR",
      "tag vip",
      "notify webhook https://ops.example.com/h",
      "incoterm DAP",
    ]);
  });
});
