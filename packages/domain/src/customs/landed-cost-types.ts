import type { FxTable } from "../shipping/types";
import type { DutyOverride } from "./duty-rates";

export type Incoterm = "DDP" | "DAP";

export interface LandedCostLineInput {
  /** HS code, 6 digits or a national line of 8–10 digits. */
  hsCode: string;
  /**
   * Value of ONE unit in integer minor units of the request currency (the price the buyer
   * pays for one item, as `unitPrice` on an order line and `customsValue` on a product). The
   * line's value is `value × quantity`.
   */
  value: number;
  quantity: number;
  /** Weight of one unit in grams. */
  weightGrams: number;
  /** Country of origin of the goods (where they were made), ISO 3166-1 alpha-2. */
  originCountry: string;
  description?: string;
}

export interface LandedCostRequest {
  /** Country the parcel ships from. */
  origin: string;
  /** Country the parcel is delivered to. */
  destination: string;
  incoterm: Incoterm;
  /** ISO 4217: every amount of the request and the quote is in its minor units. */
  currency: string;
  /** YYYY-MM-DD; the rules and rates in force that day apply. Default today (UTC). */
  date?: string;
  /** International shipping charged for the parcel. */
  shipping: number;
  insurance?: number;
  lines: LandedCostLineInput[];
  /** Subdivision of the destination (e.g. "NIR" for Northern Ireland, "ON" for Ontario). */
  destinationRegion?: string;
}

export interface LandedCostOptions {
  /** Dated exchange rates (units per `base`), decimal strings; `source` is reported. */
  fx: FxTable & { source?: string };
  dutyOverrides?: readonly DutyOverride[];
  /** The seller collects EU VAT through the Import One-Stop Shop (default true). */
  iossRegistered?: boolean;
  /** The seller collects Norwegian VAT through VOEC (default true). */
  voecRegistered?: boolean;
  /** Today's date when the request has none (default: the clock, UTC). */
  today?: string;
}

export type CollectedAt = "checkout" | "border";

export interface LandedCostLineResult {
  index: number;
  hsCode: string;
  subheading: string;
  quantity: number;
  /** value × quantity. */
  lineValue: number;
  /** The amount the duty rate applied to (line value, plus its share of freight where the customs value is CIF). */
  dutiableValue: number;
  dutyKnown: boolean;
  /** Null when unknown. */
  duty: number | null;
  /** Null for flat duties, reliefs and unknown rates. */
  dutyRatePercent: string | null;
  dutyBasis: "ad_valorem" | "flat_per_tariff_subheading" | "relief" | "unknown";
  dutySource: string;
  note?: string;
}

export interface LandedCostCharge {
  kind: "duty" | "tax" | "fee";
  label: string;
  amount: number;
  collectedAt: CollectedAt;
  /** Who hands the money over: the buyer at checkout or at the door, or the merchant. */
  paidBy: "merchant" | "buyer";
}

export interface RuleApplied {
  id: string;
  summary: string;
  source: string;
  validFrom: string;
  validTo?: string;
}

export interface FxRateUsed {
  from: string;
  to: string;
  rate: string;
  date: string;
  source: string;
}

export interface LandedCostQuote {
  currency: string;
  date: string;
  incoterm: Incoterm;
  origin: string;
  destination: string;
  goods: number;
  shipping: number;
  insurance: number;
  /** Known duty only; see dutyKnown. */
  duty: number;
  tax: number;
  fees: number;
  /** goods + shipping + insurance + duty + tax + fees: what the goods cost landed. */
  total: number;
  dutyKnown: boolean;
  taxKnown: boolean;
  regime: string;
  regimeDescription: string;
  /** When the buyer pays the duty: in the checkout price (DDP), or to the carrier at the door (DAP). */
  dutyDueAt: CollectedAt;
  /** When the import VAT/GST is paid: at checkout (point-of-sale schemes, or DDP) or at the border. */
  taxCollectedAt: CollectedAt;
  taxRate: { country: string; taxName: string; ratePercent: string; validFrom: string; source: string } | null;
  /** What the tax rate was applied to. */
  taxBase: number;
  lines: LandedCostLineResult[];
  charges: LandedCostCharge[];
  /** Who pays what: the buyer at checkout, the buyer at the border, and what the merchant pays over. */
  payment: { buyerAtCheckout: number; buyerAtBorder: number; merchantPaysAuthorities: number };
  fxRates: FxRateUsed[];
  rulesVersion: string;
  rulesDate: string;
  rulesApplied: RuleApplied[];
  explanation: string[];
  warnings: string[];
}

export interface LandedCostInputIssue {
  path: string;
  message: string;
}

export class LandedCostInputError extends Error {
  constructor(readonly issues: LandedCostInputIssue[]) {
    super(`Invalid landed-cost request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "LandedCostInputError";
  }
}
