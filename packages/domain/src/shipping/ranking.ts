import { formatCo2e, formatDays, formatMinor, serviceLabel } from "./format";
import { RateInputError } from "./rating";
import type { RateExclusion, RateOption } from "./types";

/**
 * Relative weights of cost, speed and carbon (any non-negative scale; they are divided
 * by their sum), optionally with a hard transit limit. The rules engine's
 * `{ type: "objective", weights }` action fits as is.
 */
export interface RateObjective {
  cost: number;
  speed: number;
  carbon: number;
  /** Options slower than this (upper transit bound) rank after every option within it. */
  maxTransitDays?: number;
}

export const RATE_OBJECTIVES = {
  cheapest: { cost: 1, speed: 0, carbon: 0 },
  fastest: { cost: 0, speed: 1, carbon: 0 },
  greenest: { cost: 0, speed: 0, carbon: 1 },
  balanced: { cost: 0.5, speed: 0.3, carbon: 0.2 },
} as const satisfies Record<string, RateObjective>;

export interface RankedOption extends RateOption {
  /** 1 = best. */
  rank: number;
  /** Weighted normalized score, 0 = best possible, 1 = worst on every weighted dimension. */
  score: number;
  /** Per dimension, 0 = best among the compared options, 1 = worst. */
  normalized: { cost: number; speed: number; carbon: number };
  /** False when the option is slower than the objective's maxTransitDays. */
  withinConstraints: boolean;
  /** Why the option sits where it does. */
  rankReason: string;
}

/** The rules engine's `{ type: "use_carrier", carrier, service? }` action fits as is. */
export interface ForcedCarrier {
  carrier: string;
  service?: string;
  /** The rule that forced it, for the reason. */
  ruleId?: string;
  /** Who forced it, when not a rule (e.g. "reviewer user_…"). */
  by?: string;
}

export interface CarrierChoice {
  basis: "objective" | "forced" | "none";
  /** Null when nothing can ship it, or the forced carrier cannot (then the order needs review). */
  pick: RankedOption | null;
  alternatives: RankedOption[];
  /** The pick first, then the alternatives: the order for POST /v1/quotes/rates. */
  ordered: RankedOption[];
  reason: string;
  /** True when no option met maxTransitDays and the pick came from all options. */
  constraintRelaxed: boolean;
}

function validateObjective(objective: RateObjective): void {
  const issues = [];
  for (const key of ["cost", "speed", "carbon"] as const) {
    const weight = objective[key];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      issues.push({ path: `objective.${key}`, message: "a non-negative number" });
    }
  }
  if (issues.length === 0 && objective.cost + objective.speed + objective.carbon <= 0) {
    issues.push({ path: "objective", message: "at least one weight above 0" });
  }
  const max = objective.maxTransitDays;
  if (max !== undefined && (!Number.isSafeInteger(max) || max < 0)) {
    issues.push({ path: "objective.maxTransitDays", message: "a whole number of days" });
  }
  if (issues.length > 0) throw new RateInputError(issues);
}

/** "cheapest", "fastest", "lowest-CO2e" or "best weighted score (cost 50%, speed 30%, carbon 20%)". */
export function describeObjective(objective: RateObjective): string {
  const { cost, speed, carbon } = objective;
  if (speed === 0 && carbon === 0) return "cheapest";
  if (cost === 0 && carbon === 0) return "fastest";
  if (cost === 0 && speed === 0) return "lowest-CO2e";
  const total = cost + speed + carbon;
  const pct = (w: number) => `${Math.round((w / total) * 100)}%`;
  return `best weighted score (cost ${pct(cost)}, speed ${pct(speed)}, carbon ${pct(carbon)})`;
}

const label = (o: RateOption) => serviceLabel(o.carrierName, o.serviceName);

function summary(o: RateOption): string {
  return `${label(o)} at ${formatMinor(o.price, o.currency)}, ${formatDays(o.transitDaysMin, o.transitDays)}, ${formatCo2e(o.co2eGrams)}`;
}

