import { isCountry } from "../country";
import { isCurrency } from "../currency";
import { FxRateMissingError } from "../shipping/fx";
import { validateHsCode } from "./hs-code";
import type {
  LandedCostCharge,
  LandedCostInputIssue,
  LandedCostOptions,
  LandedCostQuote,
  LandedCostRequest,
} from "./landed-cost-types";
import { LandedCostInputError } from "./landed-cost-types";
import { allDutyKnown, knownDuty, QuoteContext } from "./quote-context";
import { applyDestinationRules } from "./regimes";

/** Version of the shipped rule and rate tables; bump with every change of a rate or rule. */
export const CUSTOMS_RULES_VERSION = "2026.11.1";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_AMOUNT = 100_000_000_00;

function isIsoDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function checkAmount(issues: LandedCostInputIssue[], path: string, value: unknown, positive = false) {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    issues.push({ path, message: "must be an integer amount in minor units" });
  } else if (value < 0 || (positive && value === 0)) {
    issues.push({ path, message: positive ? "must be greater than 0" : "must not be negative" });
  } else if (value > MAX_AMOUNT) {
    issues.push({ path, message: "is too large" });
  }
}

/** Every problem of a request at once, each with the field it concerns. */
export function validateLandedCostRequest(request: LandedCostRequest): LandedCostInputIssue[] {
  const issues: LandedCostInputIssue[] = [];
  for (const field of ["origin", "destination"] as const) {
    if (!isCountry(request[field])) issues.push({ path: field, message: "must be an ISO 3166-1 alpha-2 country code" });
  }
  if (request.incoterm !== "DDP" && request.incoterm !== "DAP")
    issues.push({ path: "incoterm", message: "must be DDP or DAP" });
  if (!isCurrency(request.currency)) issues.push({ path: "currency", message: "must be an ISO 4217 currency code" });
  if (request.date !== undefined && !isIsoDate(request.date))
    issues.push({ path: "date", message: "must be a date YYYY-MM-DD" });
  checkAmount(issues, "shipping", request.shipping);
  if (request.insurance !== undefined) checkAmount(issues, "insurance", request.insurance);
  if (!Array.isArray(request.lines) || request.lines.length === 0) {
    issues.push({ path: "lines", message: "must have at least one line" });
    return issues;
  }
  request.lines.forEach((line, i) => {
    const hs = validateHsCode(line.hsCode);
    if (!hs.valid) issues.push({ path: `lines.${i}.hsCode`, message: hs.issues.map((x) => x.message).join("; ") });
    checkAmount(issues, `lines.${i}.value`, line.value);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > 100_000) {
      issues.push({ path: `lines.${i}.quantity`, message: "must be a whole number from 1 to 100000" });
    }
    if (!Number.isSafeInteger(line.weightGrams) || line.weightGrams < 0) {
      issues.push({ path: `lines.${i}.weightGrams`, message: "must be a whole number of grams, not negative" });
    }
    if (!isCountry(line.originCountry)) {
      issues.push({ path: `lines.${i}.originCountry`, message: "must be an ISO 3166-1 alpha-2 country code" });
    }
  });
  // Each value and quantity may be in range while their products add up past what duty and tax
  // arithmetic can carry in safe integers; the consignment as a whole has the same limit.
  if (issues.length === 0 && request.lines.reduce((sum, l) => sum + l.value * l.quantity, 0) > MAX_AMOUNT) {
    issues.push({ path: "lines", message: "the goods value (value × quantity over all lines) is too large" });
  }
  return issues;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Landed cost of a parcel: customs duty, import VAT/GST and fees under the destination's
 * rules in force on the quote date (low-value regimes such as EU IOSS ≤ EUR 150, UK ≤ GBP 135,
 * AU/NZ GST at sale, CA CUSMA thresholds, the end of US de minimis), with amounts in integer
 * minor units of the request currency. Thresholds are compared in the regime's currency
 * through the dated FX table. Duty rates come from the shipped table (tenant overrides win);
 * an unknown rate is reported as unknown, never guessed. DDP: the merchant pays duty and
 * taxes (collected from the buyer in the checkout price); DAP: the buyer pays what is due at
 * the border. Throws LandedCostInputError on bad input.
 */
