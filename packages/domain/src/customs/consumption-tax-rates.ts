import { type DatedEntry, inForce } from "./dated";

export interface ConsumptionTaxRate extends DatedEntry {
  country: string;
  taxName: "VAT" | "GST" | "consumption tax" | "none";
  /** Standard rate, decimal string of a percentage ("25.5"). */
  ratePercent: string;
}

const EC_VAT_RATES =
  "European Commission, 'VAT rates applied in the Member States of the European Union' (taxation-customs.ec.europa.eu), situation 2026";
// Rates unchanged since before IOSS started; the table keeps history from that date on.
const TABLE_START = "2021-07-01";

const EU_UNCHANGED: ReadonlyArray<[string, string]> = [
  ["AT", "20"],
  ["BE", "21"],
  ["BG", "20"],
  ["HR", "25"],
  ["CY", "19"],
  ["CZ", "21"],
  ["DK", "25"],
  ["FR", "20"],
  ["DE", "19"],
  ["GR", "24"],
  ["HU", "27"],
  ["IE", "23"],
  ["IT", "22"],
  ["LV", "21"],
  ["LT", "21"],
  ["MT", "18"],
  ["NL", "21"],
  ["PL", "23"],
  ["PT", "23"],
  ["SI", "22"],
  ["ES", "21"],
  ["SE", "25"],
];

/**
 * Standard VAT/GST rates by country with their history. Goods at reduced rates (books, food,
 * children's clothing in some countries) are not distinguished: the standard rate is quoted
 * and a warning says so.
 */
