import { isCountry } from "../country";
import { detectPoBox } from "./po-box";
import { checkPostalCode, isPostalCodeFiller, postalCodeFormat } from "./postal-codes";
import { findRegionInText, regionsForPostalCode, regionTable, resolveRegion } from "./regions";
import { detectNonLatinScripts } from "./script";
import { cleanText, MAX_FIELD_LENGTH } from "./text";
import type {
  AddressCheckOptions,
  AddressCheckResult,
  AddressField,
  AddressInput,
  AddressIssue,
  NormalizedAddress,
} from "./types";
import { HOUSE_NUMBER_COUNTRIES, hasHouseNumber, placeholderReason, streetLineWeight } from "./vague";

const FIELD_LABELS: Record<AddressField, string> = {
  name: "Recipient name",
  company: "Company",
  line1: "Address line 1",
  line2: "Address line 2",
  city: "City",
  region: "State/province",
  postalCode: "Postal code",
  country: "Country",
};

// City-states and territories where the city line is the place itself.
const CITY_OF_COUNTRY: Record<string, string> = {
  SG: "Singapore",
  HK: "Hong Kong",
  MO: "Macau",
  MC: "Monaco",
  GI: "Gibraltar",
  VA: "Vatican City",
};

// A street line shorter than this (CJK characters count double) cannot be found by a courier.
const MIN_STREET_WEIGHT = 4;

function readField(input: unknown, field: keyof AddressInput): unknown {
  if (typeof input !== "object" || input === null) return undefined;
  try {
    return (input as Record<string, unknown>)[field];
  } catch {
    // A getter that throws (a Proxy, a hostile object) counts as a missing field.
    return undefined;
  }
}

/**
 * Checks an address for what a carrier needs: required fields, postal-code format, state or
 * province where the country uses them, script and PO-box constraints of the carrier, and
 * signs that the address is vague or a placeholder. Never throws: anything wrong with the
 * input is an issue in the result.
 */
