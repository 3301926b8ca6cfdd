import { centroidOf, greatCircleKm } from "./centroids";
import type { TransportMode } from "./types";

export interface ModeEmissionFactor {
  /** Well-to-wheel grams CO2e per tonne-km. */
  gramsPerTonneKm: number;
  /** Modelled distance = great-circle km × multiplierPermille / 1000 + addKm. */
  multiplierPermille: number;
  addKm: number;
}

/**
 * Default intensities, chosen inside the ranges of the GLEC Framework v3 / ISO 14083
 * defaults (see docs/shipping-rates.md): air 600–1000, road 60–100, rail 20–30, sea 10–20.
 * Air adds GLEC's 95 km to the great-circle distance; surface modes apply a circuity
 * factor because roads, rails and sea lanes do not follow the great circle.
 */
export const MODE_EMISSION_FACTORS: Readonly<Record<TransportMode, ModeEmissionFactor>> = {
  air: { gramsPerTonneKm: 800, multiplierPermille: 1000, addKm: 95 },
  road: { gramsPerTonneKm: 80, multiplierPermille: 1200, addKm: 0 },
  rail: { gramsPerTonneKm: 25, multiplierPermille: 1200, addKm: 0 },
  sea: { gramsPerTonneKm: 15, multiplierPermille: 1150, addKm: 0 },
};

/** Country centroids cannot see distances inside one country; a same-country lane counts at least this. */
export const MIN_LANE_KM = 100;

export interface Co2eEstimate {
  grams: number;
  greatCircleKm: number;
  modelledKm: number;
  gramsPerTonneKm: number;
  locationBasis: "country_centroid" | "region_centroid";
}

/** grams CO2e = tonnes × modelled km × g/tkm, from the actual (not volumetric) weight, rounded half up. */
export function estimateCo2e(input: {
  originCountry: string;
  destinationCountry: string;
  mode: TransportMode;
  weightGrams: number;
}): Co2eEstimate {
  const from = centroidOf(input.originCountry);
  const to = centroidOf(input.destinationCountry);
  const gcd = Math.max(MIN_LANE_KM, greatCircleKm(from.point, to.point));
  const factor = MODE_EMISSION_FACTORS[input.mode];
  const modelledKm = Math.round((gcd * factor.multiplierPermille) / 1000) + factor.addKm;
  // grams × km × g/(t·km) / 1e6 g/t, in integers: half up by adding half the divisor.
  const grams = Math.floor((input.weightGrams * modelledKm * factor.gramsPerTonneKm + 500_000) / 1_000_000);
  return {
    grams,
    greatCircleKm: gcd,
    modelledKm,
    gramsPerTonneKm: factor.gramsPerTonneKm,
    locationBasis:
      from.basis === "country_centroid" && to.basis === "country_centroid" ? "country_centroid" : "region_centroid",
  };
}
