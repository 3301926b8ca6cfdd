import { isCountry, isEuMember, type Region, regionOf } from "../country";
import { isCurrency } from "../currency";

/**
 * What rules can see about an order. Absent (undefined) means "not known": a missing
 * catalog weight, an unscored order, a country without postal codes. Rule conditions
 * over an absent fact are not met, except `exists`.
 */
export interface OrderFacts {
  destinationCountry: string;
  destinationRegion: Region;
  destinationIsEu: boolean;
  /** Trimmed and upper-cased, so "^BT" matches "bt1 1aa". */
  destinationPostalCode?: string;
  /** Actual weight of all units, grams. Absent when any line's product has no weight. */
  weightGrams?: number;
  /** Σ per unit ⌈length × width × height (mm³) / divisor⌉, grams. Absent when any line's product has no dimensions. */
  volumetricWeightGrams?: number;
  /** max(actual, volumetric): what carriers bill. Absent when either is. */
  chargeableWeightGrams?: number;
  /** Longest side of any product in the order, mm. Absent when any line's product has no dimensions. */
  maxDimensionMm?: number;
  /** Goods subtotal (Σ unitPrice × quantity) in minor units of `currency`. */
  orderValue: number;
  currency: string;
  /**
   * The order value converted by the caller (with its dated rates) into other currencies,
   * minor units by ISO 4217 code. A money condition in another currency than the order's
   * is met only when its currency is here; this module never guesses exchange rates.
   */
  orderValueIn?: Readonly<Record<string, number>>;
  lineCount: number;
  unitCount: number;
  /** Distinct SKUs, sorted. */
  skus: readonly string[];
  /** Union of the products' tags, sorted. */
  skuTags: readonly string[];
  customerTier?: string;
  channel: string;
  riskScore?: number;
  paymentMethod?: string;
  paymentProvider?: string;
}

export type OrderFactType = "string" | "number" | "money" | "boolean" | "string_list";

/** Constrains a string fact's operands: a condition on destinationCountry must name a real country. */
export type OrderFactDomain = "country" | "region" | "currency";

export interface OrderFactField {
  type: OrderFactType;
  /** Noun phrase used in reasons ("weight > 2,000 g"). */
  label: string;
  unit?: "g" | "mm";
  domain?: OrderFactDomain;
  /** Phrases for boolean facts. */
  whenTrue?: string;
  whenFalse?: string;
}

/** The facts a rule may name, with their types. A condition on any other name is rejected. */
export const ORDER_FACT_FIELDS = {
  destinationCountry: { type: "string", label: "destination country", domain: "country" },
  destinationRegion: { type: "string", label: "destination region", domain: "region" },
  destinationIsEu: {
    type: "boolean",
    label: "destination in the EU",
    whenTrue: "destination is in the EU",
    whenFalse: "destination is outside the EU",
  },
  destinationPostalCode: { type: "string", label: "destination postal code" },
  weightGrams: { type: "number", label: "weight", unit: "g" },
  volumetricWeightGrams: { type: "number", label: "volumetric weight", unit: "g" },
  chargeableWeightGrams: { type: "number", label: "chargeable weight", unit: "g" },
  maxDimensionMm: { type: "number", label: "longest side", unit: "mm" },
  orderValue: { type: "money", label: "order value" },
  currency: { type: "string", label: "order currency", domain: "currency" },
  lineCount: { type: "number", label: "line count" },
  unitCount: { type: "number", label: "unit count" },
  skus: { type: "string_list", label: "SKUs" },
  skuTags: { type: "string_list", label: "SKU tags" },
  customerTier: { type: "string", label: "customer tier" },
  channel: { type: "string", label: "channel" },
  riskScore: { type: "number", label: "risk score" },
  paymentMethod: { type: "string", label: "payment method" },
  paymentProvider: { type: "string", label: "payment provider" },
} as const satisfies Record<string, OrderFactField>;

export type OrderFactName = keyof typeof ORDER_FACT_FIELDS & keyof OrderFacts;

export const ORDER_FACT_NAMES = Object.keys(ORDER_FACT_FIELDS) as OrderFactName[];

export function isOrderFactName(name: string): name is OrderFactName {
  return Object.hasOwn(ORDER_FACT_FIELDS, name);
}

export function orderFactField(name: OrderFactName): OrderFactField {
  return ORDER_FACT_FIELDS[name];
}

export const TRADE_REGIONS = [
  "EU",
  "EUROPE",
  "NORTH_AMERICA",
  "LATAM",
  "ASIA",
  "OCEANIA",
  "MIDDLE_EAST",
  "AFRICA",
] as const satisfies readonly Region[];

/** Common parcel-carrier divisor: grams = mm³ / 5000 (= cm³ / 5000 in kg). */
export const DEFAULT_VOLUMETRIC_DIVISOR = 5000;

export interface ProductFactsInput {
  sku: string;
  weightGrams?: number | null;
  dimensionsMm?: { length: number; width: number; height: number } | null;
  tags?: readonly string[] | null;
}

