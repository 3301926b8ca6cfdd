import { describe, expect, it } from "vitest";
import { dryRun, type Rule } from "../../src/index";
import { factsOf, rule, ruleSet } from "./helpers";

const dhlForDe = rule("routing", "de", 10, { all: [{ field: "destinationCountry", op: "eq", value: "DE" }] }, [
  { type: "use_carrier", carrier: "dhl_express" },
]);
const upsOtherwise = rule("routing", "rest", 100, { all: [] }, [{ type: "use_carrier", carrier: "ups" }]);
const nearest = rule("allocation", "near", 1, { all: [] }, [{ type: "nearest" }]);
const holdRisky = (threshold: number): Rule =>
  rule("exception", "risky", 1, { all: [{ field: "riskScore", op: "gte", value: threshold }] }, [
    { type: "hold", code: "risk_review", message: "Risk score needs review" },
  ]);

const orders = [
  { orderId: "ord_de_low", facts: factsOf({ riskScore: 10 }) },
  { orderId: "ord_de_mid", facts: factsOf({ riskScore: 60 }) },
  { orderId: "ord_fr_high", facts: factsOf({ destinationCountry: "FR", riskScore: 90 }) },
  { orderId: "ord_us_mid", facts: factsOf({ destinationCountry: "US", destinationIsEu: false, riskScore: 55 }) },
];

describe("dryRun", () => {
  const current = ruleSet(3, dhlForDe, upsOtherwise, nearest, holdRisky(80));

  it("reports, per order, which decisions a draft would change, and counts them", () => {
    // The draft sends French orders to DHL too and lowers the risk threshold to 50.
    const draft = ruleSet(
      3,
      rule("routing", "de", 10, { all: [{ field: "destinationCountry", op: "in", value: ["DE", "FR"] }] }, [
        { type: "use_carrier", carrier: "dhl_express" },
      ]),
      upsOtherwise,
      nearest,
      holdRisky(50),
    );
    const report = dryRun(current, draft, orders);

    expect(report.currentVersion).toBe(3);
    expect(report.orders.map((o) => [o.orderId, o.changed, o.changes.map((c) => c.kind)])).toEqual([
      ["ord_de_low", false, []],
      ["ord_de_mid", true, ["exception"]],
      ["ord_fr_high", true, ["routing"]],
      ["ord_us_mid", true, ["exception"]],
    ]);
    expect(report.orders[2]?.changes[0]).toEqual({
      kind: "routing",
      current: ["use carrier ups"],
      draft: ["use carrier dhl_express"],
      currentRuleIds: ["rest"],
      draftRuleIds: ["de"],
    });
    expect(report.orders[1]?.changes[0]).toEqual({
      kind: "exception",
      current: [],
      draft: ["hold risk_review: Risk score needs review"],
      currentRuleIds: [],
      draftRuleIds: ["risky"],
    });
    expect(report.orders[2]?.draft.routing?.reason).toBe("destination country is one of DE, FR");
    expect(report.summary).toEqual({
      orders: 4,
      changed: 3,
      unchanged: 1,
      byKind: { routing: 1, allocation: 0, exception: 2, action: 0 },
      newlyHeld: 2,
      released: 0,
    });
  });

  it("tells an unchanged outcome reached for another reason from a changed one", () => {
    // Still holds ord_fr_high (90 ≥ 85), for a different threshold: the reason changes, not the decision.
    const report = dryRun(current, ruleSet(3, dhlForDe, upsOtherwise, nearest, holdRisky(85)), orders);
    const fr = report.orders.find((o) => o.orderId === "ord_fr_high");
    expect(fr).toMatchObject({ changed: false, changes: [], reasonChanged: ["exception"] });
    expect(fr?.current.exceptions[0]?.reason).toBe("risk score ≥ 80");
    expect(fr?.draft.exceptions[0]?.reason).toBe("risk score ≥ 85");
    expect(report.summary).toMatchObject({ changed: 0, unchanged: 4 });
  });

  it("counts orders a draft would release from the queue", () => {
    const report = dryRun(current, ruleSet(3, dhlForDe, upsOtherwise, nearest), orders);
    expect(report.summary).toMatchObject({ changed: 1, newlyHeld: 0, released: 1 });
    expect(report.orders[2]?.changes).toEqual([
      {
        kind: "exception",
        current: ["hold risk_review: Risk score needs review"],
        draft: [],
        currentRuleIds: ["risky"],
        draftRuleIds: [],
      },
    ]);
  });

  it("compares against no rules at all before the first publish", () => {
    const report = dryRun(null, ruleSet(0, nearest), orders);
    expect(report.currentVersion).toBeNull();
    expect(report.summary).toMatchObject({ orders: 4, changed: 4, byKind: { allocation: 4 } });
    expect(report.orders[0]?.changes[0]).toMatchObject({ current: [], draft: ["ship from the nearest warehouse"] });
  });

  it("does not count holds listed in another order as a change", () => {
    const a = rule("exception", "a", 1, { all: [] }, [{ type: "hold", code: "a", message: "A" }]);
    const b = rule("exception", "b", 2, { all: [] }, [{ type: "hold", code: "b", message: "B" }]);
    const swapped = [
      { ...a, priority: 2 },
      { ...b, priority: 1 },
    ] as Rule[];
    const report = dryRun(ruleSet(1, a, b), ruleSet(1, ...swapped), orders.slice(0, 1));
    expect(report.summary.changed).toBe(0);
  });

  it("keeps the order of the input and returns an empty report for no orders", () => {
    expect(dryRun(current, current, []).summary).toEqual({
      orders: 0,
      changed: 0,
      unchanged: 0,
      byKind: { routing: 0, allocation: 0, exception: 0, action: 0 },
      newlyHeld: 0,
      released: 0,
    });
    const reversed = [...orders].reverse();
    expect(dryRun(current, current, reversed).orders.map((o) => o.orderId)).toEqual(reversed.map((o) => o.orderId));
  });
});
