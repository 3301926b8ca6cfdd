import type { PostalArea } from "../types";

// Patterns match the whole normalized postal code: upper case, spaces and hyphens removed.

export const CANARY_ISLANDS: PostalArea = {
  country: "ES",
  label: "Canary Islands",
  postalCodePatterns: ["^(35|38)\\d{3}$"],
};
export const CEUTA_MELILLA: PostalArea = {
  country: "ES",
  label: "Ceuta and Melilla",
  postalCodePatterns: ["^5[12]\\d{3}$"],
};
export const BALEARIC_ISLANDS: PostalArea = {
  country: "ES",
  label: "Balearic Islands",
  postalCodePatterns: ["^07\\d{3}$"],
};
export const AZORES_MADEIRA: PostalArea = {
  country: "PT",
  label: "Azores and Madeira",
  postalCodePatterns: ["^9\\d{3}(\\d{3})?$"],
};
export const CORSICA: PostalArea = { country: "FR", label: "Corsica", postalCodePatterns: ["^20\\d{3}$"] };
export const SCOTTISH_HIGHLANDS_ISLANDS: PostalArea = {
  country: "GB",
  label: "Scottish Highlands and Islands",
  postalCodePatterns: [
    "^(HS|ZE)\\d{1,2}\\d[A-Z]{2}$",
    "^KW1[5-7]\\d[A-Z]{2}$",
    "^IV(4[1-9]|5[1-6])\\d[A-Z]{2}$",
    "^PA(4[1-9]|6\\d|7[0-8])\\d[A-Z]{2}$",
  ],
};
export const GERMAN_ISLANDS: PostalArea = {
  country: "DE",
  label: "North Sea and Baltic islands",
  postalCodePatterns: [
    "^(18565|25849|25859|25863|25869|25938|25946|25980|25992|25996|25997|25999|26465|26474|26486|26548|26571|26579|26757|27498)$",
  ],
};
export const GERMANY_OUTSIDE_EU_VAT: PostalArea = {
  country: "DE",
  label: "Heligoland and Büsingen (outside the EU VAT area)",
  postalCodePatterns: ["^(27498|78266)$"],
};
export const ITALY_ISLANDS_AND_ENCLAVES: PostalArea = {
  country: "IT",
  label: "Livigno, Campione d'Italia, Capri, Lampedusa",
  postalCodePatterns: ["^(23041|22061|80073|92031)$"],
};
export const ITALY_OUTSIDE_EU_VAT: PostalArea = {
  country: "IT",
  label: "Livigno and Campione d'Italia (outside the EU VAT area)",
  postalCodePatterns: ["^(23041|22061)$"],
};
export const SVALBARD: PostalArea = { country: "NO", label: "Svalbard", postalCodePatterns: ["^917\\d$"] };
export const ALASKA_HAWAII: PostalArea = {
  country: "US",
  label: "Alaska and Hawaii",
  postalCodePatterns: ["^99[5-9]\\d{2}(\\d{4})?$", "^96[78]\\d{2}(\\d{4})?$"],
};
export const CANADA_NORTH: PostalArea = {
  country: "CA",
  label: "Northern and rural territories",
  postalCodePatterns: ["^X0[A-G]\\d[A-Z]\\d$", "^Y0[AB]\\d[A-Z]\\d$"],
};
export const AUSTRALIA_REMOTE: PostalArea = {
  country: "AU",
  label: "Northern Territory outback and the Pilbara/Kimberley",
  postalCodePatterns: ["^08[5-9]\\d$", "^67\\d{2}$"],
};

/** The remote-area list the integrators (DHL, UPS, FedEx, 4PX express) charge for. */
export const INTEGRATOR_REMOTE_AREAS: readonly PostalArea[] = [
  CANARY_ISLANDS,
  CEUTA_MELILLA,
  BALEARIC_ISLANDS,
  AZORES_MADEIRA,
  CORSICA,
  SCOTTISH_HIGHLANDS_ISLANDS,
  GERMAN_ISLANDS,
  ITALY_ISLANDS_AND_ENCLAVES,
  SVALBARD,
  ALASKA_HAWAII,
  CANADA_NORTH,
  AUSTRALIA_REMOTE,
];

/**
 * China-origin postal lines ship under the EU's IOSS/VAT arrangements and do not deliver
 * to territories outside the EU VAT area.
 */
export const OUTSIDE_EU_VAT_AREA: readonly PostalArea[] = [
  CANARY_ISLANDS,
  CEUTA_MELILLA,
  GERMANY_OUTSIDE_EU_VAT,
  ITALY_OUTSIDE_EU_VAT,
];
