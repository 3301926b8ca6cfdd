/** How the goods physically travel on the main leg; drives the CO2e factor. */
export type TransportMode = "air" | "road" | "rail" | "sea";

/** A set of postal codes in one country, e.g. the Canary Islands. */
export interface PostalArea {
  country: string;
  label: string;
  /**
   * Regular-expression sources, each matched in full against the normalized postal
   * code (upper case, spaces and hyphens removed): "^35\\d{3}$".
   */
  postalCodePatterns: readonly string[];
}

/** A fuel surcharge percentage in basis points (2875 = 28.75 %), valid from a date until the next entry. */
export interface FuelSurchargeRate {
  from: string;
  basisPoints: number;
}

export interface RateZone {
  zone: string;
  /** Destination countries (ISO 3166-1 alpha-2) priced in this zone. */
  countries: readonly string[];
  /** One price per entry of the card's `weightBreaksGrams`, integer minor units of the card currency. */
  prices: readonly number[];
  /** Price of each started `additionalStepGrams` beyond the last break, minor units. */
  additionalPrice: number;
  /** Business days, door to door. */
  transitDays: { min: number; max: number };
  /** Overrides the card's mode for this zone. */
  mode?: TransportMode;
}

export interface RateCardLimits {
  /** Actual weight of one parcel. */
  maxParcelWeightGrams: number;
  /** Longest side of one parcel. */
  maxLengthMm: number;
  /** Longest side + 2 × (the two other sides). */
  maxLengthPlusGirthMm?: number;
  /** Sum of the three sides. */
  maxSumOfSidesMm?: number;
  maxParcels?: number;
}

/**
 * One carrier service's tariff from a set of origin countries, in one currency. Default
 * cards ship with Crossflow; a tenant's negotiated card is the same type and replaces the
 * default with the same `id` (see mergeRateCards).
 */
export interface RateCard {
  /** Stable identity, e.g. "dhl_express/express_worldwide/CN". Versions of a card share it. */
  id: string;
  carrier: string;
  carrierName: string;
  service: string;
  serviceName: string;
  /** ISO 4217; every price of the card is in its minor units. */
  currency: string;
  /** First day this version of the tariff applies (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Where the numbers come from. */
  source: string;
  /** Origin countries the card serves. */
  origins: readonly string[];
  mode: TransportMode;
  /**
   * "shipment": the chargeable weights of all parcels are added and priced once (integrators).
   * "parcel": every parcel is priced on its own and the prices are added (postal lines).
   */
  pricingBasis: "shipment" | "parcel";
  /** cm³ per kg: volumetric kg = L × W × H (cm) / divisor, i.e. grams = L × W × H (mm) / divisor. */
  volumetricDivisor: number;
  /** Chargeable weight is rounded up to a multiple of this. */
  weightStepGrams: number;
  /** Ascending upper bounds of the weight breaks; a weight is priced at the first break ≥ it. */
  weightBreaksGrams: readonly number[];
  /** Weight beyond the last break is charged per started step of this size (500 = per additional 0.5 kg). */
  additionalStepGrams: number;
  zones: readonly RateZone[];
  /** Percentage of the base price; carriers revise it monthly (UPS weekly), so entries are dated. */
  fuelSurcharge: { rates: readonly FuelSurchargeRate[]; note: string };
  /** Flat fee per shipment, minor units, when the destination postal code is in one of the areas. */
  remoteArea: { fee: number; areas: readonly PostalArea[]; note?: string } | null;
  /** Destination areas the service does not deliver to at all. */
  unservedAreas?: readonly PostalArea[];
  limits: RateCardLimits;
}

export interface DimensionsMm {
  length: number;
  width: number;
  height: number;
}

export interface RateParcel {
  weightGrams: number;
  dimensionsMm: DimensionsMm;
}

export interface RateLocation {
  country: string;
  postalCode?: string;
}

/**
 * Exchange rates as decimal strings: 1 unit of `base` = `rates[X]` units of X (the ECB
 * convention). The base itself is 1 whether or not it is listed.
 */
export interface FxTable {
  base: string;
  date: string;
  rates: Readonly<Record<string, string>>;
}

export interface QuoteRatesInput {
  origin: RateLocation;
  destination: RateLocation;
  parcels: readonly RateParcel[];
  /** ISO 4217 currency the prices are returned in. */
  currency: string;
  /** Shipping date (YYYY-MM-DD): picks the tariff version and the fuel surcharge. */
  date: string;
  /** Needed whenever a card's currency differs from `currency`. */
  fx?: FxTable;
  /** Defaults to DEFAULT_RATE_CARDS; pass mergeRateCards(DEFAULT_RATE_CARDS, tenantCards) for a tenant. */
  rateCards?: readonly RateCard[];
}

export interface ParcelWeighing {
  actualGrams: number;
  volumetricGrams: number;
  /** max(actual, volumetric) rounded up to the card's step. */
  chargeableGrams: number;
  basis: "actual" | "volumetric";
}

export interface AmountInCurrency {
  amount: number;
  currency: string;
}

export interface RateExplanation {
  rateCardId: string;
  tariffEffectiveFrom: string;
  tariffSource: string;
  zone: string;
  parcels: ParcelWeighing[];
  /** Sum of the parcels' chargeable weights. */
  chargeableWeightGrams: number;
  base: AmountInCurrency & { detail: string };
  fuel: AmountInCurrency & { basisPoints: number; effectiveFrom: string; detail: string };
  remote: AmountInCurrency & { area: string | null; detail: string };
  /** base + fuel + remote, in the card's currency. */
  subtotal: AmountInCurrency;
  conversion: {
    from: AmountInCurrency;
    to: AmountInCurrency;
    /** Cross rate from → to, 10 decimals, for display; the conversion itself is exact. */
    rate: string;
    fxDate: string | null;
    detail: string;
  };
  co2e: {
    grams: number;
    mode: TransportMode;
    greatCircleKm: number;
    modelledKm: number;
    gramsPerTonneKm: number;
    weightGrams: number;
    locationBasis: "country_centroid" | "region_centroid";
    detail: string;
  };
}

export interface RateOption {
  rateCardId: string;
  carrier: string;
  carrierName: string;
  service: string;
  serviceName: string;
  /** Total in minor units of `currency` (the requested currency). */
  price: number;
  currency: string;
  /** Upper end of the transit range, in business days: what a promise can rely on. */
  transitDays: number;
  transitDaysMin: number;
  co2eGrams: number;
  mode: TransportMode;
  zone: string;
  chargeableWeightGrams: number;
  /** One-line account of how the price was made. */
  reason: string;
  warnings: string[];
  explanation: RateExplanation;
}

export type RateExclusionCode =
  | "lane_not_served"
  | "area_not_served"
  | "overweight"
  | "oversize"
  | "too_many_parcels"
  | "no_fx_rate"
  | "invalid_rate_card";

export interface RateExclusion {
  rateCardId: string;
  carrier: string;
  service: string;
  code: RateExclusionCode;
  reason: string;
}

export interface RateQuote {
  currency: string;
  date: string;
  /** Cheapest first; use rankOptions / chooseCarrier for an objective. */
  options: RateOption[];
  exclusions: RateExclusion[];
}