export function quoteLandedCost(request: LandedCostRequest, options: LandedCostOptions): LandedCostQuote {
  const issues = validateLandedCostRequest(request);
  if (issues.length > 0) throw new LandedCostInputError(issues);
  const date = request.date ?? options.today ?? todayUtc();
  const ctx = new QuoteContext(request, options, date);

  let outcome: ReturnType<typeof applyDestinationRules>;
  try {
    outcome = applyDestinationRules(ctx);
  } catch (error) {
    if (error instanceof FxRateMissingError) {
      throw new LandedCostInputError([
        {
          path: "currency",
          message: `no exchange rate for ${error.currency} in the ${options.fx.date} FX table, needed to apply ${request.destination} thresholds`,
        },
      ]);
    }
    throw error;
  }

  const fxAge = daysBetween(options.fx.date, date);
  if (ctx.fxRates.length > 0 && (fxAge < 0 || fxAge > 7)) {
    ctx.warn(
      `Exchange rates are dated ${options.fx.date}, ${Math.abs(fxAge)} days ${fxAge < 0 ? "after" : "before"} the quote date ${date}; a threshold near the limit may fall the other way with the day's rate.`,
    );
  }

  const duty = knownDuty(outcome.lines);
  const dutyKnown = allDutyKnown(outcome.lines);
  const fees = outcome.fees.reduce((sum, f) => sum + f.amount, 0);
  const tax = outcome.tax;
  const total = ctx.goods + ctx.shipping + ctx.insurance + duty + tax + fees;
  const ddp = request.incoterm === "DDP";
  const dutyDueAt = ddp ? "checkout" : "border";
  const taxCollectedAt = outcome.taxAtPointOfSale || ddp ? "checkout" : "border";

  const charges: LandedCostCharge[] = [];
  if (duty > 0) {
    charges.push({
      kind: "duty",
      label: "Customs duty",
      amount: duty,
      collectedAt: dutyDueAt,
      paidBy: ddp ? "merchant" : "buyer",
    });
  }
  if (tax > 0 && outcome.taxRate) {
    charges.push({
      kind: "tax",
      label: `${outcome.taxRate.country} ${outcome.taxRate.taxName} ${outcome.taxRate.ratePercent} %`,
      amount: tax,
      collectedAt: taxCollectedAt,
      paidBy: taxCollectedAt === "checkout" ? "merchant" : "buyer",
    });
  }
  for (const fee of outcome.fees) {
    charges.push({
      kind: "fee",
      label: fee.label,
      amount: fee.amount,
      collectedAt: dutyDueAt,
      paidBy: ddp ? "merchant" : "buyer",
    });
  }
  const atBorder = charges.filter((c) => c.collectedAt === "border").reduce((sum, c) => sum + c.amount, 0);
  const merchantPays = charges.filter((c) => c.paidBy === "merchant").reduce((sum, c) => sum + c.amount, 0);

  ctx.explanation.unshift(
    `${request.origin} → ${request.destination}, ${request.incoterm}, ${date}: ${outcome.description}. Goods ${ctx.money(ctx.goods)}, shipping ${ctx.money(ctx.shipping)}${ctx.insurance ? `, insurance ${ctx.money(ctx.insurance)}` : ""}.`,
  );
  ctx.explanation.push(
    ddp
      ? `DDP: the merchant pays duty, tax and fees (${ctx.money(merchantPays)}), so the buyer pays ${ctx.money(total - atBorder)} at checkout and nothing at delivery.`
      : `DAP: the buyer pays ${ctx.money(total - atBorder)} at checkout${atBorder > 0 ? ` and ${ctx.money(atBorder)} to the carrier at the border` : " and nothing at delivery"}.`,
  );
  for (const rate of ctx.fxRates) {
    ctx.explanation.push(`FX ${rate.from}→${rate.to} ${rate.rate} (rates of ${rate.date}; ${rate.source}).`);
  }
  if (!dutyKnown) ctx.explanation.push("Duty is incomplete: lines with an unknown rate are left out of the totals.");

  return {
    currency: request.currency,
    date,
    incoterm: request.incoterm,
    origin: request.origin,
    destination: request.destination,
    goods: ctx.goods,
    shipping: ctx.shipping,
    insurance: ctx.insurance,
    duty,
    tax,
    fees,
    total,
    dutyKnown,
    taxKnown: outcome.taxKnown,
    regime: outcome.regime,
    regimeDescription: outcome.description,
    dutyDueAt,
    taxCollectedAt,
    taxRate: outcome.taxRate
      ? {
          country: outcome.taxRate.country,
          taxName: outcome.taxRate.taxName,
          ratePercent: outcome.taxRate.ratePercent,
          validFrom: outcome.taxRate.validFrom,
          source: outcome.taxRate.source,
        }
      : null,
    taxBase: outcome.taxBase,
    lines: outcome.lines,
    charges,
    payment: { buyerAtCheckout: total - atBorder, buyerAtBorder: atBorder, merchantPaysAuthorities: merchantPays },
    fxRates: ctx.fxRates,
    rulesVersion: CUSTOMS_RULES_VERSION,
    rulesDate: date,
    rulesApplied: ctx.rules,
    explanation: ctx.explanation,
    warnings: ctx.warnings,
  };
}
