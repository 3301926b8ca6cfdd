import { describe, expect, it } from "vitest";
import {
  evaluateRules,
  type OrderFacts,
  parseRuleSet,
  type RuleCondition,
  type RuleConditionGroup,
} from "../../src/index";
import { factsOf, factsWithout, rule, ruleSet } from "./helpers";

/** Whether a single condition holds for the facts, through the whole parse → evaluate path. */
function holds(condition: RuleCondition | Record<string, unknown>, facts: OrderFacts = factsOf()): boolean {
  const when = { all: [condition] } as unknown as RuleConditionGroup;
  const parsed = parseRuleSet(ruleSet(1, rule("action", "r", 1, when, [{ type: "tag", tag: "hit" }])));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return evaluateRules(parsed.ruleSet, facts).actions.length === 1;
}

/** The errors a single condition produces, as `path: message` relative to the condition. */
function errorsOf(condition: Record<string, unknown>): string[] {
  const parsed = parseRuleSet(
    ruleSet(
      1,
      rule("action", "r", 1, { all: [condition] } as unknown as RuleConditionGroup, [{ type: "tag", tag: "x" }]),
    ),
  );
  if (parsed.ok) return [];
  return parsed.errors.map((e) => `${e.path.replace("rules[0].when.all[0]", "")}: ${e.message}`);
}

const eur = (amount: number) => ({ amount, currency: "EUR" });

describe("eq / neq", () => {
  it("compares text, numbers, yes/no and money", () => {
    expect(holds({ field: "destinationCountry", op: "eq", value: "DE" })).toBe(true);
    expect(holds({ field: "destinationCountry", op: "eq", value: "FR" })).toBe(false);
    expect(holds({ field: "destinationCountry", op: "neq", value: "FR" })).toBe(true);
    expect(holds({ field: "lineCount", op: "eq", value: 2 })).toBe(true);
    expect(holds({ field: "lineCount", op: "neq", value: 2 })).toBe(false);
    expect(holds({ field: "destinationIsEu", op: "eq", value: true })).toBe(true);
    expect(holds({ field: "destinationIsEu", op: "neq", value: true })).toBe(false);
    expect(holds({ field: "destinationIsEu", op: "eq", value: false }, factsOf({ destinationIsEu: false }))).toBe(true);
    expect(holds({ field: "orderValue", op: "eq", value: eur(15000) })).toBe(true);
    expect(holds({ field: "orderValue", op: "neq", value: eur(15000) })).toBe(false);
  });

  it("is case-sensitive for text", () => {
    expect(holds({ field: "channel", op: "eq", value: "Shopify" })).toBe(false);
  });
});

describe("gt / gte / lt / lte", () => {
  it("compare numbers at and around the boundary", () => {
    const at = (op: string, value: number) => holds({ field: "weightGrams", op, value });
    expect([at("gt", 2499), at("gt", 2500), at("gte", 2500), at("gte", 2501)]).toEqual([true, false, true, false]);
    expect([at("lt", 2501), at("lt", 2500), at("lte", 2500), at("lte", 2499)]).toEqual([true, false, true, false]);
  });

  it("compare money in the order's currency", () => {
    expect(holds({ field: "orderValue", op: "gt", value: eur(14999) })).toBe(true);
    expect(holds({ field: "orderValue", op: "gte", value: eur(15001) })).toBe(false);
    expect(holds({ field: "orderValue", op: "lt", value: eur(15001) })).toBe(true);
    expect(holds({ field: "orderValue", op: "lte", value: eur(14999) })).toBe(false);
  });

  it("compare money in another currency only through the caller's converted value", () => {
    const usd = { field: "orderValue", op: "gt", value: { amount: 10000, currency: "USD" } };
    expect(holds(usd)).toBe(false);
    expect(holds(usd, factsOf({ orderValueIn: { USD: 16300 } }))).toBe(true);
    expect(holds(usd, factsOf({ orderValueIn: { USD: 9000 } }))).toBe(false);
  });
});

describe("between", () => {
  it("is inclusive at both ends", () => {
    expect(holds({ field: "weightGrams", op: "between", value: [2500, 3000] })).toBe(true);
    expect(holds({ field: "weightGrams", op: "between", value: [1000, 2500] })).toBe(true);
    expect(holds({ field: "weightGrams", op: "between", value: [2501, 3000] })).toBe(false);
    expect(holds({ field: "orderValue", op: "between", value: [eur(10000), eur(20000)] })).toBe(true);
    expect(holds({ field: "orderValue", op: "between", value: [eur(20000), eur(30000)] })).toBe(false);
  });
});

