import { currencyExponent } from "../currency";
import { convertMinorUnits } from "../shipping/fx";
import { type ConsumptionTaxRate, consumptionTaxRateOn } from "./consumption-tax-rates";
import { allocateProportionally, applyPercent, parsePercent } from "./decimal-rate";
import { findDutyRate } from "./duty-rates";
import type {
  FxRateUsed,
  LandedCostLineInput,
  LandedCostLineResult,
  LandedCostOptions,
  LandedCostRequest,
  RuleApplied,
} from "./landed-cost-types";
import type { LowValueThreshold } from "./low-value-thresholds";

export interface QuoteLine {
  index: number;
  input: LandedCostLineInput;
  lineValue: number;
  subheading: string;
}

/** What one destination's rules decided; landed-cost.ts turns it into the quote. */
export interface RegimeOutcome {
  regime: string;
  description: string;
  lines: LandedCostLineResult[];
  taxRate: ConsumptionTaxRate | null;
  taxBase: number;
  tax: number;
  taxKnown: boolean;
  /** The seller charges the tax in the sale (IOSS, UK ≤ GBP 135, AU/NZ GST, VOEC, SG OVR). */
  taxAtPointOfSale: boolean;
  fees: { label: string; amount: number }[];
}

export function formatMoney(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, digits.length - exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(digits.length - exponent)}`;
  return `${negative ? "-" : ""}${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction}`;
}

/** Shared state and helpers of one quote: amounts in the request currency, FX bookkeeping, notes. */
export class QuoteContext {
  readonly currency: string;
  readonly goods: number;
  readonly shipping: number;
  readonly insurance: number;
  readonly lines: QuoteLine[];
  readonly explanation: string[] = [];
  readonly warnings: string[] = [];
  readonly rules: RuleApplied[] = [];
  readonly fxRates: FxRateUsed[] = [];

  constructor(
    readonly request: LandedCostRequest,
    readonly options: LandedCostOptions,
    readonly date: string,
  ) {
    this.currency = request.currency;
    this.shipping = request.shipping;
    this.insurance = request.insurance ?? 0;
    this.lines = request.lines.map((input, index) => ({
      index,
      input,
      lineValue: input.value * input.quantity,
      subheading: input.hsCode.replace(/[\s.-]/g, "").slice(0, 6),
    }));
    this.goods = this.lines.reduce((sum, line) => sum + line.lineValue, 0);
    if (!Number.isSafeInteger(this.goods)) throw new Error("Goods value overflows a safe integer");
  }

  get freight(): number {
    return this.shipping + this.insurance;
  }

  money(amount: number, currency = this.currency): string {
    return formatMoney(amount, currency);
  }

  /** Converts minor units with the dated table, and records the rate for the quote. */
  convert(amount: number, from: string, to: string): number {
    const { amount: converted, rate } = convertMinorUnits(amount, from, to, this.options.fx);
    if (from !== to && !this.fxRates.some((r) => r.from === from && r.to === to)) {
      this.fxRates.push({
        from,
        to,
        rate,
        date: this.options.fx.date,
        source: this.options.fx.source ?? `FX table based on ${this.options.fx.base}`,
      });
    }
    return converted;
  }

  /** The amount in the threshold's currency, with an explanation line of the comparison. */
  compareToThreshold(amount: number, threshold: LowValueThreshold, what: string): boolean {
    const inThresholdCurrency = this.convert(amount, this.currency, threshold.currency);
    const within = inThresholdCurrency <= threshold.amount;
    const shown =
      threshold.currency === this.currency
        ? this.money(amount)
        : `${this.money(amount)} = ${formatMoney(inThresholdCurrency, threshold.currency)} at the ${this.options.fx.date} reference rate`;
    this.explanation.push(
      `${what} ${shown} is ${within ? "within" : "above"} the ${formatMoney(threshold.amount, threshold.currency)} limit (${threshold.id}).`,
    );
    this.applyRule(threshold);
    return within;
  }

  applyRule(rule: { id: string; summary: string; source: string; validFrom: string; validTo?: string }) {
    if (this.rules.some((r) => r.id === rule.id)) return;
    this.rules.push({
      id: rule.id,
      summary: rule.summary,
      source: rule.source,
      validFrom: rule.validFrom,
      ...(rule.validTo ? { validTo: rule.validTo } : {}),
    });
  }

  warn(message: string) {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  taxRate(country: string): ConsumptionTaxRate | null {
    const rate = consumptionTaxRateOn(country, this.date) ?? null;
    if (!rate) this.warn(`No VAT/GST rate for ${country} on ${this.date} in the rate table; tax not computed.`);
    return rate;
  }

  /** rate × base, half up; 0 for a "none" tax. */
  applyTax(base: number, rate: ConsumptionTaxRate): number {
    const percent = parsePercent(rate.ratePercent);
    if (!percent) throw new Error(`Malformed tax rate ${rate.ratePercent} for ${rate.country}`);
    return applyPercent(base, percent);
  }

  /** No duty on any line, for a relief or de minimis. */
  dutyRelief(reason: string, source: string): LandedCostLineResult[] {
    return this.lines.map((line) => ({
      index: line.index,
      hsCode: line.input.hsCode,
      subheading: line.subheading,
      quantity: line.input.quantity,
      lineValue: line.lineValue,
      dutiableValue: 0,
      dutyKnown: true,
      duty: 0,
      dutyRatePercent: null,
      dutyBasis: "relief" as const,
      dutySource: source,
      note: reason,
    }));
  }

  /**
   * Ad valorem duty per line from the rate table (tenant overrides first). On a CIF basis
   * the freight and insurance are shared over the lines in proportion to their value, so the
   * customs value of the parcel is goods + shipping + insurance; on an FOB basis the line
   * value alone is dutiable.
   */
  dutyFromTable(destination: string, basis: "CIF" | "FOB"): LandedCostLineResult[] {
    const freightShares =
      basis === "CIF"
        ? allocateProportionally(
            this.freight,
            this.lines.map((l) => l.lineValue),
          )
        : this.lines.map(() => 0);
    return this.lines.map((line, i) => {
      const dutiableValue = line.lineValue + (freightShares[i] ?? 0);
      const found = findDutyRate(
        destination,
        line.input.hsCode.replace(/[\s.-]/g, ""),
        line.input.originCountry,
        this.date,
        this.options.dutyOverrides,
      );
      const base = {
        index: line.index,
        hsCode: line.input.hsCode,
        subheading: line.subheading,
        quantity: line.input.quantity,
        lineValue: line.lineValue,
        dutiableValue,
      };
      const percent = found?.ratePercent ? parsePercent(found.ratePercent) : null;
      if (!found || !percent) {
        this.warn(
          `Duty rate for HS ${line.subheading} into ${destination} is unknown${found?.note ? ` (${found.note})` : ""}: line ${line.index + 1} duty not computed, add a duty override for it.`,
        );
        return {
          ...base,
          dutyKnown: false,
          duty: null,
          dutyRatePercent: null,
          dutyBasis: "unknown" as const,
          dutySource: found?.source ?? "no entry in the duty table",
          ...(found?.note ? { note: found.note } : {}),
        };
      }
      if (found.kind === "preferential") {
        this.warn(
          `Line ${line.index + 1}: preferential rate ${found.ratePercent} % assumed for goods originating in ${line.input.originCountry}; it needs valid proof of origin, otherwise the general rate applies.`,
        );
      }
      const duty = applyPercent(dutiableValue, percent);
      this.explanation.push(
        `Line ${line.index + 1} (HS ${line.subheading}): duty ${found.ratePercent} % of ${this.money(dutiableValue)} = ${this.money(duty)} (${found.kind === "override" ? "tenant override" : found.kind === "preferential" ? "preferential rate" : "table rate"} for ${found.hsPrefix}).`,
      );
      return {
        ...base,
        dutyKnown: true,
        duty,
        dutyRatePercent: found.ratePercent,
        dutyBasis: "ad_valorem" as const,
        dutySource: found.source,
        ...(found.note ? { note: found.note } : {}),
      };
    });
  }
}

export function knownDuty(lines: readonly LandedCostLineResult[]): number {
  return lines.reduce((sum, l) => sum + (l.duty ?? 0), 0);
}

export function allDutyKnown(lines: readonly LandedCostLineResult[]): boolean {
  return lines.every((l) => l.dutyKnown);
}