/** "vs UPS Worldwide Saver: EUR 3.20 more, 1 day slower, 2.1 kg CO2e more". */
function comparedWith(o: RateOption, reference: RateOption): string {
  const parts: string[] = [];
  const dp = o.price - reference.price;
  parts.push(dp === 0 ? "same price" : `${formatMinor(Math.abs(dp), o.currency)} ${dp > 0 ? "more" : "less"}`);
  const dd = o.transitDays - reference.transitDays;
  if (dd === 0) parts.push("same transit");
  else parts.push(`${Math.abs(dd)} day${Math.abs(dd) === 1 ? "" : "s"} ${dd > 0 ? "slower" : "faster"}`);
  const dc = o.co2eGrams - reference.co2eGrams;
  parts.push(dc === 0 ? "same CO2e" : `${formatCo2e(Math.abs(dc))} ${dc > 0 ? "more" : "less"}`);
  return `vs ${label(reference)}: ${parts.join(", ")}`;
}

function minMax(values: number[]): (v: number) => number {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return (v) => (max === min ? 0 : (v - min) / (max - min));
}

function scoreGroup(options: readonly RateOption[], objective: RateObjective, within: boolean) {
  const cost = minMax(options.map((o) => o.price));
  const speed = minMax(options.map((o) => o.transitDays));
  const carbon = minMax(options.map((o) => o.co2eGrams));
  const total = objective.cost + objective.speed + objective.carbon;
  return options.map((option) => {
    const normalized = { cost: cost(option.price), speed: speed(option.transitDays), carbon: carbon(option.co2eGrams) };
    const score =
      (objective.cost * normalized.cost + objective.speed * normalized.speed + objective.carbon * normalized.carbon) /
      total;
    return { option, normalized, score, within };
  });
}

/**
 * Orders options best first for a cost/speed/carbon objective. Each dimension is
 * min-max normalized across the compared options (price in the quote currency, transit
 * as the upper bound in days, CO2e grams): n = (x − min) / (max − min), 0 when all are
 * equal. score = Σ wᵢ·nᵢ / Σ wᵢ, lower is better. With maxTransitDays, the options within
 * it are normalized and ranked among themselves and come first; the slower ones follow,
 * ranked the same way among themselves. Ties go to the lower price, then the faster,
 * then the lower CO2e, then the rate card id.
 */
export function rankOptions(options: readonly RateOption[], objective: RateObjective): RankedOption[] {
  validateObjective(objective);
  const currencies = new Set(options.map((o) => o.currency));
  if (currencies.size > 1) {
    throw new RateInputError([
      { path: "options", message: `prices in several currencies (${[...currencies].join(", ")})` },
    ]);
  }
  const max = objective.maxTransitDays;
  const inside = options.filter((o) => max === undefined || o.transitDays <= max);
  const outside = options.filter((o) => max !== undefined && o.transitDays > max);
  const byScore = (a: ReturnType<typeof scoreGroup>[number], b: ReturnType<typeof scoreGroup>[number]) =>
    a.score - b.score ||
    a.option.price - b.option.price ||
    a.option.transitDays - b.option.transitDays ||
    a.option.co2eGrams - b.option.co2eGrams ||
    a.option.rateCardId.localeCompare(b.option.rateCardId);
  const scored = [
    ...scoreGroup(inside, objective, true).sort(byScore),
    ...scoreGroup(outside, objective, false).sort(byScore),
  ];
  const best = scored[0]?.option;
  const what = describeObjective(objective);
  return scored.map(({ option, normalized, score, within }, index) => {
    const scoreText = `score ${score.toFixed(3)}`;
    let rankReason: string;
    if (index === 0) rankReason = `${what} (${scoreText})`;
    else rankReason = `${scoreText}: ${best ? comparedWith(option, best) : ""}`;
    if (!within) rankReason += `; over the ${max}-day limit`;
    return { ...option, rank: index + 1, score, normalized, withinConstraints: within, rankReason };
  });
}

