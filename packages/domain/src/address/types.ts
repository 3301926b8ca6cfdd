/**
 * An address as it arrives from a channel, the API or a person typing it. Every field is
 * optional and may be null, because the checks must report what is missing rather than
 * assume it is there.
 */
export interface AddressInput {
  name?: string | null;
  company?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  phone?: string | null;
}

export type AddressField = "name" | "company" | "line1" | "line2" | "city" | "region" | "postalCode" | "country";

export type AddressIssueCode =
  | "missing_field"
  | "field_too_long"
  | "invalid_characters"
  | "country_invalid"
  | "postal_code_invalid"
  | "postal_code_unexpected"
  | "postal_code_region_mismatch"
  | "region_missing"
  | "region_invalid"
  | "non_latin_script"
  | "po_box"
  | "vague_address"
  | "placeholder_removed";

export interface AddressIssue {
  code: AddressIssueCode;
  field: AddressField;
  message: string;
  severity: "error" | "warning";
}

export interface AddressCheckOptions {
  /** The chosen carrier prints labels in Latin script only (most international express services). */
  carrierRequiresLatin?: boolean;
  /** The chosen carrier does not deliver to PO boxes (couriers such as DHL Express, UPS, FedEx). */
  carrierRefusesPoBox?: boolean;
}

/** The address cleaned up: trimmed, whitespace collapsed, country upper case, postal code and region canonical. */
export interface NormalizedAddress {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  phone?: string;
}

export interface AddressCheckResult {
  /** True when no issue has severity "error". */
  ok: boolean;
  issues: AddressIssue[];
  normalized: NormalizedAddress;
}
