import { isEuMember } from "@crossflow/domain";
import type { ShipmentDocumentInput } from "./types";

/** Where a seller registration is read from in the input. */
export type SellerTaxIdSource =
  | { kind: "ioss" }
  | { kind: "eori" }
  | { kind: "vat"; country: string }
  | { kind: "taxId"; key: string };

export interface SellerTaxIdRule {
  /** As printed: "IOSS number", "UK VAT number", "ABN / ARN". */
  label: string;
  source: SellerTaxIdSource;
  /** Only when this import regime is used (EU_IOSS, UK_LOW_VALUE, AU_LOW_VALUE_GST…); always when absent. */
  regimes?: string[];
  /**
   * Without a landed-cost summary (so no regime is known), also when the goods are worth at most
   * this much in this currency, e.g. UK goods ≤ GBP 135.
   */
  orGoodsAtMost?: { currency: string; amount: number };
}

/** A field the destination's customs will not clear without. */
export type RequiredField = "buyer.taxId" | "buyer.phone" | "buyer.email" | "buyer.postalCode" | "buyer.region";

export interface CountryTemplate {
  /** Registrations of the seller printed on customs documents and the customer invoice, in order. */
  sellerTaxIds: SellerTaxIdRule[];
  /** Label of the recipient's id (`buyer.taxId`) when the destination asks for one. */
  buyerTaxIdLabel?: string;
  requiredFields: RequiredField[];
  /** Name of the consumption tax on the customer invoice. */
  taxName: string;
  /** Extra sentences printed on the commercial invoice and CN23 for this destination. */
  customsDeclaration?: string;
  /** Printed on the customer invoice when the given regime applies. */
  regimeNotes?: Record<string, string>;
}

const EU_TEMPLATE: CountryTemplate = {
  sellerTaxIds: [
    { label: "IOSS number", source: { kind: "ioss" }, regimes: ["EU_IOSS"] },
    { label: "EORI", source: { kind: "eori" } },
  ],
  requiredFields: ["buyer.postalCode"],
  taxName: "VAT",
  regimeNotes: {
    EU_IOSS: "Import VAT collected at checkout under the EU Import One-Stop Shop (IOSS); nothing is due on delivery.",
  },
};

const DEFAULT_TEMPLATE: CountryTemplate = {
  sellerTaxIds: [{ label: "EORI", source: { kind: "eori" } }],
  requiredFields: [],
  taxName: "Tax",
};

/** Destination tweaks as data: every difference between countries' documents lives here. */
export const COUNTRY_TEMPLATES: Record<string, Partial<CountryTemplate>> = {
  GB: {
    sellerTaxIds: [
      {
        label: "UK VAT number",
        source: { kind: "vat", country: "GB" },
        regimes: ["UK_LOW_VALUE"],
        orGoodsAtMost: { currency: "GBP", amount: 135_00 },
      },
      { label: "EORI", source: { kind: "eori" } },
    ],
    requiredFields: ["buyer.postalCode"],
    taxName: "VAT",
    regimeNotes: {
      UK_LOW_VALUE: "UK VAT charged at the point of sale on goods of GBP 135 or less (seller's UK VAT number above).",
    },
  },
  AU: {
    sellerTaxIds: [{ label: "ABN / ARN", source: { kind: "taxId", key: "arn" }, regimes: ["AU_LOW_VALUE_GST"] }],
    requiredFields: ["buyer.postalCode", "buyer.region"],
    taxName: "GST",
    regimeNotes: { AU_LOW_VALUE_GST: "GST paid under Australia's low value imported goods rules (ATO ARN above)." },
  },
  NZ: {
    sellerTaxIds: [{ label: "NZ GST number", source: { kind: "taxId", key: "nzGst" }, regimes: ["NZ_LOW_VALUE_GST"] }],
    requiredFields: ["buyer.postalCode"],
    taxName: "GST",
    regimeNotes: { NZ_LOW_VALUE_GST: "NZ GST collected at the point of sale on goods of NZD 1,000 or less." },
  },
  NO: {
    sellerTaxIds: [{ label: "VOEC number", source: { kind: "taxId", key: "voec" }, regimes: ["NO_VOEC"] }],
    requiredFields: ["buyer.postalCode"],
    taxName: "VAT",
    regimeNotes: { NO_VOEC: "Norwegian VAT collected under the VOEC scheme." },
  },
  CH: {
    sellerTaxIds: [{ label: "Swiss VAT number", source: { kind: "taxId", key: "chVat" } }],
    requiredFields: ["buyer.postalCode", "buyer.phone"],
    taxName: "VAT",
  },
  US: {
    sellerTaxIds: [],
    requiredFields: ["buyer.postalCode", "buyer.region", "buyer.phone"],
    taxName: "Sales tax",
  },
  CA: {
    sellerTaxIds: [{ label: "GST/HST number", source: { kind: "taxId", key: "caGst" } }],
    requiredFields: ["buyer.postalCode", "buyer.region", "buyer.phone"],
    taxName: "GST/HST",
  },
  BR: {
    sellerTaxIds: [],
    buyerTaxIdLabel: "CPF / CNPJ",
    requiredFields: ["buyer.taxId", "buyer.postalCode", "buyer.phone"],
    taxName: "Import tax",
    customsDeclaration: "Recipient CPF/CNPJ provided for Receita Federal clearance (Remessa Conforme).",
  },
  KR: {
    sellerTaxIds: [],
    buyerTaxIdLabel: "Personal Customs Clearance Code (PCCC)",
    requiredFields: ["buyer.taxId", "buyer.phone"],
    taxName: "VAT",
  },
  CN: {
    sellerTaxIds: [],
    buyerTaxIdLabel: "Resident ID number",
    requiredFields: ["buyer.phone", "buyer.postalCode"],
    taxName: "VAT",
    customsDeclaration: "Goods for personal use of the recipient (cross-border e-commerce retail import).",
  },
  JP: {
    sellerTaxIds: [],
    requiredFields: ["buyer.postalCode", "buyer.phone"],
    taxName: "Consumption tax",
  },
  MX: { sellerTaxIds: [], buyerTaxIdLabel: "RFC", requiredFields: ["buyer.phone"], taxName: "IVA" },
  CL: { sellerTaxIds: [], buyerTaxIdLabel: "RUT", requiredFields: ["buyer.taxId"], taxName: "IVA" },
  AR: { sellerTaxIds: [], buyerTaxIdLabel: "CUIT / CUIL", requiredFields: ["buyer.taxId"], taxName: "IVA" },
  SG: {
    sellerTaxIds: [
      { label: "GST registration number", source: { kind: "taxId", key: "sgGst" }, regimes: ["SG_LOW_VALUE_GST"] },
    ],
    requiredFields: ["buyer.phone"],
    taxName: "GST",
    regimeNotes: { SG_LOW_VALUE_GST: "Singapore GST charged at the point of sale on goods of SGD 400 or less (OVR)." },
  },
};

