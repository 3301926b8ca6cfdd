export { CONSUMPTION_TAX_RATES, type ConsumptionTaxRate, consumptionTaxRateOn } from "./consumption-tax-rates";
export {
  type CustomsProfileField,
  type CustomsProfileInput,
  type CustomsProfileIssue,
  checkCustomsProfile,
  isGenericCustomsDescription,
} from "./customs-profile";
export type { DatedEntry } from "./dated";
export { allocateProportionally, applyPercent, type ExactPercent, parsePercent } from "./decimal-rate";
export {
  DUTY_RATES,
  type DutyOverride,
  type DutyRateEntry,
  type DutyRateFound,
  findDutyRate,
  tariffAreasOf,
} from "./duty-rates";
export { createReferenceFxProvider, type DatedFxTable, type FxProvider } from "./fx-provider";
export { HS_2022_CHAPTER_TITLES, HS_EDITION, HS_RESERVED_CHAPTERS } from "./hs-chapters";
export { formatHsCode, type HsCodeIssue, type HsCodeIssueCode, type HsCodeValidation, validateHsCode } from "./hs-code";
export { HS_2022_HEADING_TEXTS, HS_2022_SUBHEADING_TEXTS } from "./hs-heading-texts";
export { HS_2022_HEADINGS } from "./hs-headings";
export { HS_KEYWORD_RULES, type HsKeywordRule } from "./hs-keywords";
export { type HsSuggestion, type HsSuggestionInput, stemWord, suggestHsCodes } from "./hs-suggest";
export { CUSTOMS_RULES_VERSION, quoteLandedCost, validateLandedCostRequest } from "./landed-cost";
export {
  type CollectedAt,
  type FxRateUsed,
  type Incoterm,
  type LandedCostCharge,
  LandedCostInputError,
  type LandedCostInputIssue,
  type LandedCostLineInput,
  type LandedCostLineResult,
  type LandedCostOptions,
  type LandedCostQuote,
  type LandedCostRequest,
  type RuleApplied,
} from "./landed-cost-types";
export { LOW_VALUE_THRESHOLDS, type LowValueThreshold, thresholdOn } from "./low-value-thresholds";
