/**
 * Rules engine throughput: a 50-rule set of every kind over 1,000 varied orders.
 * Run with `pnpm --filter @crossflow/domain exec tsx bench/rules.bench.ts`.
 * Prints a table; no thresholds (timings depend on the machine).
 */
import {
  buildOrderFacts,
  compileRuleSet,
  dryRun,
  evaluateRules,
  type OrderFacts,
  parseRuleSet,
  type RuleSet,
} from "../src/index";

const COUNTRIES = ["DE", "FR", "GB", "US", "AU", "JP", "NL", "IT", "ES", "CA", "BR", "CN", "KR", "SE", "PL", "AE"];
const TAGS = ["apparel", "fragile", "battery", "liquid", "cosmetics", "electronics", "oversize", "gift"];
const TIERS = ["standard", "silver", "gold", "vip"];
const CHANNELS = ["shopify", "amazon", "ebay", "tiktok", "woocommerce", "api"];
const CARRIERS = ["dhl_express", "ups", "fedex", "usps", "4px", "yanwen", "cainiao"];

/** Small deterministic PRNG so every run measures the same work. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function benchRuleSet(): unknown {
  const rules: Array<Record<string, unknown>> = [];
  const add = (kind: string, i: number, when: unknown, actions: unknown[]) =>
    rules.push({
      id: `${kind}-${i}`,
      name: `${kind} rule ${i}`,
      kind,
      enabled: i % 9 !== 8,
      priority: i * 10,
      when,
      // biome-ignore lint/suspicious/noThenProperty: the rule format's field; an array, so not thenable
      then: actions,
    });

  for (let i = 0; i < 12; i++) {
    add(
      "routing",
      i,
      {
        all: [
          { field: "destinationCountry", op: "in", value: [COUNTRIES[i % 16], COUNTRIES[(i + 5) % 16]] },
          { field: "chargeableWeightGrams", op: "between", value: [i * 400, i * 400 + 3000] },
          {
            any: [
              { field: "skuTags", op: "not_contains", value: "battery" },
              { field: "channel", op: "eq", value: "api" },
            ],
          },
        ],
      },
      [{ type: "use_carrier", carrier: CARRIERS[i % CARRIERS.length], service: "standard" }],
    );
  }
  for (let i = 0; i < 10; i++) {
    add(
      "allocation",
      i,
      {
        all: [
          { field: "destinationRegion", op: "eq", value: ["EU", "NORTH_AMERICA", "ASIA", "OCEANIA", "EUROPE"][i % 5] },
          { field: "unitCount", op: "lte", value: 2 + i },
        ],
      },
      [
        { type: "warehouse_priority", warehouseCodes: ["FRA1", "SZX1", "EWR1"] },
        { type: "allow_split", allowed: i % 2 === 0 },
      ],
    );
  }
  for (let i = 0; i < 16; i++) {
    add(
      "exception",
      i,
      {
        any: [
          { field: "orderValue", op: "gte", value: { amount: 200000 + i * 20000, currency: "EUR" } },
          { field: "riskScore", op: "gt", value: 84 + i },
          {
            all: [
              { field: "skuTags", op: "contains", value: TAGS[i % TAGS.length] },
              { field: "destinationCountry", op: "eq", value: COUNTRIES[i % COUNTRIES.length] },
            ],
          },
          { field: "destinationPostalCode", op: "matches", value: `^${10 + i}0\\d{2}$` },
        ],
      },
      [{ type: "hold", code: `review_${i}`, message: `Manual review ${i}` }],
    );
  }
  for (let i = 0; i < 12; i++) {
    add(
      "action",
      i,
      {
        all: [
          { field: "customerTier", op: "eq", value: TIERS[i % TIERS.length] },
          { field: "lineCount", op: "gte", value: 1 + (i % 3) },
          { field: "paymentProvider", op: "exists" },
        ],
      },
      [
        { type: "tag", tag: `segment-${i}` },
        { type: "notify", channel: "webhook", to: `https://hooks.example.com/${i}` },
        { type: "set_incoterm", incoterm: i % 2 ? "DDP" : "DAP" },
      ],
    );
  }
  return { version: 1, rules };
}

function benchFacts(count: number): OrderFacts[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, n) => {
    const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({
      sku: `SKU-${n}-${i}`,
      quantity: 1 + Math.floor(random() * 3),
      unitPrice: 500 + Math.floor(random() * 9500),
    }));
    return buildOrderFacts({
      currency: "EUR",
      lines,
      products: lines.map((line) => ({
        sku: line.sku,
        weightGrams: 50 + Math.floor(random() * 3000),
        dimensionsMm: { length: 100 + random() * 500, width: 50 + random() * 300, height: 10 + random() * 200 },
        tags: [pick(TAGS), pick(TAGS)],
      })),
      shippingAddress: { country: pick(COUNTRIES), postalCode: String(10000 + Math.floor(random() * 89999)) },
      channel: pick(CHANNELS),
      payment: { provider: random() < 0.9 ? "stripe" : null, method: "card" },
      customerTier: pick(TIERS),
      riskScore: Math.floor(random() * 100),
    });
  });
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const json = JSON.stringify(benchRuleSet());
const parsed = parseRuleSet(json);
if (!parsed.ok) throw new Error(`bench rule set is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
const ruleSet: RuleSet = parsed.ruleSet;
const facts = benchFacts(1000);

const parseRuns = 200;
const parseTime = time(() => {
  for (let i = 0; i < parseRuns; i++) parseRuleSet(json);
});

// compileRuleSet caches per set; a fresh parse gives a fresh object, so this measures a cold compile
const compileRuns = 100;
const fresh = Array.from({ length: compileRuns }, () => {
  const r = parseRuleSet(json);
  if (!r.ok) throw new Error("unreachable");
  return r.ruleSet;
});
const compileTime = time(() => {
  for (const set of fresh) compileRuleSet(set);
});

const compiled = compileRuleSet(ruleSet);
let sink = 0;
for (let i = 0; i < 20_000; i++) sink += evaluateRules(compiled, facts[i % facts.length]!).exceptions.length;

let evaluations = 0;
const evalTime = time(() => {
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (const f of facts) sink += evaluateRules(ruleSet, f).exceptions.length;
    evaluations += facts.length;
  }
});

// a draft that disables a third of the routing rules and lowers every exception's priority number
const draft = {
  ...ruleSet,
  rules: ruleSet.rules.map((r) =>
    r.kind === "routing" && r.priority % 30 === 0
      ? { ...r, enabled: false }
      : r.kind === "exception"
        ? { ...r, priority: 1 }
        : r,
  ),
};
const dryRunTime = time(() =>
  dryRun(
    ruleSet,
    draft,
    facts.map((f, i) => ({ orderId: `ord_${i}`, facts: f })),
  ),
);

const sample = evaluateRules(ruleSet, facts[0]!);
let decisions = 0;
let held = 0;
for (const f of facts) {
  const e = evaluateRules(ruleSet, f);
  decisions += (e.routing ? 1 : 0) + (e.allocation ? 1 : 0) + e.exceptions.length + e.actions.length;
  if (e.exceptions.length > 0) held++;
}
const enabled = ruleSet.rules.filter((r) => r.enabled).length;
const perSecond = Math.round(evaluations / (evalTime.ms / 1000));

const rows: Array<[string, string]> = [
  ["rules (enabled)", `${ruleSet.rules.length} (${enabled})`],
  ["distinct orders", String(facts.length)],
  ["parse + validate JSON", `${(parseTime.ms / parseRuns).toFixed(3)} ms`],
  ["compile (cold)", `${(compileTime.ms / compileRuns).toFixed(3)} ms`],
  ["decisions per order (avg)", (decisions / facts.length).toFixed(2)],
  ["orders held", `${((held / facts.length) * 100).toFixed(1)} %`],
  ["evaluations", String(evaluations)],
  ["evaluations per second", perSecond.toLocaleString("en-US")],
  ["µs per evaluation", ((evalTime.ms * 1000) / evaluations).toFixed(2)],
  ["dry-run 1,000 orders", `${dryRunTime.ms.toFixed(1)} ms (${dryRunTime.result.summary.changed} changed)`],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`rules engine benchmark (node ${process.version})`);
for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
console.log(`  example reason: ${sample.routing?.reason ?? sample.exceptions[0]?.reason ?? "(none)"}`);
if (sink < 0) console.log(sink);