export const CONSUMPTION_TAX_RATES: readonly ConsumptionTaxRate[] = [
  ...EU_UNCHANGED.map(([country, ratePercent]) => ({
    country,
    taxName: "VAT" as const,
    ratePercent,
    validFrom: TABLE_START,
    source: `${EC_VAT_RATES}; unchanged since before ${TABLE_START}`,
  })),
  {
    country: "FI",
    taxName: "VAT",
    ratePercent: "24",
    validFrom: TABLE_START,
    validTo: "2024-09-01",
    source: `${EC_VAT_RATES}; rate until 31 Aug 2024`,
  },
  {
    country: "FI",
    taxName: "VAT",
    ratePercent: "25.5",
    validFrom: "2024-09-01",
    source: "Finnish Tax Administration (vero.fi): general VAT rate 25.5 % from 1 Sep 2024",
  },
  {
    country: "SK",
    taxName: "VAT",
    ratePercent: "20",
    validFrom: TABLE_START,
    validTo: "2025-01-01",
    source: `${EC_VAT_RATES}; rate until 31 Dec 2024`,
  },
  {
    country: "SK",
    taxName: "VAT",
    ratePercent: "23",
    validFrom: "2025-01-01",
    source: "Financial Administration of the Slovak Republic (financnasprava.sk): standard rate 23 % from 1 Jan 2025",
  },
  {
    country: "EE",
    taxName: "VAT",
    ratePercent: "20",
    validFrom: TABLE_START,
    validTo: "2024-01-01",
    source: `${EC_VAT_RATES}; rate until 31 Dec 2023`,
  },
  {
    country: "EE",
    taxName: "VAT",
    ratePercent: "22",
    validFrom: "2024-01-01",
    validTo: "2025-07-01",
    source: "Estonian Tax and Customs Board (emta.ee): standard rate 22 % from 1 Jan 2024",
  },
  {
    country: "EE",
    taxName: "VAT",
    ratePercent: "24",
    validFrom: "2025-07-01",
    source: "Estonian Tax and Customs Board (emta.ee): standard rate 24 % from 1 Jul 2025",
  },
  {
    country: "RO",
    taxName: "VAT",
    ratePercent: "19",
    validFrom: TABLE_START,
    validTo: "2025-08-01",
    source: `${EC_VAT_RATES}; rate until 31 Jul 2025`,
  },
  {
    country: "RO",
    taxName: "VAT",
    ratePercent: "21",
    validFrom: "2025-08-01",
    source: "Romania, Law 141/2025 (ANAF): standard rate 21 % from 1 Aug 2025",
  },
  {
    country: "LU",
    taxName: "VAT",
    ratePercent: "17",
    validFrom: TABLE_START,
    validTo: "2023-01-01",
    source: `${EC_VAT_RATES}; rate until 31 Dec 2022`,
  },
  {
    country: "LU",
    taxName: "VAT",
    ratePercent: "16",
    validFrom: "2023-01-01",
    validTo: "2024-01-01",
    source: "Luxembourg AED: temporary 1-point cut of all rates for 2023",
  },
  {
    country: "LU",
    taxName: "VAT",
    ratePercent: "17",
    validFrom: "2024-01-01",
    source: "Luxembourg AED (impotsdirects/aed.public.lu): standard rate back to 17 % from 1 Jan 2024",
  },
  {
    country: "GB",
    taxName: "VAT",
    ratePercent: "20",
    validFrom: "2011-01-04",
    source: "HMRC, VAT rates (gov.uk/vat-rates): standard rate 20 % since 4 Jan 2011",
  },
  {
    country: "CH",
    taxName: "VAT",
    ratePercent: "7.7",
    validFrom: "2018-01-01",
    validTo: "2024-01-01",
    source: "Swiss FTA (estv.admin.ch): standard rate 7.7 % 2018–2023",
  },
  {
    country: "CH",
    taxName: "VAT",
    ratePercent: "8.1",
    validFrom: "2024-01-01",
    source: "Swiss FTA / BAZG (bazg.admin.ch): standard rate 8.1 % from 1 Jan 2024",
  },
  {
    country: "NO",
    taxName: "VAT",
    ratePercent: "25",
    validFrom: "2005-01-01",
    source: "Skatteetaten (skatteetaten.no): general VAT rate 25 %",
  },
  {
    country: "AU",
    taxName: "GST",
    ratePercent: "10",
    validFrom: "2000-07-01",
    source: "Australian Taxation Office (ato.gov.au): GST 10 %",
  },
  {
    country: "NZ",
    taxName: "GST",
    ratePercent: "15",
    validFrom: "2010-10-01",
    source: "Inland Revenue (ird.govt.nz): GST 15 % since 1 Oct 2010",
  },
  {
    country: "CA",
    taxName: "GST",
    ratePercent: "5",
    validFrom: "2008-01-01",
    source: "Canada Revenue Agency (canada.ca): GST 5 % (federal part only; HST/PST by province not included)",
  },
  {
    country: "JP",
    taxName: "consumption tax",
    ratePercent: "10",
    validFrom: "2019-10-01",
    source:
      "National Tax Agency Japan (nta.go.jp): standard consumption tax 10 % (7.8 % national + 2.2 % local) since 1 Oct 2019",
  },
  {
    country: "KR",
    taxName: "VAT",
    ratePercent: "10",
    validFrom: "1977-07-01",
    source: "National Tax Service / Korea Customs Service: VAT 10 % on imports on (customs value + duty)",
  },
  {
    country: "SG",
    taxName: "GST",
    ratePercent: "8",
    validFrom: "2023-01-01",
    validTo: "2024-01-01",
    source: "IRAS (iras.gov.sg): GST 8 % in 2023",
  },
  {
    country: "SG",
    taxName: "GST",
    ratePercent: "9",
    validFrom: "2024-01-01",
    source: "IRAS (iras.gov.sg): GST 9 % from 1 Jan 2024",
  },
  {
    country: "AE",
    taxName: "VAT",
    ratePercent: "5",
    validFrom: "2018-01-01",
    source: "UAE Federal Tax Authority (tax.gov.ae): VAT 5 % since 1 Jan 2018",
  },
  {
    country: "SA",
    taxName: "VAT",
    ratePercent: "15",
    validFrom: "2020-07-01",
    source: "ZATCA (zatca.gov.sa): VAT 15 % since 1 Jul 2020, charged on all imports",
  },
  {
    country: "BH",
    taxName: "VAT",
    ratePercent: "10",
    validFrom: "2022-01-01",
    source: "Bahrain National Bureau for Revenue (nbr.gov.bh): VAT 10 % since 1 Jan 2022",
  },
  {
    country: "OM",
    taxName: "VAT",
    ratePercent: "5",
    validFrom: "2021-04-16",
    source: "Oman Tax Authority (taxoman.gov.om): VAT 5 % since 16 Apr 2021",
  },
  {
    country: "QA",
    taxName: "none",
    ratePercent: "0",
    validFrom: "2018-01-01",
    source: "Qatar has not introduced VAT (GCC VAT framework not implemented)",
  },
  {
    country: "KW",
    taxName: "none",
    ratePercent: "0",
    validFrom: "2018-01-01",
    source: "Kuwait has not introduced VAT (GCC VAT framework not implemented)",
  },
];

/** The standard rate of `country` in force on `date`, or undefined when the table has none. */
export function consumptionTaxRateOn(country: string, date: string): ConsumptionTaxRate | undefined {
  return CONSUMPTION_TAX_RATES.find((rate) => rate.country === country && inForce(rate, date));
}
