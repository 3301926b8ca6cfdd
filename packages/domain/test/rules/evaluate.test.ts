import { describe, expect, it } from "vitest";
import {
  ALWAYS_REASON,
  buildOrderFacts,
  compileRuleSet,
  evaluateRules,
  listRuleDecisions,
  parseRuleSet,
  type RuleCondition,
  type RuleSet,
} from "../../src/index";
import { EXAMPLE } from "./example";
import { factsOf, rule, ruleSet } from "./helpers";

const country = (value: string): RuleCondition => ({ field: "destinationCountry", op: "eq", value });
const heavierThan = (value: number): RuleCondition => ({ field: "weightGrams", op: "gt", value });
const tagged = (value: string): RuleCondition => ({ field: "skuTags", op: "contains", value });

function example(): RuleSet {
  const parsed = parseRuleSet(EXAMPLE);
  if (!parsed.ok) throw new Error("example does not parse");
  return parsed.ruleSet;
}

describe("evaluateRules: routing and allocation take the first matching rule", () => {
  const set = ruleSet(
    7,
    rule("routing", "fallback", 100, { all: [] }, [{ type: "objective", weights: { cost: 1, speed: 0, carbon: 0 } }]),
    rule("routing", "heavy-de", 10, { all: [country("DE"), heavierThan(2000)] }, [
      { type: "use_carrier", carrier: "dhl_express" },
    ]),
    rule("routing", "de", 20, { all: [country("DE")] }, [{ type: "use_carrier", carrier: "dpd" }]),
    rule("routing", "heavy-disabled", 1, { all: [heavierThan(0)] }, [{ type: "use_carrier", carrier: "ups" }], {
      enabled: false,
    }),
    rule("allocation", "eu", 5, { all: [{ field: "destinationIsEu", op: "eq", value: true }] }, [
      { type: "warehouse_priority", warehouseCodes: ["FRA1", "SZX1"] },
      { type: "allow_split", allowed: false },
    ]),
    rule("allocation", "rest", 50, { all: [] }, [{ type: "nearest" }]),
  );

  it("picks the lowest priority number among matching enabled rules", () => {
    const result = evaluateRules(set, factsOf());
    expect(result.routing).toMatchObject({
      kind: "routing",
      ruleId: "heavy-de",
      ruleVersion: 7,
      priority: 10,
      actions: [{ type: "use_carrier", carrier: "dhl_express" }],
      reason: "destination country is DE and weight > 2,000 g",
    });
    expect(result.allocation).toMatchObject({
      ruleId: "eu",
      actions: [
        { type: "warehouse_priority", warehouseCodes: ["FRA1", "SZX1"] },
        { type: "allow_split", allowed: false },
      ],
      reason: "destination is in the EU",
    });
  });

  it("falls through to later rules when earlier ones do not match", () => {
    expect(evaluateRules(set, factsOf({ weightGrams: 900 })).routing?.ruleId).toBe("de");
    const us = evaluateRules(set, factsOf({ destinationCountry: "US", destinationIsEu: false }));
    expect(us.routing).toMatchObject({ ruleId: "fallback", reason: ALWAYS_REASON, matched: [] });
    expect(us.allocation).toMatchObject({ ruleId: "rest", actions: [{ type: "nearest" }] });
  });

  it("gives null when no rule of a kind matches", () => {
    const only = ruleSet(
      1,
      rule("routing", "de", 1, { all: [country("DE")] }, [{ type: "use_carrier", carrier: "dpd" }]),
    );
    const result = evaluateRules(only, factsOf({ destinationCountry: "FR" }));
    expect(result).toEqual({ version: 1, routing: null, allocation: null, exceptions: [], actions: [] });
  });

  it("breaks priority ties by the order of the rule set", () => {
    const first = rule("routing", "a", 5, { all: [] }, [{ type: "use_carrier", carrier: "ups" }]);
    const second = rule("routing", "b", 5, { all: [] }, [{ type: "use_carrier", carrier: "fedex" }]);
    expect(evaluateRules(ruleSet(1, first, second), factsOf()).routing?.ruleId).toBe("a");
    expect(evaluateRules(ruleSet(1, second, first), factsOf()).routing?.ruleId).toBe("b");
  });
});

