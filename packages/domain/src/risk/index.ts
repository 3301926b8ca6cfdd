export {
  DEFAULT_FIRST_ORDER_THRESHOLDS,
  DEFAULT_HIGH_RISK_DESTINATIONS,
  DEFAULT_HIGH_VALUE_THRESHOLDS,
  DEFAULT_RISK_WEIGHTS,
  defaultRiskConfig,
  RISK_SIGNAL_CODES,
  type RiskConfig,
  type RiskConfigInput,
  type RiskSignalCode,
  riskConfigSchema,
} from "./config";
export { normalizeEmail } from "./email";
export { addressFingerprint } from "./fingerprint";
export { type IpAddress, type IpRange, ipInRange, parseIpAddress, parseIpRange } from "./ip";
export { normalizePhone } from "./phone";
export {
  type RiskHistoryEntry,
  type RiskOrderInput,
  type RiskScreening,
  type RiskSignal,
  screenOrder,
} from "./screen-order";