describe("in / not_in", () => {
  it("test membership of text and numbers", () => {
    expect(holds({ field: "destinationCountry", op: "in", value: ["FR", "DE"] })).toBe(true);
    expect(holds({ field: "destinationCountry", op: "in", value: ["FR", "IT"] })).toBe(false);
    expect(holds({ field: "destinationCountry", op: "not_in", value: ["FR", "IT"] })).toBe(true);
    expect(holds({ field: "destinationCountry", op: "not_in", value: ["DE"] })).toBe(false);
    expect(holds({ field: "unitCount", op: "in", value: [1, 3] })).toBe(true);
    expect(holds({ field: "unitCount", op: "not_in", value: [1, 3] })).toBe(false);
  });

  it("on a list fact mean any of / none of", () => {
    expect(holds({ field: "skuTags", op: "in", value: ["battery", "fragile"] })).toBe(true);
    expect(holds({ field: "skuTags", op: "in", value: ["battery", "liquid"] })).toBe(false);
    expect(holds({ field: "skuTags", op: "not_in", value: ["battery", "liquid"] })).toBe(true);
    expect(holds({ field: "skuTags", op: "not_in", value: ["battery", "fragile"] })).toBe(false);
  });
});

describe("contains / not_contains", () => {
  it("test an element of a list fact", () => {
    expect(holds({ field: "skuTags", op: "contains", value: "fragile" })).toBe(true);
    expect(holds({ field: "skuTags", op: "contains", value: "frag" })).toBe(false);
    expect(holds({ field: "skus", op: "not_contains", value: "LAMP-01" })).toBe(false);
    expect(holds({ field: "skus", op: "not_contains", value: "LAMP-02" })).toBe(true);
  });

  it("test a substring of a text fact", () => {
    expect(holds({ field: "destinationPostalCode", op: "contains", value: "011" })).toBe(true);
    expect(holds({ field: "destinationPostalCode", op: "not_contains", value: "011" })).toBe(false);
  });
});

describe("exists", () => {
  it("tells a known fact from an unknown one", () => {
    expect(holds({ field: "riskScore", op: "exists" })).toBe(true);
    expect(holds({ field: "riskScore", op: "exists", value: true })).toBe(true);
    expect(holds({ field: "riskScore", op: "exists", value: false })).toBe(false);
    expect(holds({ field: "riskScore", op: "exists" }, factsWithout("riskScore"))).toBe(false);
    expect(holds({ field: "riskScore", op: "exists", value: false }, factsWithout("riskScore"))).toBe(true);
  });
});

describe("matches", () => {
  it("tests text and list facts against a regular expression", () => {
    expect(holds({ field: "destinationPostalCode", op: "matches", value: "^10\\d{3}$" })).toBe(true);
    expect(holds({ field: "destinationPostalCode", op: "matches", value: "^20" })).toBe(false);
    expect(holds({ field: "skus", op: "matches", value: "^LAMP-" })).toBe(true);
    expect(holds({ field: "paymentMethod", op: "matches", value: "^CARD$" })).toBe(false);
    expect(holds({ field: "paymentMethod", op: "matches", value: "^CARD$", ignoreCase: true })).toBe(true);
  });

  it("never matches an overlong fact", () => {
    const long = factsOf({ customerTier: "g".repeat(500) });
    expect(holds({ field: "customerTier", op: "matches", value: "^g" }, long)).toBe(false);
  });

  it("refuses patterns that could backtrack catastrophically, or are too long, or invalid", () => {
    for (const pattern of ["(a+)+$", "(a|aa)*b", "((ab)*c)+", "(x{2,})+", "(a)\\1", "a*a*a*a*b"]) {
      const errors = errorsOf({ field: "customerTier", op: "matches", value: pattern });
      expect(errors, pattern).toHaveLength(1);
      expect(errors[0], pattern).toMatch(/^\.value: /);
    }
    expect(errorsOf({ field: "customerTier", op: "matches", value: "a".repeat(101) })).toEqual([
      ".value: a pattern is at most 100 characters",
    ]);
    expect(errorsOf({ field: "customerTier", op: "matches", value: "([a-z]" })[0]).toMatch(
      /^\.value: not a valid regular expression/,
    );
    expect(errorsOf({ field: "customerTier", op: "matches", value: "^(gold|vip)$" })).toEqual([]);
    expect(errorsOf({ field: "destinationPostalCode", op: "matches", value: "^\\d{5}(-\\d{4})?$" })).toEqual([]);
  });
});

describe("missing facts", () => {
  it("make every comparison false, including the negative ones", () => {
    const noWeight = factsWithout("weightGrams");
    for (const [op, value] of [
      ["eq", 2500],
      ["neq", 1],
      ["gt", 0],
      ["lte", 1e9],
      ["between", [0, 1e9]],
      ["in", [2500]],
      ["not_in", [1]],
    ] as const) {
      expect(holds({ field: "weightGrams", op, value }, noWeight), op).toBe(false);
    }
    const noTier = factsWithout("customerTier");
    for (const [op, value] of [
      ["neq", "gold"],
      ["not_in", ["gold"]],
      ["not_contains", "x"],
      ["matches", ".*"],
    ] as const) {
      expect(holds({ field: "customerTier", op, value }, noTier), op).toBe(false);
    }
  });
});