describe("evaluateRules: exceptions and actions take every matching rule", () => {
  const set = ruleSet(
    2,
    rule("exception", "fragile", 30, { all: [tagged("fragile")] }, [
      { type: "hold", code: "fragile_check", message: "Check the packing of fragile goods" },
    ]),
    rule("exception", "risky", 10, { all: [{ field: "riskScore", op: "gte", value: 10 }] }, [
      { type: "hold", code: "risk_review", message: "Risk score needs review" },
    ]),
    rule("exception", "battery", 1, { all: [tagged("battery")] }, [
      { type: "hold", code: "restricted_goods", message: "Batteries" },
    ]),
    rule("action", "tag-gold", 5, { all: [{ field: "customerTier", op: "eq", value: "gold" }] }, [
      { type: "tag", tag: "vip" },
      { type: "notify", channel: "email", to: "vip@shop.example" },
    ]),
    rule("action", "ddp-eu", 1, { all: [{ field: "destinationRegion", op: "eq", value: "EU" }] }, [
      { type: "set_incoterm", incoterm: "DDP" },
    ]),
  );

  it("lists every match in priority order", () => {
    const result = evaluateRules(set, factsOf());
    expect(result.exceptions.map((d) => [d.ruleId, d.actions[0]?.code])).toEqual([
      ["risky", "risk_review"],
      ["fragile", "fragile_check"],
    ]);
    expect(result.actions.map((d) => d.ruleId)).toEqual(["ddp-eu", "tag-gold"]);
    expect(result.actions[1]?.actions).toEqual([
      { type: "tag", tag: "vip" },
      { type: "notify", channel: "email", to: "vip@shop.example" },
    ]);
    expect(result.exceptions[0]?.reason).toBe("risk score ≥ 10");
  });

  it("flattens decisions in a fixed order for storage", () => {
    const result = evaluateRules(set, factsOf());
    expect(listRuleDecisions(result).map((d) => `${d.kind}:${d.ruleId}`)).toEqual([
      "exception:risky",
      "exception:fragile",
      "action:ddp-eu",
      "action:tag-gold",
    ]);
  });
});

describe("evaluateRules: all / any groups", () => {
  const when = {
    all: [
      { any: [country("DE"), country("AT"), { all: [country("CH"), heavierThan(5000)] }] },
      { any: [tagged("fragile"), { field: "maxDimensionMm", op: "gt", value: 1200 } as RuleCondition] },
    ],
  };
  const set = ruleSet(4, rule("exception", "nested", 1, when, [{ type: "hold", code: "bulky", message: "Check" }]));
  const hit = (overrides: Parameters<typeof factsOf>[0]) => evaluateRules(set, factsOf(overrides)).exceptions[0];

  it("needs every member of an all and one member of an any", () => {
    expect(hit({})).toBeDefined();
    expect(hit({ destinationCountry: "AT", skuTags: [], maxDimensionMm: 1300 })).toBeDefined();
    expect(hit({ destinationCountry: "FR" })).toBeUndefined();
    expect(hit({ skuTags: [] })).toBeUndefined();
    expect(hit({ destinationCountry: "CH", weightGrams: 6000 })).toBeDefined();
    expect(hit({ destinationCountry: "CH", weightGrams: 4000 })).toBeUndefined();
  });

  it("explains with the branch of each any that matched, with paths and the facts compared", () => {
    const decision = hit({ destinationCountry: "CH", weightGrams: 6000, skuTags: [], maxDimensionMm: 1500 });
    expect(decision?.matched).toEqual([
      {
        path: "when.all[0].any[2].all[0]",
        field: "destinationCountry",
        op: "eq",
        value: "CH",
        actual: "CH",
        text: "destination country is CH",
      },
      {
        path: "when.all[0].any[2].all[1]",
        field: "weightGrams",
        op: "gt",
        value: 5000,
        actual: 6000,
        text: "weight > 5,000 g",
      },
      {
        path: "when.all[1].any[1]",
        field: "maxDimensionMm",
        op: "gt",
        value: 1200,
        actual: 1500,
        text: "longest side > 1,200 mm",
      },
    ]);
    expect(decision?.reason).toBe("destination country is CH and weight > 5,000 g and longest side > 1,200 mm");
  });

  it("reports the fact a money condition compared, in the operand's currency", () => {
    const usd = ruleSet(
      1,
      rule(
        "exception",
        "usd",
        1,
        { all: [{ field: "orderValue", op: "gt", value: { amount: 10000, currency: "USD" } }] },
        [{ type: "hold", code: "high_value", message: "High value" }],
      ),
    );
    const decision = evaluateRules(usd, factsOf({ orderValueIn: { USD: 16250 } })).exceptions[0];
    expect(decision?.matched[0]).toMatchObject({ actual: { amount: 16250, currency: "USD" } });
    expect(decision?.reason).toBe("order value > 100.00 USD");
  });
});

