import type { OrderFacts, Rule, RuleActionByKind, RuleConditionGroup, RuleKind, RuleSet } from "../../src/index";

/** A rule literal; keeps the `then` key (the stored format's name) in one place. */
export function rule<K extends RuleKind>(
  kind: K,
  id: string,
  priority: number,
  when: RuleConditionGroup,
  actions: ReadonlyArray<RuleActionByKind[K]>,
  extra: { enabled?: boolean; name?: string } = {},
): Rule {
  return {
    id,
    name: extra.name ?? id,
    kind,
    enabled: extra.enabled ?? true,
    priority,
    when,
    // biome-ignore lint/suspicious/noThenProperty: the rule format's field; an array, so not thenable
    then: actions,
  } as Rule;
}

export function ruleSet(version: number, ...rules: Rule[]): RuleSet {
  return { version, rules };
}

/** A 2.5 kg parcel of two products to Berlin, paid by card through Stripe. */
export function factsOf(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    destinationCountry: "DE",
    destinationRegion: "EU",
    destinationIsEu: true,
    destinationPostalCode: "10115",
    weightGrams: 2500,
    volumetricWeightGrams: 1800,
    chargeableWeightGrams: 2500,
    maxDimensionMm: 400,
    orderValue: 15000,
    currency: "EUR",
    lineCount: 2,
    unitCount: 3,
    skus: ["LAMP-01", "TEE-RED-M"],
    skuTags: ["apparel", "fragile"],
    customerTier: "gold",
    channel: "shopify",
    riskScore: 12,
    paymentMethod: "card",
    paymentProvider: "stripe",
    ...overrides,
  };
}

/** Facts without the given keys (as when the catalog lacks weights or the order was never scored). */
export function factsWithout(...keys: Array<keyof OrderFacts>): OrderFacts {
  const facts: Partial<OrderFacts> = factsOf();
  for (const key of keys) delete facts[key];
  return facts as OrderFacts;
}

/** Replaces a raw rule's actions (for documents built to test validation). */
export function setActions(target: Record<string, unknown>, actions: unknown): void {
  // biome-ignore lint/suspicious/noThenProperty: the rule format's field; an array, so not thenable
  target.then = actions;
}
