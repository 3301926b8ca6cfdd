import { foldForMatch } from "./text";

export interface PostalCodeFormat {
  /** Human description shown in messages, e.g. "5 digits". */
  description: string;
  example: string;
  /** False where codes exist but are often left out (a missing one is only a warning). */
  required: boolean;
  pattern: RegExp;
  /** Canonical spelling from a match of `pattern`. */
  canonical: (match: RegExpExecArray) => string;
  /** Country prefixes people write before the code ("D-10115", "CH-8001"), removed when present. */
  prefixes?: readonly string[];
}

const whole = (m: RegExpExecArray) => m[0];
const joined = (m: RegExpExecArray) => m.slice(1).join("");
const withSeparator = (separator: string) => (m: RegExpExecArray) => (m[2] ? `${m[1]}${separator}${m[2]}` : `${m[1]}`);

function digits(count: number, example: string, extra: Partial<PostalCodeFormat> = {}): PostalCodeFormat {
  return {
    description: `${count} digits`,
    example,
    required: true,
    pattern: new RegExp(`^\\d{${count}}$`),
    canonical: whole,
    ...extra,
  };
}

function split(head: number, tail: number, separator: string, example: string, extra: Partial<PostalCodeFormat> = {}) {
  return {
    description: `${head + tail} digits written ${"N".repeat(head)}${separator}${"N".repeat(tail)}`,
    example,
    required: true,
    pattern: new RegExp(`^(\\d{${head}})[ -]?(\\d{${tail}})$`),
    canonical: withSeparator(separator),
    ...extra,
  } satisfies PostalCodeFormat;
}

