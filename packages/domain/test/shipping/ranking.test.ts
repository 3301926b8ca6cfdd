import { describe, expect, it } from "vitest";
import {
  chooseCarrier,
  quoteRates,
  RATE_OBJECTIVES,
  RateInputError,
  type RateOption,
  rankOptions,
} from "../../src/index";

function synthetic(
  rateCardId: string,
  price: number,
  transitDays: number,
  co2eGrams: number,
  overrides: Partial<RateOption> = {},
): RateOption {
  const [carrier = "", service = ""] = rateCardId.split("/");
  return {
    rateCardId,
    carrier,
    carrierName: carrier.toUpperCase(),
    service,
    serviceName: service,
    price,
    currency: "EUR",
    transitDays,
    transitDaysMin: transitDays,
    co2eGrams,
    mode: "air",
    zone: "1",
    chargeableWeightGrams: 1000,
    reason: "",
    warnings: [],
    explanation: {} as RateOption["explanation"],
    ...overrides,
  };
}

// A: cheap and slow and clean; B: dear, fast, dirty; C: in between.
const A = synthetic("acme/slow/XX", 1000, 5, 1000);
const B = synthetic("bolt/fast/XX", 2000, 2, 3000);
const C = synthetic("acme/mid/XX", 1500, 3, 2000);
const ids = (options: ReadonlyArray<{ rateCardId: string }>) => options.map((o) => o.rateCardId);

describe("rankOptions", () => {
  it("normalizes each dimension across the options and weights them", () => {
    const ranked = rankOptions([A, B, C], RATE_OBJECTIVES.balanced);
    // cost n: A 0, B 1, C 0.5; speed n: A 1, B 0, C 1/3; carbon n: A 0, B 1, C 0.5.
    // A = 0.3·1 = 0.3; C = 0.5·0.5 + 0.3/3 + 0.2·0.5 = 0.45; B = 0.5 + 0.2 = 0.7.
    expect(ids(ranked)).toEqual([A.rateCardId, C.rateCardId, B.rateCardId]);
    expect(ranked.map((o) => o.score)).toEqual([0.3, expect.closeTo(0.45, 10), expect.closeTo(0.7, 10)]);
    expect(ranked[1]?.normalized).toEqual({ cost: 0.5, speed: expect.closeTo(1 / 3, 10), carbon: 0.5 });
    expect(ranked.map((o) => o.rank)).toEqual([1, 2, 3]);
    expect(ranked[0]?.rankReason).toBe("best weighted score (cost 50%, speed 30%, carbon 20%) (score 0.300)");
  });

  it("follows the objective: cheapest, fastest, greenest", () => {
    expect(rankOptions([A, B, C], RATE_OBJECTIVES.cheapest)[0]?.rateCardId).toBe(A.rateCardId);
    expect(rankOptions([A, B, C], RATE_OBJECTIVES.fastest)[0]?.rateCardId).toBe(B.rateCardId);
    expect(ids(rankOptions([B, C, A], RATE_OBJECTIVES.greenest))).toEqual([A.rateCardId, C.rateCardId, B.rateCardId]);
    // Speed-heavy, cost 20 %: B = 0.2·1 = 0.2, C = 0.2·0.5 + 0.8/3 ≈ 0.367, A = 0.8. Weights are relative.
    const speedy = rankOptions([A, B, C], { cost: 2, speed: 8, carbon: 0 });
    expect(ids(speedy)).toEqual([B.rateCardId, C.rateCardId, A.rateCardId]);
    const same = rankOptions([A, B, C], { cost: 0.2, speed: 0.8, carbon: 0 });
    expect(same.map((o) => o.score)).toEqual(speedy.map((o) => expect.closeTo(o.score, 12)));
  });

  it("ranks options over maxTransitDays after those within it", () => {
    const ranked = rankOptions([A, B, C], { ...RATE_OBJECTIVES.cheapest, maxTransitDays: 3 });
    expect(ids(ranked)).toEqual([C.rateCardId, B.rateCardId, A.rateCardId]);
    expect(ranked.map((o) => o.withinConstraints)).toEqual([true, true, false]);
    expect(ranked[2]?.rankReason).toContain("over the 3-day limit");
  });

  it("breaks ties on price, then transit, then CO2e, then id", () => {
    const twin1 = synthetic("zeta/x/XX", 1000, 3, 500);
    const twin2 = synthetic("alpha/x/XX", 1000, 3, 500);
    const slower = synthetic("beta/x/XX", 1000, 4, 100);
    expect(ids(rankOptions([twin1, slower, twin2], RATE_OBJECTIVES.cheapest))).toEqual([
      "alpha/x/XX",
      "zeta/x/XX",
      "beta/x/XX",
    ]);
  });

  it("refuses a meaningless objective or mixed currencies", () => {
    expect(() => rankOptions([A], { cost: 0, speed: 0, carbon: 0 })).toThrow(RateInputError);
    expect(() => rankOptions([A], { cost: -1, speed: 1, carbon: 0 })).toThrow(RateInputError);
    expect(() =>
      rankOptions([A, synthetic("usd/x/XX", 1, 1, 1, { currency: "USD" })], RATE_OBJECTIVES.cheapest),
    ).toThrow(/several currencies/);
  });
});

