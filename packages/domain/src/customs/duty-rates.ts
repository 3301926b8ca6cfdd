import { isEuMember } from "../country";
import { type DatedEntry, inForce } from "./dated";

/**
 * One ad valorem customs duty rate for the goods whose HS code starts with `hsPrefix`,
 * imported into `destination` (a country code, "EU" for the customs union or "GCC" for the
 * Gulf common external tariff). `ratePercent: null` records that the rate is not one number
 * for the prefix (it varies by national line or is specific, per kilogram or per pair): the
 * quote then says the duty is unknown instead of using a broader entry.
 */
export interface DutyRateEntry extends DatedEntry {
  destination: string;
  hsPrefix: string;
  ratePercent: string | null;
  /** Preferential rate: applies only to goods originating in these countries. */
  origins?: readonly string[];
  note?: string;
}

/** A tenant's own rate, e.g. from a binding tariff information decision; wins over the table. */
export interface DutyOverride {
  destination: string;
  hsPrefix: string;
  ratePercent: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

const EU_CCT =
  "EU Common Customs Tariff, Combined Nomenclature 2026 (Commission Implementing Regulation amending Annex I to Reg. (EEC) 2658/87), third-country duty; check TARIC for the 10-digit line";
const UK_GT = "UK Global Tariff (gov.uk/trade-tariff), in force since 1 Jan 2021";
const US_HTS = "Harmonized Tariff Schedule of the United States (hts.usitc.gov), column 1 general (MFN) rate";
const CA_TARIFF = "Customs Tariff of Canada (CBSA, cbsa-asfc.gc.ca), Most-Favoured-Nation tariff";
const AU_TARIFF = "Australian Customs Tariff Act 1995, Schedule 3 general rate (abf.gov.au)";
const NZ_TARIFF = "Working Tariff Document of New Zealand (customs.govt.nz), normal tariff";
const KR_TARIFF = "Korea Customs Service tariff schedule, basic rate";
const JP_TARIFF = "Customs Tariff Schedules of Japan (customs.go.jp), WTO rate";
const SG_CUSTOMS =
  "Singapore Customs (customs.gov.sg): customs duties only on intoxicating liquors, tobacco, motor vehicles and petroleum; other goods duty-free";
const CH_INDUSTRIAL =
  "Swiss Federal Council: abolition of industrial tariffs (chapters 25–97, except some agricultural goods) in force 1 Jan 2024 (Customs Tariff Act amendment, tares.admin.ch)";
const NO_TARIFF =
  "Norwegian Customs tariff (toll.no): no duty on most industrial goods; textiles, clothing and agricultural goods still carry duties";
const GCC_CET = "GCC Common Customs Law and Common External Tariff: general rate 5 % on CIF value";
const ITA = "WTO Information Technology Agreement: duty-free for computers, phones and network equipment";

const CUSMA = "CUSMA/USMCA: originating goods duty-free (proof of origin required), in force 1 Jul 2020";
const TCA =
  "EU–UK Trade and Cooperation Agreement: 0 % on originating goods (statement on origin required), from 1 Jan 2021";
const CHAFTA =
  "China–Australia FTA: Australian tariffs on Chinese originating goods eliminated by 1 Jan 2019 (certificate of origin required)";
const AUSFTA = "Australia–US FTA: originating industrial goods duty-free (proof of origin required)";
const KORUS = "Korea–US FTA: duties on US industrial goods eliminated by 1 Jan 2021 (trade.gov Korea import tariffs)";
const NZCFTA =
  "New Zealand–China FTA: New Zealand tariffs on Chinese originating goods eliminated by 2016 (certificate of origin required)";

function range(from: number, to: number): string[] {
  const chapters: string[] = [];
  for (let n = from; n <= to; n++) chapters.push(String(n).padStart(2, "0"));
  return chapters;
}

function entries(
  destination: string,
  prefixes: readonly string[],
  ratePercent: string | null,
  source: string,
  extra: Partial<DutyRateEntry> = {},
): DutyRateEntry[] {
  return prefixes.map((hsPrefix) => ({
    destination,
    hsPrefix,
    ratePercent,
    source,
    validFrom: "2021-01-01",
    ...extra,
  }));
}

const CHAPTERS_25_TO_97 = range(25, 97).filter((c) => c !== "77");

export const DUTY_RATES: readonly DutyRateEntry[] = [
  // European Union
  ...entries("EU", ["6101", "6102", "6103", "6104", "6105", "6106", "6107", "6108", "6109", "6110"], "12", EU_CCT),
  ...entries("EU", ["6201", "6202", "6203", "6204", "6205", "6206"], "12", EU_CCT),
  ...entries("EU", ["6403"], "8", EU_CCT, { note: "most leather-upper footwear; some lines 3.5 % or 5 %" }),
  ...entries("EU", ["640411"], "16.9", EU_CCT),
  ...entries("EU", ["640419"], "17", EU_CCT),
  ...entries("EU", ["420221", "420231", "420291"], "3", EU_CCT),
  ...entries("EU", ["8471", "851713", "851762", "852351"], "0", `${EU_CCT}; ${ITA}`),
  ...entries("EU", ["851830"], "2", EU_CCT),
  ...entries("EU", ["3303", "3304", "3305", "3306"], "0", EU_CCT),
  ...entries("EU", ["3307"], "6.5", EU_CCT),
  ...entries("EU", ["711311", "711319"], "2.5", EU_CCT),
  ...entries("EU", ["7117"], "4", EU_CCT),
  ...entries("EU", ["6911"], "12", EU_CCT),
  ...entries("EU", ["9102"], "4.5", EU_CCT),
  ...entries("EU", ["900410"], "2.9", EU_CCT),
  ...entries("EU", ["3926", "3924"], "6.5", EU_CCT),
  ...entries("EU", ["9403"], "0", EU_CCT),
  ...entries("EU", ["4901"], "0", EU_CCT),
  ...entries("EU", ["950450"], "0", EU_CCT),
  ...entries("EU", ["871200"], "14", EU_CCT, {
    note: "Chinese-origin bicycles also carry anti-dumping duty, not computed",
  }),
  ...entries("EU", CHAPTERS_25_TO_97, "0", TCA, { origins: ["GB"] }),
  // United Kingdom
  ...entries("GB", ["6101", "6102", "6103", "6104", "6105", "6106", "6107", "6108", "6109", "6110"], "12", UK_GT),
  ...entries("GB", ["6201", "6202", "6203", "6204", "6205", "6206"], "12", UK_GT),
  ...entries("GB", ["640411", "640419"], "16", UK_GT),
  ...entries("GB", ["6403"], "8", UK_GT, { note: "most leather-upper footwear" }),
  ...entries("GB", ["420221", "420231", "420291"], "2", UK_GT),
  ...entries("GB", ["8471", "851713", "851762", "852351"], "0", `${UK_GT}; ${ITA}`),
  ...entries("GB", ["851830"], "2", UK_GT),
  ...entries("GB", ["3303", "3304", "3305", "3306"], "0", UK_GT),
  ...entries("GB", ["3307"], "6", UK_GT),
  ...entries("GB", ["711311", "711319"], "2", UK_GT),
  ...entries("GB", ["7117"], "4", UK_GT),
  ...entries("GB", ["6911"], "12", UK_GT),
  ...entries("GB", ["9102"], "4", UK_GT),
  ...entries("GB", ["900410"], "2", UK_GT),
  ...entries("GB", ["3926", "3924"], "6", UK_GT),
  ...entries("GB", ["9403", "4901", "950300", "950450"], "0", UK_GT),
  ...entries("GB", ["871200"], "14", UK_GT),
  ...entries("GB", CHAPTERS_25_TO_97, "0", TCA, {
    origins: [
      "AT",
      "BE",
      "BG",
      "HR",
      "CY",
      "CZ",
      "DK",
      "EE",
      "FI",
      "FR",
      "DE",
      "GR",
      "HU",
      "IE",
      "IT",
      "LV",
      "LT",
      "LU",
      "MT",
      "NL",
      "PL",
      "PT",
      "RO",
      "SK",
      "SI",
      "ES",
      "SE",
    ],
  }),
  // United States (MFN only: Section 301, Section 232 and IEEPA duties are separate and not in this table)
  ...entries("US", ["610910", "611020"], "16.5", US_HTS),
  ...entries("US", ["611030"], "32", US_HTS),
  ...entries("US", ["8471", "851713", "851762"], "0", `${US_HTS}; ${ITA}`),
  ...entries("US", ["950300", "3304", "4901", "9403"], "0", US_HTS),
  ...entries("US", CHAPTERS_25_TO_97, "0", CUSMA, { origins: ["CA", "MX"], validFrom: "2020-07-01" }),
  // Canada
  ...entries("CA", ["61", "62"], "18", CA_TARIFF),
  ...entries("CA", ["8471", "851713", "851762"], "0", `${CA_TARIFF}; ${ITA}`),
  ...entries("CA", ["4901"], "0", CA_TARIFF),
  ...entries("CA", ["3304"], "6.5", CA_TARIFF),
  ...entries("CA", CHAPTERS_25_TO_97, "0", CUSMA, { origins: ["US", "MX"], validFrom: "2020-07-01" }),
  // Australia
  ...entries("AU", ["61", "62", "63", "64", "42", "6911", "6912", "9403", "9401"], "5", AU_TARIFF),
  ...entries("AU", ["8471", "851713", "851762"], "0", `${AU_TARIFF}; ${ITA}`),
  ...entries("AU", ["4901"], "0", AU_TARIFF),
  ...entries("AU", CHAPTERS_25_TO_97, "0", CHAFTA, { origins: ["CN"], validFrom: "2019-01-01" }),
  ...entries("AU", CHAPTERS_25_TO_97, "0", AUSFTA, { origins: ["US"] }),
  // New Zealand
  ...entries("NZ", ["61", "62"], "10", NZ_TARIFF),
  ...entries("NZ", ["8471", "851713", "851762"], "0", `${NZ_TARIFF}; ${ITA}`),
  ...entries("NZ", CHAPTERS_25_TO_97, "0", NZCFTA, { origins: ["CN"], validFrom: "2016-01-01" }),
  // Switzerland: duties by gross weight before 2024; none on industrial goods since
  ...entries("CH", CHAPTERS_25_TO_97, "0", CH_INDUSTRIAL, { validFrom: "2024-01-01" }),
  ...entries(
    "CH",
    range(1, 24),
    null,
    "Swiss customs tariff (tares.admin.ch): specific duties in CHF per 100 kg gross",
    {
      validFrom: "2021-01-01",
      note: "charged by gross weight, not modelled",
    },
  ),
  // Norway
  ...entries("NO", [...range(25, 49), ...range(66, 97).filter((c) => c !== "77")], "0", NO_TARIFF),
  // Japan
  ...entries("JP", ["8471", "851713", "851762", "851830"], "0", `${JP_TARIFF}; ${ITA}`),
  ...entries("JP", ["3303", "3304", "950300", "4901"], "0", JP_TARIFF),
  // South Korea
  ...entries("KR", ["61", "62"], "13", KR_TARIFF),
  ...entries("KR", ["8471", "851713", "851762"], "0", `${KR_TARIFF}; ${ITA}`),
  ...entries("KR", ["4901"], "0", KR_TARIFF),
  ...entries("KR", CHAPTERS_25_TO_97, "0", KORUS, { origins: ["US"] }),
  // Singapore
  ...entries(
    "SG",
    [...range(1, 21), "23", ...range(25, 26), ...range(28, 97).filter((c) => c !== "77")],
    "0",
    SG_CUSTOMS,
  ),
  ...entries("SG", ["8703", "8711"], null, SG_CUSTOMS, { note: "motor vehicles carry excise duty, not modelled" }),
  // Gulf Cooperation Council
  ...entries(
    "GCC",
    ["33", "39", "42", "61", "62", "63", "64", "65", "69", "71", "73", "91", "94", "95", "96"],
    "5",
    GCC_CET,
  ),
  ...entries("GCC", ["8471", "851713", "851762"], "0", `${GCC_CET}; ${ITA}`),
  // Saudi Arabia raised many rates above the common 5 % in 2020; only the ITA lines are certain here
  ...entries("SA", ["8471", "851713", "851762"], "0", `ZATCA tariff; ${ITA}`),
  ...entries(
    "SA",
    ["33", "39", "42", "61", "62", "63", "64", "65", "69", "71", "73", "91", "94", "95", "96"],
    null,
    "ZATCA integrated tariff: many rates raised above 5 % since 2020",
    {
      note: "varies by line",
    },
  ),
];

const GCC = new Set(["AE", "SA", "BH", "OM", "QA", "KW"]);

/** The tariff areas a destination country belongs to, most specific first. */
export function tariffAreasOf(country: string): string[] {
  if (isEuMember(country)) return [country, "EU"];
  if (GCC.has(country)) return [country, "GCC"];
  return [country];
}

export interface DutyRateFound {
  ratePercent: string | null;
  source: string;
  hsPrefix: string;
  kind: "override" | "preferential" | "general";
  note?: string;
}

function longestPrefix<T extends { hsPrefix: string }>(candidates: T[], hsCode: string): T | undefined {
  return candidates
    .filter((c) => hsCode.startsWith(c.hsPrefix))
    .sort((a, b) => b.hsPrefix.length - a.hsPrefix.length)[0];
}

/**
 * The duty rate for `hsCode` into `destination` on `date`: a tenant override first, then a
 * preferential rate for goods originating in `originCountry`, then the general table;
 * the longest matching prefix of each wins. Undefined when nothing is known.
 */
export function findDutyRate(
  destination: string,
  hsCode: string,
  originCountry: string,
  date: string,
  overrides: readonly DutyOverride[] = [],
): DutyRateFound | undefined {
  const areas = tariffAreasOf(destination);
  for (const area of areas) {
    const override = longestPrefix(
      overrides.filter(
        (o) =>
          o.destination === area &&
          (o.validFrom ?? "0000-00-00") <= date &&
          (o.validTo === undefined || date < o.validTo),
      ),
      hsCode,
    );
    if (override) {
      return {
        ratePercent: override.ratePercent,
        source: `tenant duty override${override.note ? `: ${override.note}` : ""}`,
        hsPrefix: override.hsPrefix,
        kind: "override",
        note: override.note,
      };
    }
  }
  for (const area of areas) {
    const inArea = DUTY_RATES.filter((e) => e.destination === area && inForce(e, date));
    const preferential = longestPrefix(
      inArea.filter((e) => e.origins?.includes(originCountry)),
      hsCode,
    );
    if (preferential) return { ...pick(preferential), kind: "preferential" };
    const general = longestPrefix(
      inArea.filter((e) => !e.origins),
      hsCode,
    );
    if (general) return { ...pick(general), kind: "general" };
  }
  return undefined;
}

function pick(entry: DutyRateEntry) {
  return { ratePercent: entry.ratePercent, source: entry.source, hsPrefix: entry.hsPrefix, note: entry.note };
}