export function countryTemplate(country: string): CountryTemplate {
  const base = isEuMember(country) ? EU_TEMPLATE : DEFAULT_TEMPLATE;
  return { ...base, ...COUNTRY_TEMPLATES[country] };
}

export interface PrintedTaxId {
  label: string;
  value: string;
}

/** The seller registrations to print for this shipment's destination and import regime. */
export function sellerTaxIdsFor(input: ShipmentDocumentInput): PrintedTaxId[] {
  const template = countryTemplate(input.buyer.country);
  const regime = input.landedCost?.regime;
  const printed: PrintedTaxId[] = [];
  for (const rule of template.sellerTaxIds) {
    if (rule.regimes && !(regime ? rule.regimes.includes(regime) : withinGoodsLimit(input, rule))) continue;
    const value = sellerTaxIdValue(input, rule.source);
    if (value) printed.push({ label: rule.label, value });
  }
  return printed;
}

function withinGoodsLimit(input: ShipmentDocumentInput, rule: SellerTaxIdRule): boolean {
  const limit = rule.orGoodsAtMost;
  if (!limit || input.currency !== limit.currency) return false;
  return input.lines.reduce((sum, l) => sum + l.unitValue * l.quantity, 0) <= limit.amount;
}

function sellerTaxIdValue(input: ShipmentDocumentInput, source: SellerTaxIdSource): string | undefined {
  const seller = input.seller;
  switch (source.kind) {
    case "ioss":
      return input.landedCost?.iossNumber ?? seller.iossNumber;
    case "eori":
      return seller.eori;
    case "vat":
      return seller.vatNumbers?.[source.country];
    case "taxId":
      return seller.taxIds?.[source.key];
  }
}

export class MissingDocumentFieldsError extends Error {
  constructor(
    readonly country: string,
    readonly fields: string[],
  ) {
    super(`Customs documents for ${country} need ${fields.join(", ")}`);
    this.name = "MissingDocumentFieldsError";
  }
}

/** The destination's required fields that the input leaves empty. */
export function missingRequiredFields(input: ShipmentDocumentInput): string[] {
  const buyer = input.buyer;
  const values: Record<RequiredField, string | undefined> = {
    "buyer.taxId": buyer.taxId,
    "buyer.phone": buyer.phone,
    "buyer.email": buyer.email,
    "buyer.postalCode": buyer.postalCode,
    "buyer.region": buyer.region,
  };
  const missing: string[] = countryTemplate(buyer.country).requiredFields.filter((field) => !values[field]?.trim());
  for (const [index, line] of input.lines.entries()) {
    if (!line.hsCode.trim()) missing.push(`lines[${index}].hsCode`);
    if (!line.originCountry.trim()) missing.push(`lines[${index}].originCountry`);
    if (!line.customsDescription.trim()) missing.push(`lines[${index}].customsDescription`);
  }
  return missing;
}

export function assertCustomsFields(input: ShipmentDocumentInput): void {
  const missing = missingRequiredFields(input);
  if (missing.length > 0) throw new MissingDocumentFieldsError(input.buyer.country, missing);
}
