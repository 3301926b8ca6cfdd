import { describe, expect, it } from "vitest";
import { assertRuleSet, parseRuleSet, RULE_LIMITS } from "../../src/index";
import { EXAMPLE } from "./example";
import { setActions } from "./helpers";

function errorsOf(input: unknown): Array<{ path: string; message: string }> {
  const result = parseRuleSet(input);
  return result.ok ? [] : result.errors;
}

function exampleWith(mutate: (doc: { version: unknown; rules: Array<Record<string, unknown>> }) => void) {
  const doc = JSON.parse(EXAMPLE);
  mutate(doc);
  return doc;
}

function nestedAny(depth: number): unknown {
  let node: unknown = { field: "lineCount", op: "gt", value: 1 };
  for (let i = 0; i < depth; i++) node = { any: [node] };
  return node;
}

describe("parseRuleSet", () => {
  it("accepts the documented example, from JSON text or a value, and freezes it", () => {
    const result = parseRuleSet(EXAMPLE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet.version).toBe(3);
    expect(result.ruleSet.rules.map((r) => r.kind)).toEqual([
      "routing",
      "routing",
      "allocation",
      "exception",
      "action",
    ]);
    expect(Object.isFrozen(result.ruleSet.rules[0]?.when)).toBe(true);
    expect(parseRuleSet(JSON.parse(EXAMPLE))).toEqual(result);
  });

  it("reports invalid JSON at the document", () => {
    expect(errorsOf("{ version: 1")).toEqual([{ path: "", message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it("reports document-level problems with their paths", () => {
    expect(errorsOf({ version: 1.5, rules: [], extra: true })).toEqual([
      { path: "version", message: "version is a whole number" },
      { path: "", message: 'Unrecognized key: "extra"' },
    ]);
    expect(errorsOf({ version: 1 })).toEqual([{ path: "rules", message: expect.stringContaining("expected array") }]);
  });

  it("reports rule-level problems with their paths", () => {
    const doc = exampleWith((d) => {
      d.rules[0]!.kind = "shipping";
      d.rules[1]!.priority = -1;
      d.rules[2]!.id = "has space";
      d.rules[3]!.name = " ";
      d.rules[4]!.enabled = "yes";
    });
    expect(errorsOf(doc).map((e) => e.path)).toEqual([
      "rules[0].kind",
      "rules[1].priority",
      "rules[2].id",
      "rules[3].name",
      "rules[4].enabled",
    ]);
    expect(errorsOf(doc)[0]?.message).toBe('kind is "routing", "allocation", "exception" or "action"');
  });

  it("refuses duplicate rule ids", () => {
    const doc = exampleWith((d) => {
      d.rules[3]!.id = "heavy-de-dhl";
    });
    expect(errorsOf(doc)).toEqual([
      { path: "rules[3].id", message: 'rule id "heavy-de-dhl" is already used by rules[0]' },
    ]);
  });

  it("reports errors deep in nested conditions with the full path", () => {
    const doc = exampleWith((d) => {
      const when = d.rules[3]!.when as { any: Array<{ all?: Array<Record<string, unknown>> }> };
      when.any[1]!.all![1]!.value = ["OCEANIA", "MARS"];
    });
    expect(errorsOf(doc)).toEqual([
      {
        path: "rules[3].when.any[1].all[1].value[1]",
        message: expect.stringMatching(/^"MARS" is not a region; use one of EU, EUROPE/),
      },
    ]);
  });

  it("limits group nesting, group size and condition count", () => {
    const deep = exampleWith((d) => {
      d.rules[0]!.when = { all: [nestedAny(RULE_LIMITS.maxGroupDepth)] };
    });
    expect(errorsOf(deep)).toEqual([
      {
        path: `rules[0].when.all[0]${".any[0]".repeat(RULE_LIMITS.maxGroupDepth - 1)}`,
        message: `groups nest at most ${RULE_LIMITS.maxGroupDepth} deep`,
      },
    ]);
    const deepest = exampleWith((d) => {
      d.rules[0]!.when = { all: [nestedAny(RULE_LIMITS.maxGroupDepth - 1)] };
    });
    expect(errorsOf(deepest)).toEqual([]);
    // absurd nesting is refused at the limit, without walking (or overflowing on) the rest
    const absurd = exampleWith((d) => {
      d.rules[0]!.when = nestedAny(50_000);
    });
    expect(errorsOf(absurd)).toHaveLength(1);

    const wide = exampleWith((d) => {
      d.rules[0]!.when = { all: Array.from({ length: 26 }, () => ({ field: "lineCount", op: "gt", value: 1 })) };
    });
    expect(errorsOf(wide)).toEqual([{ path: "rules[0].when.all", message: "a group holds at most 25 entries" }]);
    const many = exampleWith((d) => {
      const group = () => ({ all: Array.from({ length: 20 }, () => ({ field: "lineCount", op: "gt", value: 1 })) });
      d.rules[0]!.when = { any: [group(), group(), group()] };
    });
    expect(errorsOf(many)).toEqual([
      { path: "rules[0].when.any[2].all[10]", message: "a rule has at most 50 conditions" },
    ]);
  });

  it("refuses malformed groups", () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ any: [] }, "rules[0].when.any", /empty "any" never matches/],
      [{ all: [], any: [] }, "rules[0].when", /exactly one key/],
      [{ or: [] }, "rules[0].when", /exactly one key, "all" or "any"; got "or"/],
      [{ all: {} }, "rules[0].when.all", /list of conditions/],
      [{ field: "lineCount", op: "gt", value: 1 }, "rules[0].when", /exactly one key/],
      [{ all: [42] }, "rules[0].when.all[0]", /expected a condition .* got number 42/],
      [null, "rules[0].when", /expected a group/],
    ];
    for (const [when, path, message] of cases) {
      const doc = exampleWith((d) => {
        d.rules[0]!.when = when;
      });
      expect(errorsOf(doc), JSON.stringify(when)).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
  });

  it("allows each kind only its own actions", () => {
    const doc = exampleWith((d) => {
      setActions(d.rules[0]!, [{ type: "hold", code: "x", message: "y" }]);
      setActions(d.rules[2]!, [{ type: "use_carrier", carrier: "ups" }]);
      setActions(d.rules[3]!, [{ type: "tag", tag: "x" }]);
      setActions(d.rules[4]!, [{ type: "nearest" }]);
    });
    expect(errorsOf(doc)).toEqual([
      { path: "rules[0].then[0].type", message: 'a routing rule\'s action type is "use_carrier" or "objective"' },
      {
        path: "rules[2].then[0].type",
        message: 'an allocation rule\'s action type is "warehouse_priority", "nearest", "cheapest" or "allow_split"',
      },
      { path: "rules[3].then[0].type", message: 'an exception rule\'s action type is "hold"' },
      { path: "rules[4].then[0].type", message: 'an action rule\'s action type is "tag", "notify" or "set_incoterm"' },
    ]);
  });

  it("checks the content of actions", () => {
    const doc = exampleWith((d) => {
      setActions(d.rules[0]!, [{ type: "use_carrier", carrier: "DHL Express" }]);
      setActions(d.rules[1]!, [{ type: "objective", weights: { cost: 0, speed: 0, carbon: 0 } }]);
      setActions(d.rules[2]!, [{ type: "warehouse_priority", warehouseCodes: ["FRA1", "FRA1"] }]);
      setActions(d.rules[3]!, [{ type: "hold", code: "review", message: "" }]);
      setActions(d.rules[4]!, [
        { type: "notify", channel: "email", to: "not-an-email" },
        { type: "notify", channel: "webhook", to: "ftp://example.com" },
        { type: "set_incoterm", incoterm: "EXW" },
        { type: "tag", tag: "x", colour: "red" },
      ]);
    });
    expect(errorsOf(doc)).toEqual([
      { path: "rules[0].then[0].carrier", message: expect.stringContaining("a carrier is lower-case letters") },
      { path: "rules[1].then[0].weights", message: expect.stringContaining("at least one of cost, speed and carbon") },
      { path: "rules[2].then[0].warehouseCodes", message: "a warehouse code is listed twice" },
      { path: "rules[3].then[0].message", message: "a hold needs a message for the reviewer" },
      { path: "rules[4].then[0].to", message: "not an email address" },
      { path: "rules[4].then[1].to", message: "not an http(s) URL" },
      { path: "rules[4].then[2].incoterm", message: 'incoterm is "DDP" or "DAP"' },
      { path: "rules[4].then[3]", message: 'Unrecognized key: "colour"' },
    ]);
  });

  it("refuses contradictory or repeated actions in one rule, and rules without actions", () => {
    const doc = exampleWith((d) => {
      setActions(d.rules[0]!, [
        { type: "use_carrier", carrier: "ups" },
        { type: "objective", weights: { cost: 1, speed: 0, carbon: 0 } },
      ]);
      setActions(d.rules[2]!, [{ type: "nearest" }, { type: "cheapest" }, { type: "allow_split", allowed: true }]);
      setActions(d.rules[3]!, []);
      setActions(d.rules[4]!, [
        { type: "set_incoterm", incoterm: "DDP" },
        { type: "tag", tag: "a" },
        { type: "tag", tag: "b" },
        { type: "set_incoterm", incoterm: "DAP" },
      ]);
    });
    expect(errorsOf(doc)).toEqual([
      {
        path: "rules[0].then[1].type",
        message: "a rule has one routing choice: use_carrier or objective (already then[0])",
      },
      {
        path: "rules[2].then[1].type",
        message: "a rule has one strategy: warehouse_priority, nearest or cheapest (already then[0])",
      },
      { path: "rules[3].then", message: "a rule needs at least one action" },
      { path: "rules[4].then[3].type", message: '"set_incoterm" appears twice in one rule (also then[0])' },
    ]);
  });

  it("collects every error of a document in one pass", () => {
    const doc = exampleWith((d) => {
      d.version = -1;
      (d.rules[0]!.when as { all: Array<Record<string, unknown>> }).all[1]!.value = "heavy";
      setActions(d.rules[4]!, [{ type: "tag", tag: "" }]);
    });
    expect(errorsOf(doc).map((e) => e.path)).toEqual(["version", "rules[0].when.all[1].value", "rules[4].then[0].tag"]);
  });
});

describe("assertRuleSet", () => {
  it("returns a valid set and throws with the paths of an invalid one", () => {
    expect(assertRuleSet(EXAMPLE).rules).toHaveLength(5);
    expect(() => assertRuleSet({ version: 1, rules: [{ id: "x" }] })).toThrow(/^Invalid rule set: rules\[0\]\.kind: /);
  });
});
