import { currencyExponent } from "../currency";
import { percentageOf } from "./arithmetic";
import { DEFAULT_RATE_CARDS } from "./cards/index";
import { estimateCo2e } from "./emissions";
import { formatBasisPoints, formatCo2e, formatDays, formatKg, formatMinor, serviceLabel } from "./format";
import { convertMinorUnits, FxRateMissingError, parseDecimalRate } from "./fx";
import { findPostalArea } from "./postal";
import { cardsInForce, isIsoDate, validateRateCard } from "./rate-cards";
import type {
  FuelSurchargeRate,
  ParcelWeighing,
  QuoteRatesInput,
  RateCard,
  RateExclusion,
  RateExclusionCode,
  RateOption,
  RateParcel,
  RateQuote,
  RateZone,
} from "./types";

export interface RateInputIssue {
  path: string;
  message: string;
}

/** The request itself is wrong (not a carrier limit): an API maps it to 400 with `issues`. */
export class RateInputError extends Error {
  constructor(readonly issues: RateInputIssue[]) {
    super(`Invalid rate request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "RateInputError";
  }
}

const COUNTRY = /^[A-Z]{2}$/;
const FX_STALE_DAYS = 7;
const FUEL_STALE_DAYS = 45;

function validateInput(input: QuoteRatesInput): RateInputIssue[] {
  const issues: RateInputIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  for (const side of ["origin", "destination"] as const) {
    const location = input[side];
    if (!location || !COUNTRY.test(location.country ?? "")) {
      issue(`${side}.country`, "an ISO 3166-1 alpha-2 code in upper case");
    }
    if (location?.postalCode !== undefined && typeof location.postalCode !== "string") {
      issue(`${side}.postalCode`, "a string");
    }
  }
  try {
    currencyExponent(input.currency);
  } catch {
    issue("currency", `${input.currency} is not an ISO 4217 code`);
  }
  if (!isIsoDate(input.date ?? "")) issue("date", "a YYYY-MM-DD date");
  if (!Array.isArray(input.parcels) || input.parcels.length === 0) issue("parcels", "at least one parcel");
  (Array.isArray(input.parcels) ? input.parcels : []).forEach((parcel, i) => {
    if (!Number.isSafeInteger(parcel?.weightGrams) || parcel.weightGrams <= 0) {
      issue(`parcels[${i}].weightGrams`, "a positive whole number of grams");
    }
    for (const side of ["length", "width", "height"] as const) {
      const value = parcel?.dimensionsMm?.[side];
      if (!Number.isSafeInteger(value) || (value as number) <= 0) {
        issue(`parcels[${i}].dimensionsMm.${side}`, "a positive whole number of millimetres");
      }
    }
  });
  if (input.fx) {
    try {
      currencyExponent(input.fx.base);
    } catch {
      issue("fx.base", `${input.fx.base} is not an ISO 4217 code`);
    }
    if (!isIsoDate(input.fx.date ?? "")) issue("fx.date", "a YYYY-MM-DD date");
    for (const [code, rate] of Object.entries(input.fx.rates ?? {})) {
      if (typeof rate !== "string" || !parseDecimalRate(rate)) {
        issue(`fx.rates.${code}`, 'a positive decimal string such as "1.0832"');
      }
    }
  }
  return issues;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function sidesDescending(parcel: RateParcel): [number, number, number] {
  const { length, width, height } = parcel.dimensionsMm;
  const [a = 0, b = 0, c = 0] = [length, width, height].sort((x, y) => y - x);
  return [a, b, c];
}

/** Why a parcel breaks the card's limits, or null when it fits. */
function limitBreach(
  card: RateCard,
  parcel: RateParcel,
  index: number,
): { code: RateExclusionCode; reason: string } | null {
  const name = serviceLabel(card.carrierName, card.serviceName);
  const which = `parcel ${index + 1}`;
  const limits = card.limits;
  if (parcel.weightGrams > limits.maxParcelWeightGrams) {
    return {
      code: "overweight",
      reason: `${which} weighs ${formatKg(parcel.weightGrams)}; ${name} takes at most ${formatKg(limits.maxParcelWeightGrams)} per parcel`,
    };
  }
  const [longest, middle, shortest] = sidesDescending(parcel);
  if (longest > limits.maxLengthMm) {
    return {
      code: "oversize",
      reason: `${which} is ${longest} mm long; ${name} takes at most ${limits.maxLengthMm} mm on the longest side`,
    };
  }
  const lengthPlusGirth = longest + 2 * (middle + shortest);
  if (limits.maxLengthPlusGirthMm !== undefined && lengthPlusGirth > limits.maxLengthPlusGirthMm) {
    return {
      code: "oversize",
      reason: `${which} measures ${lengthPlusGirth} mm length + girth; ${name} takes at most ${limits.maxLengthPlusGirthMm} mm`,
    };
  }
  const sum = longest + middle + shortest;
  if (limits.maxSumOfSidesMm !== undefined && sum > limits.maxSumOfSidesMm) {
    return {
      code: "oversize",
      reason: `${which} measures ${sum} mm in length + width + height; ${name} takes at most ${limits.maxSumOfSidesMm} mm`,
    };
  }
  return null;
}

/** max(actual, volumetric) rounded up to the card's step; volumetric g = L×W×H mm³ / divisor. */
export function weighParcel(card: RateCard, parcel: RateParcel): ParcelWeighing {
  const { length, width, height } = parcel.dimensionsMm;
  const volumetricGrams = Math.ceil((length * width * height) / card.volumetricDivisor);
  const heavier = Math.max(parcel.weightGrams, volumetricGrams);
  const chargeableGrams = Math.ceil(heavier / card.weightStepGrams) * card.weightStepGrams;
  return {
    actualGrams: parcel.weightGrams,
    volumetricGrams,
    chargeableGrams,
    basis: volumetricGrams > parcel.weightGrams ? "volumetric" : "actual",
  };
}

/** The price of the first break at or above the weight, or the last break plus each started additional step. */
export function priceForWeight(card: RateCard, zone: RateZone, grams: number): { amount: number; detail: string } {
  const breaks = card.weightBreaksGrams;
  const index = breaks.findIndex((b) => grams <= b);
  if (index >= 0) {
    return { amount: zone.prices[index] ?? 0, detail: `${formatKg(breaks[index] ?? 0)} break` };
  }
  const last = breaks.length - 1;
  const lastBreak = breaks[last] ?? 0;
  const steps = Math.ceil((grams - lastBreak) / card.additionalStepGrams);
  return {
    amount: (zone.prices[last] ?? 0) + steps * zone.additionalPrice,
    detail: `${formatKg(lastBreak)} break + ${steps} × ${formatKg(card.additionalStepGrams)} beyond it`,
  };
}

function fuelRateOn(card: RateCard, date: string): { rate: FuelSurchargeRate; early: boolean } {
  const rates = card.fuelSurcharge.rates;
  const applicable = rates.filter((r) => r.from <= date).at(-1);
  if (applicable) return { rate: applicable, early: false };
  return { rate: rates[0] ?? { from: card.effectiveFrom, basisPoints: 0 }, early: true };
}

type CardResult = { kind: "option"; option: RateOption } | { kind: "excluded"; exclusion: RateExclusion };

function rateCard(card: RateCard, tariffEarly: boolean, input: QuoteRatesInput): CardResult {
  const name = serviceLabel(card.carrierName, card.serviceName);
  const exclude = (code: RateExclusionCode, reason: string): CardResult => ({
    kind: "excluded",
    exclusion: { rateCardId: card.id, carrier: card.carrier, service: card.service, code, reason },
  });
  const origin = input.origin.country;
  const destination = input.destination.country;
  const lane = `${origin}→${destination}`;

  if (!card.origins.includes(origin)) {
    return exclude("lane_not_served", `${name} ships only from ${card.origins.join(", ")}; the origin is ${origin}`);
  }
  const zone = card.zones.find((z) => z.countries.includes(destination));
  if (!zone) return exclude("lane_not_served", `${name} from ${origin} does not deliver to ${destination}`);
  const unserved = findPostalArea(card.unservedAreas ?? [], destination, input.destination.postalCode);
  if (unserved) {
    return exclude(
      "area_not_served",
      `${name} does not deliver to ${unserved.label} (${input.destination.postalCode})`,
    );
  }
  if (card.limits.maxParcels !== undefined && input.parcels.length > card.limits.maxParcels) {
    return exclude(
      "too_many_parcels",
      `${input.parcels.length} parcels; ${name} takes at most ${card.limits.maxParcels} per shipment`,
    );
  }
  for (const [index, parcel] of input.parcels.entries()) {
    const breach = limitBreach(card, parcel, index);
    if (breach) return exclude(breach.code, breach.reason);
  }

  const warnings: string[] = [];
  if (!input.destination.postalCode && (card.unservedAreas ?? []).some((a) => a.country === destination)) {
    warnings.push(`no destination postal code: cannot check the areas of ${destination} that ${name} does not serve`);
  }
  const parcels = input.parcels.map((p) => weighParcel(card, p));
  const chargeableWeightGrams = parcels.reduce((sum, p) => sum + p.chargeableGrams, 0);

  let baseAmount: number;
  let baseDetail: string;
  if (card.pricingBasis === "shipment") {
    const priced = priceForWeight(card, zone, chargeableWeightGrams);
    baseAmount = priced.amount;
    baseDetail = `zone ${zone.zone}, ${formatKg(chargeableWeightGrams)} chargeable: ${priced.detail}`;
  } else {
    const priced = parcels.map((p) => priceForWeight(card, zone, p.chargeableGrams));
    baseAmount = priced.reduce((sum, p) => sum + p.amount, 0);
    baseDetail = `zone ${zone.zone}, priced per parcel: ${priced
      .map(
        (p, i) => `${formatKg(parcels[i]?.chargeableGrams ?? 0)} → ${p.detail} ${formatMinor(p.amount, card.currency)}`,
      )
      .join("; ")}`;
  }

  const fuel = fuelRateOn(card, input.date);
  if (fuel.early) warnings.push(`no fuel surcharge published before ${fuel.rate.from}; used that rate`);
  else if (fuel.rate.basisPoints > 0 && daysBetween(fuel.rate.from, input.date) > FUEL_STALE_DAYS) {
    warnings.push(`fuel surcharge last updated ${fuel.rate.from}; ${card.carrierName} revises it monthly`);
  }
  const fuelAmount = percentageOf(baseAmount, fuel.rate.basisPoints);

  let remoteAmount = 0;
  let remoteArea: string | null = null;
  let remoteDetail = "not a remote area";
  if (card.remoteArea) {
    if (!input.destination.postalCode) {
      remoteDetail = "no destination postal code: remote-area surcharge not assessed";
      warnings.push(remoteDetail);
    } else {
      const area = findPostalArea(card.remoteArea.areas, destination, input.destination.postalCode);
      if (area) {
        remoteAmount = card.remoteArea.fee;
        remoteArea = area.label;
        remoteDetail = `${area.label} (${input.destination.postalCode}): flat ${formatMinor(remoteAmount, card.currency)}`;
      }
    }
  } else {
    remoteDetail = `${card.carrierName} charges no remote-area fee`;
  }

  const subtotal = baseAmount + fuelAmount + remoteAmount;
  if (!Number.isSafeInteger(subtotal)) throw new Error(`Rate of ${card.id} overflows a safe integer`);

  let conversion: { amount: number; rate: string };
  try {
    conversion = convertMinorUnits(subtotal, card.currency, input.currency, input.fx);
  } catch (error) {
    if (error instanceof FxRateMissingError) {
      return exclude(
        "no_fx_rate",
        `${name} is priced in ${card.currency} and the FX table has no rate for ${error.currency} to convert into ${input.currency}`,
      );
    }
    throw error;
  }
  const converted = card.currency !== input.currency;
  if (converted && input.fx && daysBetween(input.fx.date, input.date) > FX_STALE_DAYS) {
    warnings.push(`FX rates dated ${input.fx.date}, more than ${FX_STALE_DAYS} days before ${input.date}`);
  }
  if (tariffEarly) warnings.push(`tariff effective from ${card.effectiveFrom} applied to ${input.date}`);

  const mode = zone.mode ?? card.mode;
  const actualGrams = input.parcels.reduce((sum, p) => sum + p.weightGrams, 0);
  const co2e = estimateCo2e({ originCountry: origin, destinationCountry: destination, mode, weightGrams: actualGrams });

  const volumetricCount = parcels.filter((p) => p.basis === "volumetric").length;
  const weightBasis =
    volumetricCount === 0
      ? "actual weight"
      : volumetricCount === parcels.length
        ? "volumetric weight"
        : `volumetric on ${volumetricCount} of ${parcels.length} parcels`;
  const fuelText = `${formatMinor(fuelAmount, card.currency)} fuel (${formatBasisPoints(fuel.rate.basisPoints)})`;
  const remoteText = remoteAmount > 0 ? ` + ${formatMinor(remoteAmount, card.currency)} remote area` : "";
  const priceText = converted
    ? `${formatMinor(subtotal, card.currency)} ≈ ${formatMinor(conversion.amount, input.currency)}`
    : formatMinor(subtotal, card.currency);
  const reason =
    `${name}, zone ${zone.zone} ${lane}: ${formatKg(chargeableWeightGrams)} chargeable (${weightBasis}); ` +
    `${formatMinor(baseAmount, card.currency)} base + ${fuelText}${remoteText} = ${priceText}; ` +
    `${formatDays(zone.transitDays.min, zone.transitDays.max)} by ${mode}, ${formatCo2e(co2e.grams)}`;

  return {
    kind: "option",
    option: {
      rateCardId: card.id,
      carrier: card.carrier,
      carrierName: card.carrierName,
      service: card.service,
      serviceName: card.serviceName,
      price: conversion.amount,
      currency: input.currency,
      transitDays: zone.transitDays.max,
      transitDaysMin: zone.transitDays.min,
      co2eGrams: co2e.grams,
      mode,
      zone: zone.zone,
      chargeableWeightGrams,
      reason,
      warnings,
      explanation: {
        rateCardId: card.id,
        tariffEffectiveFrom: card.effectiveFrom,
        tariffSource: card.source,
        zone: zone.zone,
        parcels,
        chargeableWeightGrams,
        base: { amount: baseAmount, currency: card.currency, detail: baseDetail },
        fuel: {
          amount: fuelAmount,
          currency: card.currency,
          basisPoints: fuel.rate.basisPoints,
          effectiveFrom: fuel.rate.from,
          detail: `${formatBasisPoints(fuel.rate.basisPoints)} of ${formatMinor(baseAmount, card.currency)} from ${fuel.rate.from}, rounded half up to the minor unit`,
        },
        remote: { amount: remoteAmount, currency: card.currency, area: remoteArea, detail: remoteDetail },
        subtotal: { amount: subtotal, currency: card.currency },
        conversion: {
          from: { amount: subtotal, currency: card.currency },
          to: { amount: conversion.amount, currency: input.currency },
          rate: conversion.rate,
          fxDate: converted ? (input.fx?.date ?? null) : null,
          detail: converted
            ? `${formatMinor(subtotal, card.currency)} × ${conversion.rate} (${card.currency}→${input.currency} via ${input.fx?.base} rates of ${input.fx?.date}) = ${formatMinor(conversion.amount, input.currency)}, exact, rounded once half up`
            : `priced in ${input.currency}: no conversion`,
        },
        co2e: {
          grams: co2e.grams,
          mode,
          greatCircleKm: co2e.greatCircleKm,
          modelledKm: co2e.modelledKm,
          gramsPerTonneKm: co2e.gramsPerTonneKm,
          weightGrams: actualGrams,
          locationBasis: co2e.locationBasis,
          detail: `${formatKg(actualGrams)} actual × ${co2e.modelledKm} km (${co2e.greatCircleKm} km great circle ${lane}, ${mode}) × ${co2e.gramsPerTonneKm} g/tkm`,
        },
      },
    },
  };
}

const problemsByCard = new WeakMap<RateCard, string[]>();
function cachedProblems(card: RateCard): string[] {
  let problems = problemsByCard.get(card);
  if (!problems) {
    problems = validateRateCard(card);
    problemsByCard.set(card, problems);
  }
  return problems;
}

/**
 * Prices a shipment on every rate card in force on `date`: one option per card that
 * serves the lane and takes the parcels, and one exclusion with its reason for every
 * other card. Pure: the FX table and the cards are inputs.
 */
export function quoteRates(input: QuoteRatesInput): RateQuote {
  const issues = validateInput(input);
  if (issues.length > 0) throw new RateInputError(issues);

  const options: RateOption[] = [];
  const exclusions: RateExclusion[] = [];
  for (const { card, early } of cardsInForce(input.rateCards ?? DEFAULT_RATE_CARDS, input.date)) {
    const problems = cachedProblems(card);
    if (problems.length > 0) {
      exclusions.push({
        rateCardId: card.id,
        carrier: card.carrier,
        service: card.service,
        code: "invalid_rate_card",
        reason: `rate card ${card.id} is invalid: ${problems.join("; ")}`,
      });
      continue;
    }
    const result = rateCard(card, early, input);
    if (result.kind === "option") options.push(result.option);
    else exclusions.push(result.exclusion);
  }
  options.sort(
    (a, b) =>
      a.price - b.price ||
      a.transitDays - b.transitDays ||
      a.co2eGrams - b.co2eGrams ||
      a.rateCardId.localeCompare(b.rateCardId),
  );
  return { currency: input.currency, date: input.date, options, exclusions };
}