export interface OrderFactsInput {
  currency: string;
  lines: ReadonlyArray<{ sku: string; quantity: number; unitPrice: number }>;
  /** Catalog entries for the order's SKUs; a SKU missing here leaves weight and dimensions unknown. */
  products: readonly ProductFactsInput[];
  shippingAddress: { country: string; postalCode?: string | null };
  channel: string;
  payment?: { provider?: string | null; method?: string | null } | null;
  customerTier?: string | null;
  riskScore?: number | null;
  /** Carrier volumetric divisor in cm³/kg; defaults to 5000. */
  volumetricDivisor?: number;
  orderValueIn?: Readonly<Record<string, number>> | null;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Facts of an order for rule evaluation. Throws on input that intake should already have rejected. */
export function buildOrderFacts(input: OrderFactsInput): OrderFacts {
  const country = input.shippingAddress.country.trim().toUpperCase();
  if (!isCountry(country)) throw new Error(`Unknown destination country ${input.shippingAddress.country}`);
  if (!isCurrency(input.currency)) throw new Error(`Unknown currency ${input.currency}`);
  const divisor = input.volumetricDivisor ?? DEFAULT_VOLUMETRIC_DIVISOR;
  if (!(Number.isFinite(divisor) && divisor > 0))
    throw new Error(`Volumetric divisor must be positive, got ${divisor}`);
  if (input.riskScore != null && !Number.isFinite(input.riskScore)) {
    throw new Error(`Risk score must be a finite number, got ${input.riskScore}`);
  }

  const catalog = new Map(input.products.map((p) => [p.sku, p]));
  let orderValue = 0;
  let unitCount = 0;
  let weight: number | undefined = 0;
  let volumetric: number | undefined = 0;
  let maxDimension: number | undefined;
  let dimensionsKnown = true;
  const skus = new Set<string>();
  const tags = new Set<string>();

  for (const [index, line] of input.lines.entries()) {
    if (!(Number.isSafeInteger(line.quantity) && line.quantity > 0)) {
      throw new Error(`Line ${index} (${line.sku}): quantity must be a positive integer, got ${line.quantity}`);
    }
    if (!(Number.isSafeInteger(line.unitPrice) && line.unitPrice >= 0)) {
      throw new Error(`Line ${index} (${line.sku}): unit price must be a non-negative integer in minor units`);
    }
    orderValue += line.unitPrice * line.quantity;
    unitCount += line.quantity;
    skus.add(line.sku);

    const product = catalog.get(line.sku);
    for (const tag of product?.tags ?? []) tags.add(tag);

    const unitWeight = product?.weightGrams;
    if (unitWeight == null || !(Number.isFinite(unitWeight) && unitWeight >= 0)) weight = undefined;
    else if (weight !== undefined) weight += unitWeight * line.quantity;

    const dims = product?.dimensionsMm;
    if (dims == null || ![dims.length, dims.width, dims.height].every((d) => Number.isFinite(d) && d >= 0)) {
      volumetric = undefined;
      dimensionsKnown = false;
    } else {
      if (volumetric !== undefined) {
        volumetric += Math.ceil((dims.length * dims.width * dims.height) / divisor) * line.quantity;
      }
      maxDimension = Math.max(maxDimension ?? 0, dims.length, dims.width, dims.height);
    }
  }
  if (!dimensionsKnown) maxDimension = undefined;
  if (!Number.isSafeInteger(orderValue)) throw new Error("Order value overflows a safe integer");
  if (input.lines.length === 0) {
    weight = undefined;
    volumetric = undefined;
  }

  const facts: OrderFacts = {
    destinationCountry: country,
    destinationRegion: regionOf(country),
    destinationIsEu: isEuMember(country),
    orderValue,
    currency: input.currency,
    lineCount: input.lines.length,
    unitCount,
    skus: [...skus].sort(),
    skuTags: [...tags].sort(),
    channel: input.channel,
  };
  const postalCode = nonEmpty(input.shippingAddress.postalCode)?.toUpperCase();
  if (postalCode !== undefined) facts.destinationPostalCode = postalCode;
  if (weight !== undefined) facts.weightGrams = weight;
  if (volumetric !== undefined) facts.volumetricWeightGrams = volumetric;
  if (weight !== undefined && volumetric !== undefined) facts.chargeableWeightGrams = Math.max(weight, volumetric);
  if (maxDimension !== undefined) facts.maxDimensionMm = maxDimension;
  if (input.orderValueIn) facts.orderValueIn = { ...input.orderValueIn };
  const tier = nonEmpty(input.customerTier);
  if (tier !== undefined) facts.customerTier = tier;
  if (input.riskScore != null) facts.riskScore = input.riskScore;
  const method = nonEmpty(input.payment?.method);
  if (method !== undefined) facts.paymentMethod = method;
  const provider = nonEmpty(input.payment?.provider);
  if (provider !== undefined) facts.paymentProvider = provider;
  return facts;
}