describe("evaluateRules: the documented example over facts built from an order", () => {
  it("routes, allocates, holds and acts with reasons", () => {
    const facts = buildOrderFacts({
      currency: "EUR",
      lines: [{ sku: "PB-20K", quantity: 1, unitPrice: 4999 }],
      products: [
        { sku: "PB-20K", weightGrams: 450, dimensionsMm: { length: 150, width: 70, height: 30 }, tags: ["battery"] },
      ],
      shippingAddress: { country: "GB", postalCode: "bt1 1aa" },
      channel: "shopify",
    });
    const result = evaluateRules(example(), facts);
    expect(result.routing).toMatchObject({ ruleId: "default-routing", reason: ALWAYS_REASON });
    expect(result.allocation).toBeNull();
    expect(result.exceptions).toEqual([]);
    expect(result.actions).toMatchObject([
      {
        ruleId: "uk-ddp",
        ruleVersion: 3,
        reason: "destination country is GB and destination postal code matches /^BT/i",
        actions: [
          { type: "set_incoterm", incoterm: "DDP" },
          { type: "tag", tag: "northern-ireland" },
          { type: "notify" },
        ],
      },
    ]);

    const toAustralia = evaluateRules(example(), { ...facts, destinationCountry: "AU", destinationRegion: "OCEANIA" });
    expect(toAustralia.exceptions).toMatchObject([
      {
        ruleId: "high-value-or-batteries",
        reason: "SKU tags include battery and destination region is one of OCEANIA, NORTH_AMERICA",
        actions: [{ type: "hold", code: "manual_review" }],
      },
    ]);
  });
});

describe("evaluateRules: purity", () => {
  it("gives equal output for equal input, whether given the set or its compiled form", () => {
    const set = example();
    const facts = factsOf({ destinationCountry: "DE", orderValue: 200000 });
    const a = evaluateRules(set, facts);
    const b = evaluateRules(compileRuleSet(set), facts);
    const c = evaluateRules(parseRuleSet(EXAMPLE).ok ? example() : set, structuredClone(facts));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it("does not change the facts and caches the compiled set per rule set", () => {
    const set = example();
    const facts = factsOf();
    const before = structuredClone(facts);
    evaluateRules(set, facts);
    expect(facts).toEqual(before);
    expect(compileRuleSet(set)).toBe(compileRuleSet(set));
  });

  it("refuses to evaluate an invalid rule set", () => {
    const bad = ruleSet(1, rule("routing", "x", 1, { all: [{ field: "weightGrams", op: "eq", value: "heavy" }] }, []));
    expect(() => evaluateRules(bad, factsOf())).toThrow(
      /^Invalid rule set: rules\[0\]\.when\.all\[0\]\.value: weightGrams is a number fact.*\(and 1 more\)$/,
    );
  });
});
