import type { DatedEntry } from "./dated";
import { inForce } from "./dated";

/**
 * The dated amounts behind the low-value regimes, in the regime's own currency (integer
 * minor units). A regime reads the entry in force on the quote's date, so a quote for an
 * earlier date applies the rules of that date.
 */
export interface LowValueThreshold extends DatedEntry {
  id: string;
  currency: string;
  amount: number;
  /** Shipments from these origin countries only (e.g. CUSMA); absent: any origin. */
  shipmentOrigins?: readonly string[];
  /** Shipments from these origin countries never qualify (e.g. US de minimis for CN/HK). */
  excludedOrigins?: readonly string[];
  summary: string;
}

export const LOW_VALUE_THRESHOLDS: readonly LowValueThreshold[] = [
  {
    id: "EU_DUTY_RELIEF_150",
    currency: "EUR",
    amount: 150_00,
    validFrom: "2009-12-01",
    validTo: "2026-07-01",
    summary: "No customs duty on consignments of negligible value (intrinsic value ≤ EUR 150)",
    source: "Council Regulation (EC) No 1186/2009, Articles 23–24 (relief removed by Council Regulation (EU) 2026/382)",
  },
  {
    id: "EU_IOSS_150",
    currency: "EUR",
    amount: 150_00,
    validFrom: "2021-07-01",
    summary:
      "Import One-Stop Shop: VAT of the buyer's member state charged at sale for consignments of intrinsic value ≤ EUR 150",
    source: "Council Directives (EU) 2017/2455 and 2019/1995 (VAT e-commerce package), Art. 369l–369x VAT Directive",
  },
  {
    id: "EU_FLAT_DUTY_3",
    currency: "EUR",
    amount: 3_00,
    validFrom: "2026-07-01",
    validTo: "2028-07-01",
    summary:
      "Interim flat customs duty of EUR 3 per item category (distinct tariff subheading) in B2C consignments ≤ EUR 150 declared under IOSS (and in postal consignments)",
    source:
      "Council Regulation (EU) 2026/382 of 11 Feb 2026 (OJ L 2026/382, 18.2.2026) and Commission Delegated Regulation (EU) 2026/1022; Council press release 12 Dec 2025",
  },
  {
    id: "GB_LOW_VALUE_135",
    currency: "GBP",
    amount: 135_00,
    validFrom: "2021-01-01",
    summary: "Consignments ≤ GBP 135: no customs duty; the seller charges UK VAT at the point of sale",
    source: "HMRC, 'VAT and overseas goods sold directly to customers in the UK' (gov.uk), from 1 Jan 2021",
  },
  {
    id: "AU_LOW_VALUE_1000",
    currency: "AUD",
    amount: 1000_00,
    validFrom: "2018-07-01",
    summary: "Low value goods (customs value ≤ AUD 1,000): no duty; the vendor charges GST at the point of sale",
    source: "ATO, 'GST on low value imported goods' (ato.gov.au), from 1 Jul 2018",
  },
  {
    id: "NZ_LOW_VALUE_1000",
    currency: "NZD",
    amount: 1000_00,
    validFrom: "2019-12-01",
    summary: "Low value goods (≤ NZD 1,000): no duty; the seller charges GST at the point of sale",
    source: "Inland Revenue, 'GST on low-value imported goods' (ird.govt.nz), from 1 Dec 2019",
  },
  {
    id: "CA_CUSMA_DUTY_150",
    currency: "CAD",
    amount: 150_00,
    shipmentOrigins: ["US", "MX"],
    validFrom: "2020-07-01",
    summary: "Courier shipments from the US or Mexico ≤ CAD 150: duty-free",
    source: "CBSA, CUSMA courier low value shipment thresholds (cbsa-asfc.gc.ca), from 1 Jul 2020",
  },
  {
    id: "CA_CUSMA_TAX_40",
    currency: "CAD",
    amount: 40_00,
    shipmentOrigins: ["US", "MX"],
    validFrom: "2020-07-01",
    summary: "Courier shipments from the US or Mexico ≤ CAD 40: free of GST/HST",
    source: "CBSA, CUSMA courier low value shipment thresholds (cbsa-asfc.gc.ca), from 1 Jul 2020",
  },
  {
    id: "CA_LOW_VALUE_20",
    currency: "CAD",
    amount: 20_00,
    validFrom: "1985-01-01",
    summary: "Shipments ≤ CAD 20 (other origins): free of duty and taxes",
    source: "Courier Low Value Shipment Program / Postal Imports Remission Order (CBSA, cbsa-asfc.gc.ca)",
  },
  {
    id: "US_DE_MINIMIS_200",
    currency: "USD",
    amount: 200_00,
    validFrom: "1993-01-01",
    validTo: "2016-03-10",
    summary: "Section 321 de minimis: shipments ≤ USD 200 entered free of duty",
    source: "19 U.S.C. 1321 before the Trade Facilitation and Trade Enforcement Act of 2015",
  },
  {
    id: "US_DE_MINIMIS_800",
    currency: "USD",
    amount: 800_00,
    validFrom: "2016-03-10",
    validTo: "2025-08-29",
    summary: "Section 321 de minimis: shipments ≤ USD 800 entered free of duty",
    source:
      "19 U.S.C. 1321 as amended by the TFTEA 2015; suspended for all countries from 29 Aug 2025 by Executive Order 14324",
  },
  {
    id: "US_DE_MINIMIS_SUSPENDED_CN_HK",
    currency: "USD",
    amount: 0,
    shipmentOrigins: ["CN", "HK"],
    validFrom: "2025-05-02",
    validTo: "2025-08-29",
    summary: "De minimis withdrawn for goods from China and Hong Kong",
    source: "Executive Order 14256 (2 Apr 2025), effective 2 May 2025",
  },
  {
    id: "CH_TAX_NOT_LEVIED_5",
    currency: "CHF",
    amount: 5_00,
    validFrom: "2019-01-01",
    summary: "Import VAT (and duty) amounts of up to CHF 5 per declaration are not levied",
    source:
      "BAZG, 'Receipt of letters and parcels' (bazg.admin.ch): tax amounts of up to 5 Swiss francs are not levied",
  },
  {
    id: "NO_VOEC_3000",
    currency: "NOK",
    amount: 3000_00,
    validFrom: "2020-04-01",
    summary:
      "VOEC: items under NOK 3,000 each sold by a VOEC-registered seller: Norwegian VAT at sale, no customs duty",
    source: "Skatteetaten, VAT on e-commerce (VOEC) scheme, from 1 Apr 2020; Norwegian Customs (toll.no)",
  },
  {
    id: "NO_EXEMPT_350",
    currency: "NOK",
    amount: 350_00,
    validFrom: "2020-04-01",
    validTo: "2024-01-01",
    summary: "Transitional exemption: shipments under NOK 350 from non-VOEC sellers cleared without duty or VAT",
    source: "Norwegian Customs (toll.no): transitional arrangement, abolished 1 Jan 2024",
  },
  {
    id: "JP_EXEMPT_10000",
    currency: "JPY",
    amount: 10_000,
    validFrom: "1990-01-01",
    summary: "Total taxable value ≤ JPY 10,000: exempt from customs duty and consumption tax",
    source: "Japan Customs (customs.go.jp), Customs Tariff Temporary Measures Law, small-value import exemption",
  },
  {
    id: "KR_EXEMPT_150",
    currency: "USD",
    amount: 150_00,
    validFrom: "2018-01-01",
    summary: "Goods for personal use ≤ USD 150 (goods value, international freight excluded): exempt from duty and VAT",
    source: "Korea Customs Service, list clearance of e-commerce goods (customs.go.kr)",
  },
  {
    id: "KR_EXEMPT_200_US",
    currency: "USD",
    amount: 200_00,
    shipmentOrigins: ["US"],
    validFrom: "2018-01-01",
    summary: "Shipments from the United States ≤ USD 200: exempt from duty and VAT",
    source: "Korea Customs Service, list clearance under the KORUS FTA (customs.go.kr)",
  },
  {
    id: "SG_LOW_VALUE_400",
    currency: "SGD",
    amount: 400_00,
    validFrom: "2023-01-01",
    summary:
      "Low-value goods (≤ SGD 400) sold to consumers: GST charged at sale by overseas vendors registered under OVR",
    source: "IRAS, 'GST on imported low-value goods' (iras.gov.sg), from 1 Jan 2023",
  },
  {
    id: "GCC_DUTY_EXEMPT_1000",
    currency: "SAR",
    amount: 1000_00,
    validFrom: "2018-01-01",
    summary: "Personal consignments ≤ SAR 1,000 (goods and freight) exempt from customs duty",
    source:
      "GCC Unified Guide for Customs Procedures at First Points of Entry; ZATCA (Saudi Gazette, 2021); Dubai Customs reinstated the threshold on 1 Mar 2023 (EY Tax News 2023-0485)",
  },
];

/** The threshold `id` in force on `date` for a shipment from `shipmentOrigin`, if any. */
export function thresholdOn(id: string, date: string, shipmentOrigin?: string): LowValueThreshold | undefined {
  return LOW_VALUE_THRESHOLDS.find(
    (t) =>
      t.id === id &&
      inForce(t, date) &&
      (!t.shipmentOrigins || (shipmentOrigin !== undefined && t.shipmentOrigins.includes(shipmentOrigin))) &&
      !(shipmentOrigin !== undefined && t.excludedOrigins?.includes(shipmentOrigin)),
  );
}
