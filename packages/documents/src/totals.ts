import type { ShipmentDocumentInput, TaxLine } from "./types";

/** Regimes (as `quoteLandedCost` in @crossflow/domain names them) where the seller collects the import tax at checkout. */
export const TAX_COLLECTED_AT_SALE = new Set([
  "EU_IOSS",
  "UK_LOW_VALUE",
  "AU_LOW_VALUE_GST",
  "NZ_LOW_VALUE_GST",
  "NO_VOEC",
  "SG_LOW_VALUE_GST",
]);

export interface ShipmentTotals {
  goods: number;
  shipping: number;
  units: number;
  netWeightGrams: number;
  grossWeightGrams: number;
  /** Duty the customer paid with the order (DDP only). */
  dutyCharged: number;
  /** Tax lines the customer paid with the order (DDP or a collect-at-sale regime). */
  taxesCharged: TaxLine[];
  feesCharged: number;
  /** What the customer paid: goods + shipping + duty/taxes/fees charged. */
  customerTotal: number;
  /** Value for customs: goods + shipping (the invoice total of a commercial invoice). */
  invoiceTotal: number;
}

function safeSum(values: number[]): number {
  const total = values.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new Error("Document total overflows a safe integer");
  return total;
}

export function shipmentTotals(input: ShipmentDocumentInput): ShipmentTotals {
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.unitValue) || !Number.isSafeInteger(line.quantity)) {
      throw new Error(`Line ${line.sku}: quantity and unit value must be integers (minor units)`);
    }
  }
  const goods = safeSum(input.lines.map((l) => l.unitValue * l.quantity));
  const units = safeSum(input.lines.map((l) => l.quantity));
  const netWeightGrams = safeSum(input.lines.map((l) => l.weightGrams * l.quantity));
  const parcelWeight = safeSum(input.parcels.map((p) => p.weightGrams));
  const landed = input.landedCost;
  const ddp = input.incoterm === "DDP";
  const collected = ddp || (landed !== undefined && TAX_COLLECTED_AT_SALE.has(landed.regime));
  const dutyCharged = ddp && landed ? landed.duty : 0;
  const taxesCharged = collected && landed ? landed.taxes : [];
  const feesCharged = ddp && landed ? (landed.fees ?? 0) : 0;
  return {
    goods,
    shipping: input.shippingCharged,
    units,
    netWeightGrams,
    grossWeightGrams: Math.max(parcelWeight, netWeightGrams),
    dutyCharged,
    taxesCharged,
    feesCharged,
    customerTotal: safeSum([
      goods,
      input.shippingCharged,
      dutyCharged,
      feesCharged,
      ...taxesCharged.map((t) => t.amount),
    ]),
    invoiceTotal: goods + input.shippingCharged,
  };
}

/** Distinct origin countries of the lines, in first-seen order. */
export function originCountries(input: ShipmentDocumentInput): string[] {
  return [...new Set(input.lines.map((l) => l.originCountry))];
}
