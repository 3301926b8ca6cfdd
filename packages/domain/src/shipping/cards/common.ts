/** Members of the European Union. */
export const EU27: readonly string[] = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
];

export const EUROPE_NON_EU: readonly string[] = ["GB", "CH", "NO"];

/** The first European zone on US export tariffs. */
export const WESTERN_EUROPE_CORE: readonly string[] = ["DE", "FR", "NL", "BE", "IE"];

/** The Middle East, Africa and South America: the last zone on most tariffs. */
export const FAR_MARKETS: readonly string[] = ["AE", "SA", "IL", "KW", "TR", "ZA", "BR", "CL"];

/** Express weight breaks: every 0.5 kg to 3 kg, then 4, 5, 7.5, 10, 15, 20 and 30 kg. */
export const EXPRESS_BREAKS_GRAMS: readonly number[] = [
  500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000, 15000, 20000, 30000,
];

/** Small-parcel breaks of the China-origin postal lines (2 kg maximum). */
export const SMALL_PARCEL_BREAKS_GRAMS: readonly number[] = [100, 200, 300, 500, 750, 1000, 1500, 2000];

/** USPS Priority Mail International prices by the pound: 1–10, 15, 20, 30 and 44 lb, in grams. */
export const POUND_BREAKS_GRAMS: readonly number[] = [
  454, 907, 1361, 1814, 2268, 2722, 3175, 3629, 4082, 4536, 6804, 9072, 13608, 19958,
];

/** USPS First-Class Package International prices by the ounce: 4, 8, 12, 16, 32, 48 and 64 oz, in grams. */
export const OUNCE_BREAKS_GRAMS: readonly number[] = [113, 227, 340, 454, 907, 1361, 1814];

/** UPS Ground prices by the pound: 1–5, 10, 15, 20, 30, 50, 70, 100 and 150 lb, in grams. */
export const GROUND_POUND_BREAKS_GRAMS: readonly number[] = [
  454, 907, 1361, 1814, 2268, 4536, 6804, 9072, 13608, 22680, 31751, 45359, 68039,
];

/** USPS Ground Advantage: 4, 8, 12 and 16 oz, then 2–5, 10, 15, 20, 30, 50 and 70 lb, in grams. */
export const GROUND_ADVANTAGE_BREAKS_GRAMS: readonly number[] = [
  113, 227, 340, 454, 907, 1361, 1814, 2268, 4536, 6804, 9072, 13608, 22680, 31751,
];