function reRank(ordered: RankedOption[], pick: RankedOption): RankedOption[] {
  return ordered.map((o, i) =>
    o === pick
      ? { ...o, rank: 1 }
      : {
          ...o,
          rank: i + 1,
          rankReason: `${comparedWith(o, pick)}${o.withinConstraints ? "" : "; over the transit limit"}`,
        },
  );
}

/**
 * Picks the carrier service: the one a rule forces (its best service by the objective
 * when the rule names only the carrier), otherwise the best by the objective. Returns
 * the pick with its reason and the alternatives, best first.
 */
export function chooseCarrier(
  options: readonly RateOption[],
  params: { objective: RateObjective; forced?: ForcedCarrier; exclusions?: readonly RateExclusion[] },
): CarrierChoice {
  const ranked = rankOptions(options, params.objective);
  const { forced, objective } = params;
  const what = describeObjective(objective);
  const max = objective.maxTransitDays;

  if (forced) {
    const target = forced.service ? `${forced.carrier}/${forced.service}` : forced.carrier;
    const by = forced.by ?? (forced.ruleId ? `rule ${forced.ruleId}` : "the caller");
    const match = ranked.find((o) => o.carrier === forced.carrier && (!forced.service || o.service === forced.service));
    if (!match) {
      const why = (params.exclusions ?? [])
        .filter((e) => e.carrier === forced.carrier && (!forced.service || e.service === forced.service))
        .map((e) => e.reason);
      const reasonText = why.length > 0 ? why.join("; ") : "no rate card of it serves this shipment";
      return {
        basis: "forced",
        pick: null,
        alternatives: ranked,
        ordered: ranked,
        reason: `${by} forces ${target}, which cannot take this shipment (${reasonText}); needs review`,
        constraintRelaxed: false,
      };
    }
    const choiceNote = forced.service
      ? ""
      : `; ${what} of its ${ranked.filter((o) => o.carrier === forced.carrier).length} services here`;
    const limitNote = match.withinConstraints ? "" : `; over the ${max}-day limit`;
    const reason = `forced by ${by}: ${summary(match)}${choiceNote}${limitNote}`;
    const ordered = reRank([match, ...ranked.filter((o) => o !== match)], match);
    ordered[0] = { ...match, rank: 1, rankReason: reason };
    return {
      basis: "forced",
      pick: ordered[0],
      alternatives: ordered.slice(1),
      ordered,
      reason,
      constraintRelaxed: false,
    };
  }

  const first = ranked[0];
  if (!first) {
    const why = (params.exclusions ?? []).map((e) => e.reason);
    return {
      basis: "none",
      pick: null,
      alternatives: [],
      ordered: [],
      reason: `no carrier service can take this shipment${why.length > 0 ? `: ${why.join("; ")}` : ""}`,
      constraintRelaxed: false,
    };
  }
  const withinCount = ranked.filter((o) => o.withinConstraints).length;
  const constraintRelaxed = max !== undefined && withinCount === 0;
  let reason: string;
  if (ranked.length === 1) reason = `the only option: ${summary(first)}`;
  else if (constraintRelaxed)
    reason = `no option arrives within ${max} days; ${what} among all ${ranked.length} options: ${summary(first)}`;
  else if (max !== undefined) {
    reason = `${what} among ${withinCount} option${withinCount === 1 ? "" : "s"} within ${max} days (of ${ranked.length}): ${summary(first)}`;
  } else reason = `${what} among ${ranked.length} options: ${summary(first)}`;
  const ordered = reRank(ranked, first);
  ordered[0] = { ...first, rankReason: reason };
  return { basis: "objective", pick: ordered[0], alternatives: ordered.slice(1), ordered, reason, constraintRelaxed };
}