export function checkAddress(
  address: AddressInput | null | undefined,
  options?: AddressCheckOptions | null,
): AddressCheckResult {
  const issues: AddressIssue[] = [];
  const issue = (
    code: AddressIssue["code"],
    field: AddressField,
    message: string,
    severity: AddressIssue["severity"] = "error",
  ) => {
    issues.push({ code, field, message, severity });
  };

  const read = (field: AddressField | "phone") => {
    const cleaned = cleanText(readField(address, field));
    if (field !== "phone") {
      if (cleaned.truncated) {
        issue(
          "field_too_long",
          field,
          `${FIELD_LABELS[field]} is longer than ${MAX_FIELD_LENGTH} characters and was cut`,
        );
      } else if (cleaned.hadUnprintable) {
        issue(
          "invalid_characters",
          field,
          `${FIELD_LABELS[field]} contained invisible control characters, which were removed`,
          "warning",
        );
      }
    }
    return cleaned.text;
  };

  const country = read("country").toUpperCase();
  const name = read("name");
  const company = read("company");
  const line1 = read("line1");
  let line2 = read("line2");
  let city = read("city");
  const regionRaw = read("region");
  const postalRaw = read("postalCode");
  const phone = read("phone");

  const knownCountry = isCountry(country);
  if (!country) issue("missing_field", "country", "Country is missing");
  else if (!knownCountry) issue("country_invalid", "country", `"${country}" is not an ISO 3166-1 alpha-2 country code`);

  if (!name) issue("missing_field", "name", "Recipient name is missing");
  if (!line1) issue("missing_field", "line1", "Address line 1 (street and number) is missing");
  if (!city && CITY_OF_COUNTRY[country]) city = CITY_OF_COUNTRY[country];
  if (!city) issue("missing_field", "city", "City is missing");

  let postalCode: string | undefined;
  if (postalRaw) {
    const result = knownCountry
      ? checkPostalCode(country, postalRaw)
      : { status: "unknown_format" as const, canonical: postalRaw };
    switch (result.status) {
      case "valid":
      case "unknown_format":
        postalCode = result.canonical;
        break;
      case "not_used":
        if (!isPostalCodeFiller(postalRaw)) {
          issue(
            "postal_code_unexpected",
            "postalCode",
            `${country} does not use postal codes; "${postalRaw}" was left out`,
            "warning",
          );
        }
        break;
      case "placeholder":
      case "invalid":
        postalCode = postalRaw;
        issue(
          "postal_code_invalid",
          "postalCode",
          `Postal code "${postalRaw}" is ${result.status === "placeholder" ? "a placeholder, not" : "not"} a valid ${country} postal code (expected ${result.format.description}, e.g. ${result.format.example})`,
        );
        break;
    }
  } else if (knownCountry) {
    const format = postalCodeFormat(country);
    if (format) {
      issue(
        "missing_field",
        "postalCode",
        `Postal code is ${format.required ? "required" : "missing; it is optional"} for ${country} (${format.description}, e.g. ${format.example})`,
        format.required ? "error" : "warning",
      );
    }
  }

  let region: string | undefined = regionRaw || undefined;
  const regions = regionTable(country);
  if (regions) {
    const found = regionRaw
      ? resolveRegion(country, regionRaw)
      : findRegionInText(country, `${city} ${line1} ${line2}`);
    if (found) {
      region = regions.normalizeTo === "code" ? found.code : found.name;
      const expected = postalCode && regionsForPostalCode(country, postalCode);
      if (expected && !issues.some((i) => i.field === "postalCode") && !expected.includes(found.code)) {
        issue(
          "postal_code_region_mismatch",
          "postalCode",
          `Postal code ${postalCode} belongs to ${expected.join("/")}, not ${found.code}`,
          "warning",
        );
      }
    } else if (!regionRaw) {
      issue(
        "region_missing",
        "region",
        `${regions.label} is ${regions.strictness === "error" ? "required" : "missing"} for ${country} addresses (e.g. ${regions.example})`,
        regions.strictness,
      );
    } else {
      issue(
        "region_invalid",
        "region",
        `"${regionRaw}" is not a known ${regions.label.toLowerCase()} of ${country} (e.g. ${regions.example})`,
        regions.strictness,
      );
    }
  }

  if (line1) {
    const reason = placeholderReason(line1);
    if (reason) {
      issue("vague_address", "line1", `Address line 1 ${reason}`);
    } else if (streetLineWeight(line1) < MIN_STREET_WEIGHT) {
      issue("vague_address", "line1", `Address line 1 ("${line1}") is too short for a courier to find the place`);
    } else if (HOUSE_NUMBER_COUNTRIES.has(country) && !hasHouseNumber(`${line1} ${line2}`)) {
      issue(
        "vague_address",
        "line1",
        `Address line 1 ("${line1}") has no house or building number, which ${country} addresses normally have`,
      );
    } else if (!/\p{L}/u.test(`${line1}${line2}`) && country !== "JP") {
      issue("vague_address", "line1", `Address line 1 ("${line1}") has only numbers and no street name`);
    }
  }
  if (city && city !== CITY_OF_COUNTRY[country]) {
    const reason = placeholderReason(city);
    if (reason) issue("vague_address", "city", `City ${reason}`);
  }
  if (name) {
    const reason = placeholderReason(name);
    if (reason) issue("vague_address", "name", `Recipient name ${reason}`);
  }
  if (line2 && placeholderReason(line2)) {
    issue("placeholder_removed", "line2", `Address line 2 ("${line2}") looked like filler and was left out`, "warning");
    line2 = "";
  }

  if (options?.carrierRequiresLatin) {
    const scriptFields: Array<[AddressField, string]> = [
      ["name", name],
      ["company", company],
      ["line1", line1],
      ["line2", line2],
      ["city", city],
      ["region", region ?? ""],
    ];
    for (const [field, value] of scriptFields) {
      const scripts = detectNonLatinScripts(value);
      if (scripts.length > 0) {
        issue(
          "non_latin_script",
          field,
          `${FIELD_LABELS[field]} is written in ${scripts.join(" and ")} script; the carrier needs Latin letters — ask the customer for a romanized address`,
        );
      }
    }
  }

  if (options?.carrierRefusesPoBox) {
    for (const [field, value] of [
      ["line1", line1],
      ["line2", line2],
    ] as const) {
      const poBox = value ? detectPoBox(value, country) : null;
      if (poBox) {
        issue(
          "po_box",
          field,
          `${FIELD_LABELS[field]} is a PO box ("${poBox}"); the carrier does not deliver to PO boxes — a street address is needed`,
        );
      }
    }
  }

  const normalized: NormalizedAddress = {
    name,
    ...(company ? { company } : {}),
    line1,
    ...(line2 ? { line2 } : {}),
    city,
    ...(region ? { region } : {}),
    ...(postalCode ? { postalCode } : {}),
    country,
    ...(phone ? { phone } : {}),
  };
  return { ok: !issues.some((i) => i.severity === "error"), issues, normalized };
}
