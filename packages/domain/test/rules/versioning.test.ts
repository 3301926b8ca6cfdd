import { describe, expect, it } from "vitest";
import { diffRuleSets, publishRuleSet, type Rule, type RuleSet } from "../../src/index";
import { rule, ruleSet, setActions } from "./helpers";

const de = rule("routing", "de", 10, { all: [{ field: "destinationCountry", op: "eq", value: "DE" }] }, [
  { type: "use_carrier", carrier: "dhl_express" },
]);
const hold = rule("exception", "hv", 1, { all: [{ field: "riskScore", op: "gt", value: 80 }] }, [
  { type: "hold", code: "risk_review", message: "High risk" },
]);
const tag = rule("action", "tag", 5, { all: [] }, [{ type: "tag", tag: "auto" }]);

function withChanges(base: Rule, changes: Partial<Record<keyof Rule, unknown>>): Rule {
  return { ...base, ...changes } as Rule;
}

describe("diffRuleSets", () => {
  it("lists rules added, removed and changed (with which properties), matched by id", () => {
    const previous = ruleSet(3, de, hold, tag);
    const next = ruleSet(
      3,
      withChanges(de, {
        priority: 20,
        when: { all: [{ field: "destinationCountry", op: "in", value: ["DE", "AT"] }] },
      }),
      withChanges(tag, { enabled: false, name: "Tag automated orders" }),
      rule("allocation", "near", 1, { all: [] }, [{ type: "nearest" }]),
    );
    expect(diffRuleSets(previous, next)).toEqual({
      added: [{ id: "near", name: "near", kind: "allocation" }],
      removed: [{ id: "hv", name: "hv", kind: "exception" }],
      changed: [
        { id: "de", name: "de", kind: "routing", changed: ["priority", "when"] },
        { id: "tag", name: "Tag automated orders", kind: "action", changed: ["name", "enabled"] },
      ],
      unchanged: 0,
      reordered: false,
      isEmpty: false,
    });
  });

  it("sees actions change and ignores key order", () => {
    const reKeyed = JSON.parse(JSON.stringify(de), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as Rule;
    expect(diffRuleSets(ruleSet(1, de), ruleSet(1, reKeyed))).toMatchObject({ unchanged: 1, isEmpty: true });
    const otherCarrier = withChanges(de, {});
    setActions(otherCarrier as unknown as Record<string, unknown>, [{ type: "use_carrier", carrier: "ups" }]);
    expect(diffRuleSets(ruleSet(1, de), ruleSet(1, otherCarrier)).changed).toEqual([
      { id: "de", name: "de", kind: "routing", changed: ["then"] },
    ]);
  });

  it("notices a reordering, which breaks priority ties", () => {
    expect(diffRuleSets(ruleSet(1, de, hold), ruleSet(1, hold, de))).toMatchObject({
      unchanged: 2,
      reordered: true,
      isEmpty: false,
    });
  });

  it("treats everything as added when nothing was published", () => {
    expect(diffRuleSets(null, ruleSet(0, de, hold))).toMatchObject({
      added: [{ id: "de" }, { id: "hv" }],
      removed: [],
      changed: [],
    });
  });
});

describe("publishRuleSet", () => {
  it("publishes the first version as 1", () => {
    const result = publishRuleSet(null, ruleSet(0, de));
    expect(result).toMatchObject({ ok: true, version: 1, ruleSet: { version: 1 } });
    if (result.ok) expect(result.ruleSet.rules.map((r) => r.id)).toEqual(["de"]);
  });

  it("publishes a draft edited from the latest version as the next version, with the diff", () => {
    const v4: RuleSet = ruleSet(4, de, hold);
    const draft = ruleSet(4, de, tag);
    const result = publishRuleSet(v4, draft);
    expect(result).toMatchObject({
      ok: true,
      version: 5,
      ruleSet: { version: 5 },
      diff: { added: [{ id: "tag" }], removed: [{ id: "hv" }], changed: [], unchanged: 1 },
    });
    expect(v4.version).toBe(4);
    expect(draft.version).toBe(4);
  });

  it("refuses a draft edited from an older version", () => {
    const result = publishRuleSet(ruleSet(5, de), ruleSet(4, de, tag));
    expect(result).toMatchObject({ ok: false, code: "stale_draft" });
    if (!result.ok) expect(result.message).toMatch(/edited from version 4 but version 5 is now published/);
  });

  it("refuses a draft that changes nothing", () => {
    expect(publishRuleSet(ruleSet(2, de, hold), ruleSet(2, de, hold))).toMatchObject({ ok: false, code: "no_changes" });
    expect(publishRuleSet(ruleSet(2, de, hold), ruleSet(2, hold, de))).toMatchObject({ ok: true, version: 3 });
  });

  it("refuses a draft that does not validate, with field-level errors", () => {
    const broken = withChanges(tag, { when: { all: [{ field: "riskScore", op: "gt", value: "high" }] } });
    const result = publishRuleSet(ruleSet(1, de), ruleSet(1, de, broken));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_rules",
      errors: [{ path: "rules[1].when.all[0].value" }],
    });
  });
});