describe("chooseCarrier", () => {
  it("picks the cheapest within a transit limit and says so", () => {
    const choice = chooseCarrier([A, B, C], { objective: { ...RATE_OBJECTIVES.cheapest, maxTransitDays: 3 } });
    expect(choice.basis).toBe("objective");
    expect(choice.pick?.rateCardId).toBe(C.rateCardId);
    expect(choice.reason).toBe(
      "cheapest among 2 options within 3 days (of 3): ACME mid at EUR 15.00, 3 days, 2.0 kg CO2e",
    );
    expect(ids(choice.ordered)).toEqual([C.rateCardId, B.rateCardId, A.rateCardId]);
    expect(choice.alternatives.map((o) => o.rankReason)).toEqual([
      "vs ACME mid: EUR 5.00 more, 1 day faster, 1.0 kg CO2e more",
      "vs ACME mid: EUR 5.00 less, 2 days slower, 1.0 kg CO2e less; over the transit limit",
    ]);
    expect(choice.ordered[0]?.rankReason).toBe(choice.reason);
  });

  it("relaxes a limit nothing meets, and says so", () => {
    const choice = chooseCarrier([A, B, C], { objective: { ...RATE_OBJECTIVES.cheapest, maxTransitDays: 1 } });
    expect(choice.pick?.rateCardId).toBe(A.rateCardId);
    expect(choice.constraintRelaxed).toBe(true);
    expect(choice.reason).toMatch(/^no option arrives within 1 days; cheapest among all 3 options: ACME slow/);
  });

  it("takes the carrier and service a rule forces, even when not the best", () => {
    const choice = chooseCarrier([A, B, C], {
      objective: RATE_OBJECTIVES.cheapest,
      forced: { carrier: "bolt", service: "fast", ruleId: "R7" },
    });
    expect(choice.basis).toBe("forced");
    expect(choice.pick?.rateCardId).toBe(B.rateCardId);
    expect(choice.reason).toBe("forced by rule R7: BOLT fast at EUR 20.00, 2 days, 3.0 kg CO2e");
    expect(ids(choice.ordered)).toEqual([B.rateCardId, A.rateCardId, C.rateCardId]);
    expect(choice.alternatives[0]?.rankReason).toBe("vs BOLT fast: EUR 10.00 less, 3 days slower, 2.0 kg CO2e less");
  });

  it("takes the forced carrier's best service by the objective when the rule names no service", () => {
    const choice = chooseCarrier([A, B, C], {
      objective: RATE_OBJECTIVES.fastest,
      forced: { carrier: "acme", ruleId: "R2" },
    });
    expect(choice.pick?.rateCardId).toBe(C.rateCardId);
    expect(choice.reason).toBe(
      "forced by rule R2: ACME mid at EUR 15.00, 3 days, 2.0 kg CO2e; fastest of its 2 services here",
    );
  });

  it("picks nothing when the forced carrier cannot ship it, with the exclusion reason", () => {
    const result = quoteRates({
      origin: { country: "CN" },
      destination: { country: "US" },
      parcels: [{ weightGrams: 500, dimensionsMm: { length: 200, width: 100, height: 50 } }],
      currency: "USD",
      date: "2026-11-26",
      fx: { base: "USD", date: "2026-11-25", rates: { CNY: "7.2418", EUR: "0.9513" } },
    });
    const choice = chooseCarrier(result.options, {
      objective: RATE_OBJECTIVES.cheapest,
      forced: { carrier: "usps", service: "priority_mail_international", ruleId: "R9" },
      exclusions: result.exclusions,
    });
    expect(choice.pick).toBeNull();
    expect(choice.basis).toBe("forced");
    expect(choice.reason).toBe(
      "rule R9 forces usps/priority_mail_international, which cannot take this shipment (USPS Priority Mail International ships only from US; the origin is CN); needs review",
    );
    expect(choice.ordered.length).toBe(result.options.length);
  });

  it("reports when nothing can ship at all", () => {
    const choice = chooseCarrier([], {
      objective: RATE_OBJECTIVES.balanced,
      exclusions: [{ rateCardId: "x/y/Z", carrier: "x", service: "y", code: "overweight", reason: "too heavy" }],
    });
    expect(choice).toMatchObject({
      basis: "none",
      pick: null,
      ordered: [],
      reason: "no carrier service can take this shipment: too heavy",
    });
  });

  it("chooses across real carriers for the spec's CN→DE example", () => {
    const result = quoteRates({
      origin: { country: "CN", postalCode: "518000" },
      destination: { country: "DE", postalCode: "10115" },
      parcels: [{ weightGrams: 800, dimensionsMm: { length: 300, width: 200, height: 100 } }],
      currency: "EUR",
      date: "2026-11-26",
      fx: { base: "EUR", date: "2026-11-25", rates: { USD: "1.0512", CNY: "7.6123" } },
    });
    const cheapest = chooseCarrier(result.options, { objective: RATE_OBJECTIVES.cheapest });
    expect(cheapest.pick?.carrier).toBe("yanwen");
    const fastest = chooseCarrier(result.options, { objective: RATE_OBJECTIVES.fastest });
    expect(fastest.pick?.transitDays).toBe(Math.min(...result.options.map((o) => o.transitDays)));
    const withinFive = chooseCarrier(result.options, { objective: { ...RATE_OBJECTIVES.cheapest, maxTransitDays: 5 } });
    expect(withinFive.reason).toMatch(/^cheapest among 3 options within 5 days \(of 9\): /);
    expect(withinFive.pick?.transitDays).toBeLessThanOrEqual(5);
    expect(withinFive.ordered[0]).toBe(withinFive.pick);
  });
});