const GB_FORMAT: PostalCodeFormat = {
  description: "a UK postcode such as SW1A 1AA",
  example: "SW1A 1AA",
  required: true,
  pattern: /^([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?(\d[ABD-HJLNP-UW-Z]{2})$/,
  canonical: withSeparator(" "),
};

/**
 * Postal-code formats of the largest e-commerce destinations and their neighbours. Patterns
 * run on the code upper-cased with whitespace collapsed, so "sw1a1aa" and "SW1A  1AA" both
 * become "SW1A 1AA".
 */
export const POSTAL_CODE_FORMATS: Readonly<Record<string, PostalCodeFormat>> = {
  US: {
    description: "5 digits, or ZIP+4 written 12345-6789",
    example: "10001",
    required: true,
    pattern: /^(\d{5})(?:[ -]?(\d{4}))?$/,
    canonical: withSeparator("-"),
  },
  PR: {
    description: "a ZIP code starting 006, 007 or 009",
    example: "00901",
    required: true,
    pattern: /^(00[679]\d{2})(?:[ -]?(\d{4}))?$/,
    canonical: withSeparator("-"),
  },
  CA: {
    description: "letter-digit-letter digit-letter-digit, e.g. M5V 2T6",
    example: "M5V 2T6",
    required: true,
    pattern: /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/,
    canonical: withSeparator(" "),
  },
  MX: digits(5, "06700"),
  BR: {
    description: "8 digits written NNNNN-NNN",
    example: "01310-100",
    required: true,
    pattern: /^(\d{5})[-. ]?(\d{3})$/,
    canonical: withSeparator("-"),
  },
  AR: {
    description: "a CPA such as C1425DKH, or the older 4 digits",
    example: "C1425DKH",
    required: true,
    pattern: /^(?:[A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})$/,
    canonical: whole,
  },
  CL: digits(7, "8320000", { required: false, pattern: /^(\d{3})-?(\d{4})$/, canonical: joined }),
  CO: digits(6, "110111", { required: false }),
  PE: digits(5, "15001", { required: false }),
  GB: GB_FORMAT,
  GG: { ...GB_FORMAT, description: "a Guernsey postcode such as GY1 1AA", example: "GY1 1AA" },
  JE: { ...GB_FORMAT, description: "a Jersey postcode such as JE2 3AB", example: "JE2 3AB" },
  IM: { ...GB_FORMAT, description: "an Isle of Man postcode such as IM1 1AA", example: "IM1 1AA" },
  IE: {
    description: "an Eircode such as D02 X285",
    example: "D02 X285",
    required: false,
    pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?([AC-FHKNPRTV-Y\d]{4})$/,
    canonical: withSeparator(" "),
  },
  DE: {
    description: "5 digits",
    example: "10115",
    required: true,
    pattern: /^(?:0[1-9]\d{3}|[1-9]\d{4})$/,
    canonical: whole,
    prefixes: ["D", "DE"],
  },
  FR: digits(5, "75011", { prefixes: ["F", "FR"] }),
  MC: digits(5, "98000", { pattern: /^980\d{2}$/, description: "5 digits starting 980", prefixes: ["MC"] }),
  IT: digits(5, "00184", { prefixes: ["I", "IT"] }),
  ES: digits(5, "28004", { pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, prefixes: ["E", "ES"] }),
  PT: split(4, 3, "-", "1000-001", { prefixes: ["P", "PT"] }),
  NL: {
    description: "4 digits and 2 letters, e.g. 1015 CJ",
    example: "1015 CJ",
    required: true,
    pattern: /^([1-9]\d{3}) ?((?!SA|SD|SS)[A-Z]{2})$/,
    canonical: withSeparator(" "),
    prefixes: ["NL"],
  },
  BE: digits(4, "1000", { pattern: /^[1-9]\d{3}$/, prefixes: ["B", "BE"] }),
  LU: digits(4, "1009", { prefixes: ["L", "LU"] }),
  CH: digits(4, "8001", { pattern: /^[1-9]\d{3}$/, prefixes: ["CH"] }),
  LI: digits(4, "9490", { pattern: /^94(?:8[5-9]|9[0-8])$/, description: "4 digits from 9485 to 9498" }),
  AT: digits(4, "1010", { pattern: /^[1-9]\d{3}$/, prefixes: ["A", "AT"] }),
  DK: digits(4, "2100", { pattern: /^[1-9]\d{3}$/, prefixes: ["DK"] }),
  NO: digits(4, "0150", { prefixes: ["N", "NO"] }),
  SE: split(3, 2, " ", "111 52", { pattern: /^([1-9]\d{2}) ?(\d{2})$/, prefixes: ["S", "SE"] }),
  FI: digits(5, "00100", { prefixes: ["FI", "FIN", "SF"] }),
  AX: digits(5, "22100", { pattern: /^22\d{3}$/, description: "5 digits starting 22", prefixes: ["AX"] }),
  IS: digits(3, "101"),
  PL: split(2, 3, "-", "00-001", { prefixes: ["PL"] }),
  CZ: split(3, 2, " ", "110 00", { pattern: /^([1-7]\d{2}) ?(\d{2})$/, prefixes: ["CZ"] }),
  SK: split(3, 2, " ", "811 01", { pattern: /^([089]\d{2}) ?(\d{2})$/, prefixes: ["SK"] }),
  HU: digits(4, "1051", { pattern: /^[1-9]\d{3}$/, prefixes: ["H", "HU"] }),
  RO: digits(6, "010011", { prefixes: ["RO"] }),
  BG: digits(4, "1000", { prefixes: ["BG"] }),
  GR: split(3, 2, " ", "104 31", { pattern: /^([1-8]\d{2}) ?(\d{2})$/, prefixes: ["GR"] }),
  CY: digits(4, "1010", { prefixes: ["CY"] }),
  MT: {
    description: "3 letters and 4 digits, e.g. VLT 1117",
    example: "VLT 1117",
    required: true,
    pattern: /^([A-Z]{3}) ?(\d{4})$/,
    canonical: withSeparator(" "),
  },
  SI: digits(4, "1000", { pattern: /^[1-9]\d{3}$/, prefixes: ["SI"] }),
  HR: digits(5, "10000", { pattern: /^[1-5]\d{4}$/, prefixes: ["HR"] }),
  EE: digits(5, "10111", { prefixes: ["EE"] }),
  LV: {
    description: "LV- and 4 digits",
    example: "LV-1050",
    required: true,
    pattern: /^(?:LV ?-? ?)?(\d{4})$/,
    canonical: (m) => `LV-${m[1]}`,
  },
  LT: {
    description: "LT- and 5 digits",
    example: "LT-01100",
    required: true,
    pattern: /^(?:LT ?-? ?)?(\d{5})$/,
    canonical: (m) => `LT-${m[1]}`,
  },
  UA: digits(5, "01001"),
  RU: digits(6, "101000"),
  TR: digits(5, "34000", {
    pattern: /^(?:0[1-9]|[1-7]\d|8[01])\d{3}$/,
    description: "5 digits starting with a province number 01–81",
  }),
  IL: digits(7, "6100000", { pattern: /^\d{5}(?:\d{2})?$/, description: "7 digits (older 5-digit codes accepted)" }),
  SA: {
    description: "5 digits, optionally followed by -NNNN",
    example: "11564",
    required: false,
    pattern: /^([1-9]\d{4})(?:[ -]?(\d{4}))?$/,
    canonical: withSeparator("-"),
  },
  KW: digits(5, "13001", { required: false }),
  BH: digits(3, "317", { pattern: /^\d{3,4}$/, description: "3 or 4 digits", required: false }),
  OM: digits(3, "112", { required: false }),
  JO: digits(5, "11118", { required: false }),
  EG: digits(5, "11511", { required: false }),
  MA: digits(5, "20000"),
  ZA: digits(4, "8001"),
  NG: digits(6, "100001", { required: false }),
  KE: digits(5, "00100", { required: false }),
  CN: digits(6, "100000"),
  TW: {
    description: "3, 5 or 6 digits",
    example: "110",
    required: true,
    pattern: /^(\d{3})(?:-?(\d{2,3}))?$/,
    canonical: joined,
  },
  JP: {
    description: "7 digits written NNN-NNNN",
    example: "150-0002",
    required: true,
    pattern: /^(\d{3})[-‐ー ]?(\d{4})$/,
    canonical: withSeparator("-"),
  },
  KR: digits(5, "04524", { description: "5 digits (the 6-digit format was retired in 2015)" }),
  IN: {
    description: "a 6-digit PIN code",
    example: "110001",
    required: true,
    pattern: /^([1-9]\d{2}) ?(\d{3})$/,
    canonical: joined,
  },
  PK: digits(5, "44000", { required: false }),
  BD: digits(4, "1000", { required: false }),
  LK: digits(5, "00100", { required: false }),
  SG: digits(6, "018956"),
  MY: digits(5, "50450"),
  TH: digits(5, "10200", { pattern: /^[1-9]\d{4}$/ }),
  VN: digits(5, "10000", {
    pattern: /^\d{5,6}$/,
    description: "5 digits (older 6-digit codes accepted)",
    required: false,
  }),
  PH: digits(4, "1000"),
  ID: digits(5, "10110", { pattern: /^[1-9]\d{4}$/ }),
  AU: digits(4, "2000"),
  NZ: digits(4, "1010"),
};

/** Places with no postal-code system: a value there is ignored rather than validated. */
export const COUNTRIES_WITHOUT_POSTAL_CODES: ReadonlySet<string> = new Set(
  "AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK HM KI KM KN KP LC ML MO MR MS MW NR NU QA RW SB SC SL SR ST SY TF TG TK TL TO TT TV UG VU YE ZW".split(
    " ",
  ),
);

export type PostalCodeCheck =
  | { status: "valid"; canonical: string }
  | { status: "invalid"; format: PostalCodeFormat }
  | { status: "placeholder"; format: PostalCodeFormat }
  | { status: "not_used" }
  | { status: "unknown_format"; canonical: string };

/** Upper case, compatibility-normalized (full-width digits), "〒" mark dropped, whitespace collapsed. */
function preparePostalCode(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/^〒/, "")
    .toUpperCase()
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

export function postalCodeFormat(country: string): PostalCodeFormat | undefined {
  return POSTAL_CODE_FORMATS[country];
}

/** Validates and canonicalizes a non-empty postal code for a country. */
export function checkPostalCode(country: string, raw: string): PostalCodeCheck {
  const code = preparePostalCode(raw);
  if (COUNTRIES_WITHOUT_POSTAL_CODES.has(country)) return { status: "not_used" };
  const format = POSTAL_CODE_FORMATS[country];
  if (!format) return { status: "unknown_format", canonical: code };
  if (/^0+$/.test(code.replace(/[ -]/g, ""))) return { status: "placeholder", format };
  const direct = format.pattern.exec(code);
  if (direct) return { status: "valid", canonical: format.canonical(direct) };
  for (const prefix of format.prefixes ?? []) {
    const rest = /^([A-Z]+) ?- ?(.*)$/.exec(code) ?? /^([A-Z]+) (.*)$/.exec(code);
    if (rest && rest[1] === prefix && rest[2]) {
      const match = format.pattern.exec(rest[2]);
      if (match) return { status: "valid", canonical: format.canonical(match) };
    }
  }
  return { status: "invalid", format };
}

/** True for values people type when a country has no postal code: "00000", "n/a", "-", "none". */
export function isPostalCodeFiller(raw: string): boolean {
  const key = foldForMatch(raw).replace(/[^\p{L}\p{N}]+/gu, "");
  return (
    key === "" || /^0+$/.test(key) || ["na", "none", "nil", "no", "null", "nopostcode", "nopostalcode"].includes(key)
  );
}
