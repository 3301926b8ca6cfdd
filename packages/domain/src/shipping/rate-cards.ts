import { currencyExponent } from "../currency";
import { compilePostalPattern } from "./postal";
import type { PostalArea, RateCard } from "./types";

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
const MODES = new Set(["air", "road", "rail", "sea"]);

export function isIsoDate(value: string): boolean {
  return DATE.test(value);
}

const isPositiveInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
const isNonNegativeInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Everything wrong with a rate card, as readable problems; empty when the card can be
 * rated. Run it when a tenant saves a card; quoteRates also excludes an invalid card
 * (code "invalid_rate_card") instead of pricing with it.
 */
export function validateRateCard(card: RateCard): string[] {
  const problems: string[] = [];
  const problem = (message: string) => problems.push(message);

  for (const field of ["id", "carrier", "service", "carrierName", "serviceName"] as const) {
    if (typeof card[field] !== "string" || card[field].trim() === "") problem(`${field} is required`);
  }
  try {
    currencyExponent(card.currency);
  } catch {
    problem(`currency ${card.currency} is not an ISO 4217 code`);
  }
  if (!isIsoDate(card.effectiveFrom)) problem(`effectiveFrom ${card.effectiveFrom} is not a YYYY-MM-DD date`);
  if (!MODES.has(card.mode)) problem(`mode ${card.mode} is not air, road, rail or sea`);
  if (card.pricingBasis !== "shipment" && card.pricingBasis !== "parcel") problem("pricingBasis is shipment or parcel");
  if (card.origins.length === 0) problem("origins lists no country");
  for (const origin of card.origins) if (!COUNTRY.test(origin)) problem(`origin ${origin} is not an ISO country code`);
  if (!isPositiveInt(card.volumetricDivisor)) problem("volumetricDivisor is a positive integer (cm³ per kg)");
  if (!isPositiveInt(card.weightStepGrams)) problem("weightStepGrams is a positive integer");
  if (!isPositiveInt(card.additionalStepGrams)) problem("additionalStepGrams is a positive integer");

  const breaks = card.weightBreaksGrams;
  if (breaks.length === 0) problem("weightBreaksGrams lists no break");
  breaks.forEach((b, i) => {
    if (!isPositiveInt(b)) problem(`weight break ${i + 1} (${b}) is not a positive integer of grams`);
    else if (i > 0 && b <= (breaks[i - 1] ?? 0)) problem(`weight breaks must ascend (${breaks[i - 1]} then ${b})`);
  });

  const seen = new Map<string, string>();
  const zoneNames = new Set<string>();
  for (const zone of card.zones) {
    const where = `zone ${zone.zone}`;
    if (zoneNames.has(zone.zone)) problem(`${where} is defined twice`);
    zoneNames.add(zone.zone);
    if (zone.prices.length !== breaks.length) {
      problem(`${where} has ${zone.prices.length} prices for ${breaks.length} weight breaks`);
    }
    zone.prices.forEach((price, i) => {
      if (!isNonNegativeInt(price)) problem(`${where} price ${i + 1} (${price}) is not integer minor units`);
      else if (i > 0 && price < (zone.prices[i - 1] ?? 0)) problem(`${where} prices must not fall as weight rises`);
    });
    if (!isNonNegativeInt(zone.additionalPrice)) problem(`${where} additionalPrice is not integer minor units`);
    const { min, max } = zone.transitDays;
    if (!isNonNegativeInt(min) || !isNonNegativeInt(max) || min > max) {
      problem(`${where} transitDays must be whole days with min ≤ max`);
    }
    if (zone.mode !== undefined && !MODES.has(zone.mode)) problem(`${where} mode ${zone.mode} is not known`);
    for (const country of zone.countries) {
      if (!COUNTRY.test(country)) problem(`${where} lists ${country}, not an ISO country code`);
      const other = seen.get(country);
      if (other !== undefined) problem(`${country} is in zone ${other} and ${where}`);
      seen.set(country, zone.zone);
    }
  }
  if (card.zones.length === 0) problem("zones lists no zone");

  const fuel = card.fuelSurcharge.rates;
  if (fuel.length === 0) problem("fuelSurcharge lists no rate (use 0 basis points when there is none)");
  fuel.forEach((rate, i) => {
    if (!isIsoDate(rate.from)) problem(`fuel rate ${i + 1} date ${rate.from} is not YYYY-MM-DD`);
    else if (i > 0 && rate.from <= (fuel[i - 1]?.from ?? "")) problem("fuel rates must be in date order");
    if (!isNonNegativeInt(rate.basisPoints)) problem(`fuel rate ${rate.from} is not whole basis points`);
  });

  const checkAreas = (areas: readonly PostalArea[], what: string) => {
    for (const area of areas) {
      if (!COUNTRY.test(area.country)) problem(`${what} ${area.label}: ${area.country} is not an ISO country code`);
      for (const pattern of area.postalCodePatterns) {
        if (!compilePostalPattern(pattern)) problem(`${what} ${area.label}: /${pattern}/ is not a valid pattern`);
      }
    }
  };
  if (card.remoteArea) {
    if (!isNonNegativeInt(card.remoteArea.fee)) problem("remoteArea fee is not integer minor units");
    checkAreas(card.remoteArea.areas, "remote area");
  }
  if (card.unservedAreas) checkAreas(card.unservedAreas, "unserved area");

  const limits = card.limits;
  if (!isPositiveInt(limits.maxParcelWeightGrams)) problem("limits.maxParcelWeightGrams is a positive integer");
  if (!isPositiveInt(limits.maxLengthMm)) problem("limits.maxLengthMm is a positive integer");
  for (const key of ["maxLengthPlusGirthMm", "maxSumOfSidesMm", "maxParcels"] as const) {
    if (limits[key] !== undefined && !isPositiveInt(limits[key])) problem(`limits.${key} is a positive integer`);
  }
  return problems;
}

/**
 * A tenant's card set: the defaults, minus every default whose id a tenant card reuses
 * (a negotiated tariff replaces the list tariff with all its versions), minus disabled
 * ones, plus the tenant's cards. `disable` entries match a card id, a "carrier/service"
 * or a carrier ("usps").
 */
export function mergeRateCards(
  defaults: readonly RateCard[],
  tenantCards: readonly RateCard[],
  options: { disable?: readonly string[] } = {},
): RateCard[] {
  const replaced = new Set(tenantCards.map((c) => c.id));
  const disabled = options.disable ?? [];
  const isDisabled = (card: RateCard) => disabled.some((d) => card.id === d || card.id.startsWith(`${d}/`));
  return [...defaults.filter((c) => !replaced.has(c.id)), ...tenantCards].filter((c) => !isDisabled(c));
}

/**
 * Versions of one card share its id; the version in force on `date` is the latest whose
 * effectiveFrom is on or before it. A date before every version uses the earliest, flagged.
 */
export function cardsInForce(cards: readonly RateCard[], date: string): Array<{ card: RateCard; early: boolean }> {
  const byId = new Map<string, RateCard[]>();
  for (const card of cards) {
    const versions = byId.get(card.id);
    if (versions) versions.push(card);
    else byId.set(card.id, [card]);
  }
  const result: Array<{ card: RateCard; early: boolean }> = [];
  for (const versions of byId.values()) {
    const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const inForce = sorted.filter((c) => c.effectiveFrom <= date).at(-1);
    if (inForce) result.push({ card: inForce, early: false });
    else if (sorted[0]) result.push({ card: sorted[0], early: true });
  }
  return result;
}
