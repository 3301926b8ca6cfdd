export { checkAddress } from "./check-address";
export { detectPoBox } from "./po-box";
export {
  COUNTRIES_WITHOUT_POSTAL_CODES,
  checkPostalCode,
  POSTAL_CODE_FORMATS,
  type PostalCodeCheck,
  type PostalCodeFormat,
  postalCodeFormat,
} from "./postal-codes";
export { resolveRegion, type Subdivision } from "./regions";
export { detectNonLatinScripts } from "./script";
export type {
  AddressCheckOptions,
  AddressCheckResult,
  AddressField,
  AddressInput,
  AddressIssue,
  AddressIssueCode,
  NormalizedAddress,
} from "./types";