describe("operand type checking", () => {
  it("refuses an operand of the wrong type for the fact, naming the path", () => {
    expect(errorsOf({ field: "weightGrams", op: "gt", value: "2kg" })).toEqual([
      '.value: weightGrams is a number fact: "gt" needs a number, got the text "2kg"',
    ]);
    expect(errorsOf({ field: "destinationCountry", op: "eq", value: 49 })).toEqual([
      '.value: destinationCountry is a text fact: "eq" needs a string, got number 49',
    ]);
    expect(errorsOf({ field: "destinationIsEu", op: "eq", value: "yes" })[0]).toMatch(/^\.value: .*needs a boolean/);
    expect(errorsOf({ field: "orderValue", op: "gt", value: 500 })[0]).toMatch(/^\.value: .*needs a money value/);
    expect(errorsOf({ field: "orderValue", op: "gt", value: { amount: 5.5, currency: "EUR" } })[0]).toMatch(
      /minor units/,
    );
    expect(errorsOf({ field: "orderValue", op: "gt", value: { amount: 500, currency: "EURO" } })[0]).toMatch(
      /ISO 4217/,
    );
    expect(errorsOf({ field: "unitCount", op: "in", value: [1, "2"] })).toEqual([
      '.value[1]: unitCount is a number fact: "in" needs a number, got the text "2"',
    ]);
  });

  it("refuses an operator that does not apply to the fact's type", () => {
    expect(errorsOf({ field: "destinationCountry", op: "gt", value: "DE" })).toEqual([
      '.op: "gt" does not apply to destinationCountry (a text fact); use one of eq, neq, in, not_in, contains, not_contains, matches, exists',
    ]);
    expect(errorsOf({ field: "skuTags", op: "eq", value: "fragile" })[0]).toMatch(/^\.op: "eq" does not apply/);
    expect(errorsOf({ field: "weightGrams", op: "matches", value: "^2" })[0]).toMatch(/^\.op: /);
    expect(errorsOf({ field: "destinationIsEu", op: "in", value: [true] })[0]).toMatch(/^\.op: /);
  });

  it("checks codes against their domain", () => {
    expect(errorsOf({ field: "destinationCountry", op: "in", value: ["DE", "de", "XX"] })).toEqual([
      '.value[1]: "de" is not an ISO 3166-1 alpha-2 country code (upper case, e.g. "DE")',
      '.value[2]: "XX" is not an ISO 3166-1 alpha-2 country code (upper case, e.g. "DE")',
    ]);
    expect(errorsOf({ field: "destinationRegion", op: "eq", value: "EMEA" })[0]).toMatch(/not a region/);
    expect(errorsOf({ field: "currency", op: "eq", value: "eur" })[0]).toMatch(/ISO 4217/);
  });

  it("checks the shape of ranges, lists, exists and ignoreCase", () => {
    expect(errorsOf({ field: "weightGrams", op: "between", value: [3000, 1000] })).toEqual([
      ".value: the range's minimum is greater than its maximum",
    ]);
    expect(errorsOf({ field: "weightGrams", op: "between", value: 1000 })[0]).toMatch(/needs \[min, max\]/);
    expect(errorsOf({ field: "orderValue", op: "between", value: [eur(1), { amount: 2, currency: "USD" }] })).toEqual([
      ".value[1].currency: both ends of a money range use the same currency",
    ]);
    expect(errorsOf({ field: "skuTags", op: "in", value: [] })[0]).toMatch(/non-empty list/);
    expect(errorsOf({ field: "riskScore", op: "exists", value: 1 })[0]).toMatch(/^\.value: "exists" takes true/);
    expect(errorsOf({ field: "weightGrams", op: "gt" })[0]).toMatch(/^\.value: "gt" needs a value/);
    expect(errorsOf({ field: "channel", op: "eq", value: "x", ignoreCase: true })).toEqual([
      '.ignoreCase: ignoreCase applies only to "matches"',
    ]);
    expect(errorsOf({ field: "weightGrams", op: "gt", value: Number.POSITIVE_INFINITY })[0]).toMatch(/needs a number/);
  });

  it("refuses unknown facts, operators and keys", () => {
    expect(errorsOf({ field: "weight", op: "gt", value: 1 })[0]).toMatch(
      /^\.field: unknown fact "weight"; known facts are destinationCountry, /,
    );
    expect(errorsOf({ field: "weightGrams", op: "greater", value: 1 })[0]).toMatch(/^\.op: unknown operator "greater"/);
    expect(errorsOf({ field: "weightGrams", op: "gt", values: 1 })).toContain(
      '.values: unknown key "values" in a condition (field, op, value, ignoreCase)',
    );
  });
});
