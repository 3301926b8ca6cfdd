import { isCountry } from "../country";
import { isCurrency } from "../currency";
import { validateHsCode } from "./hs-code";

export interface CustomsProfileInput {
  sku?: string;
  hsCode?: string | null;
  originCountry?: string | null;
  customsDescription?: string | null;
  /** Integer minor units of `currency`, per unit. */
  customsValue?: number | null;
  currency?: string | null;
}

export type CustomsProfileField = "hsCode" | "originCountry" | "customsDescription" | "customsValue" | "currency";

export interface CustomsProfileIssue {
  field: CustomsProfileField;
  code: string;
  message: string;
}

// Words customs authorities reject when they are the whole description (EU guidance on
// acceptable goods descriptions, WCO/UPU CN22-CN23 instructions): they do not say what the goods are.
const GENERIC_WORDS = new Set([
  "gift",
  "gifts",
  "present",
  "presents",
  "sample",
  "samples",
  "goods",
  "merchandise",
  "item",
  "items",
  "parts",
  "part",
  "spare",
  "spares",
  "accessories",
  "accessory",
  "product",
  "products",
  "stuff",
  "things",
  "thing",
  "article",
  "articles",
  "general",
  "misc",
  "miscellaneous",
  "various",
  "other",
  "others",
  "set",
  "kit",
  "package",
  "parcel",
  "commodity",
  "commodities",
  "consumer",
  "personal",
  "use",
  "effects",
  "new",
  "used",
  "free",
  "of",
  "and",
  "for",
  "a",
  "the",
]);

const MIN_DESCRIPTION_LENGTH = 3;

/** True when every word of the description is a generic word ("Gift", "Sample parts", "Accessories"). */
export function isGenericCustomsDescription(description: string): boolean {
  const words = description
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length === 0 || words.every((word) => GENERIC_WORDS.has(word));
}

/**
 * What keeps a SKU from clearing customs: HS code present and valid (HS 2022), origin country
 * an ISO 3166-1 alpha-2 code, a customs description that says what the goods are, and a
 * positive customs value in integer minor units. An empty list means the profile is complete.
 */
export function checkCustomsProfile(product: CustomsProfileInput): CustomsProfileIssue[] {
  const issues: CustomsProfileIssue[] = [];

  const hs = validateHsCode(product.hsCode);
  for (const issue of hs.issues) issues.push({ field: "hsCode", code: issue.code, message: issue.message });

  const origin = (product.originCountry ?? "").trim();
  if (!origin) {
    issues.push({ field: "originCountry", code: "origin_missing", message: "Country of origin is missing" });
  } else if (!isCountry(origin)) {
    issues.push({
      field: "originCountry",
      code: "origin_invalid",
      message: `Country of origin "${origin}" is not an ISO 3166-1 alpha-2 code in upper case (e.g. CN)`,
    });
  }

  const description = (product.customsDescription ?? "").trim();
  if (!description) {
    issues.push({
      field: "customsDescription",
      code: "description_missing",
      message: "Customs description is missing",
    });
  } else if (description.length < MIN_DESCRIPTION_LENGTH || isGenericCustomsDescription(description)) {
    issues.push({
      field: "customsDescription",
      code: "description_generic",
      message: `Customs description "${description}" is too vague for customs; say what the goods are and what they are made of (e.g. "Men's cotton T-shirt")`,
    });
  }

  const value = product.customsValue;
  if (value === undefined || value === null) {
    issues.push({ field: "customsValue", code: "value_missing", message: "Customs value is missing" });
  } else if (!Number.isSafeInteger(value)) {
    issues.push({
      field: "customsValue",
      code: "value_not_integer",
      message: `Customs value ${value} must be an integer amount in minor units`,
    });
  } else if (value <= 0) {
    issues.push({ field: "customsValue", code: "value_not_positive", message: "Customs value must be greater than 0" });
  }

  if (product.currency !== undefined && product.currency !== null && !isCurrency(product.currency)) {
    issues.push({
      field: "currency",
      code: "currency_invalid",
      message: `Currency "${product.currency}" is not an ISO 4217 code`,
    });
  }
  return issues;
}
