import { HS_2022_CHAPTER_TITLES, HS_EDITION, HS_RESERVED_CHAPTERS } from "./hs-chapters";
import { HS_2022_HEADING_TEXTS, HS_2022_SUBHEADING_TEXTS } from "./hs-heading-texts";
import { HS_2022_HEADINGS } from "./hs-headings";

export type HsCodeIssueCode =
  | "hs_code_missing"
  | "hs_code_format"
  | "hs_code_length"
  | "hs_chapter_unknown"
  | "hs_chapter_reserved"
  | "hs_heading_unknown";

export interface HsCodeIssue {
  code: HsCodeIssueCode;
  message: string;
}

export interface HsCodeValidation {
  valid: boolean;
  /** Digits only ("6109.10.00" → "61091000"), or null when the input has other characters. */
  normalized: string | null;
  chapter: string | null;
  heading: string | null;
  /** The international six-digit subheading, when the code has at least six digits. */
  subheading: string | null;
  /** Digits beyond the sixth: a national tariff line (EU CN/TARIC, UK, US HTS…), not checked here. */
  nationalExtension: string | null;
  chapterTitle: string | null;
  headingText: string | null;
  subheadingText: string | null;
  edition: string;
  issues: HsCodeIssue[];
}

// Dots, spaces and hyphens are how tariff codes are usually printed ("6109.10", "6109 10 00").
const SEPARATORS = /[\s.-]/g;
const ALLOWED_LENGTHS = new Set([6, 8, 9, 10]);

/**
 * Checks a tariff code against the HS 2022 structure: at least the six international digits
 * (national extensions of 8 to 10 digits are accepted), an existing, non-reserved chapter and
 * an existing four-digit heading. Six-digit subheadings and national lines are accepted
 * structurally; their existence is not verified against a national tariff.
 */
export function validateHsCode(code: string | null | undefined): HsCodeValidation {
  const result: HsCodeValidation = {
    valid: false,
    normalized: null,
    chapter: null,
    heading: null,
    subheading: null,
    nationalExtension: null,
    chapterTitle: null,
    headingText: null,
    subheadingText: null,
    edition: HS_EDITION,
    issues: [],
  };
  const raw = (code ?? "").trim();
  if (!raw) {
    result.issues.push({ code: "hs_code_missing", message: "HS code is missing" });
    return result;
  }
  const digits = raw.replace(SEPARATORS, "");
  if (!/^\d+$/.test(digits)) {
    result.issues.push({
      code: "hs_code_format",
      message: `HS code "${raw}" must contain only digits (dots, spaces and hyphens are ignored)`,
    });
    return result;
  }
  result.normalized = digits;
  if (!ALLOWED_LENGTHS.has(digits.length)) {
    result.issues.push({
      code: "hs_code_length",
      message:
        digits.length < 6
          ? `HS code "${raw}" has ${digits.length} digits; customs needs at least the 6-digit subheading`
          : `HS code "${raw}" has ${digits.length} digits; use 6 (HS) or a national line of 8, 9 or 10 digits`,
    });
  }
  const chapter = digits.slice(0, 2);
  if (digits.length >= 2) {
    if (HS_RESERVED_CHAPTERS.has(chapter)) {
      result.issues.push({
        code: "hs_chapter_reserved",
        message: `Chapter ${chapter} is reserved in ${HS_EDITION} and holds no goods`,
      });
    } else if (!HS_2022_CHAPTER_TITLES[chapter]) {
      result.issues.push({ code: "hs_chapter_unknown", message: `Chapter ${chapter} does not exist in ${HS_EDITION}` });
    } else {
      result.chapter = chapter;
      result.chapterTitle = HS_2022_CHAPTER_TITLES[chapter] ?? null;
    }
  }
  if (result.chapter && digits.length >= 4) {
    const heading = digits.slice(0, 4);
    if (HS_2022_HEADINGS.has(heading)) {
      result.heading = heading;
      result.headingText = HS_2022_HEADING_TEXTS[heading] ?? null;
    } else {
      result.issues.push({
        code: "hs_heading_unknown",
        message: `Heading ${heading.slice(0, 2)}.${heading.slice(2)} does not exist in ${HS_EDITION} (deleted or never used)`,
      });
    }
  }
  if (result.heading && digits.length >= 6) {
    result.subheading = digits.slice(0, 6);
    result.subheadingText = HS_2022_SUBHEADING_TEXTS[result.subheading] ?? null;
    result.nationalExtension = digits.length > 6 ? digits.slice(6) : null;
  }
  result.valid = result.issues.length === 0;
  return result;
}

/** "610910" → "6109.10", "61091000" → "6109.10.00"; other input is returned as is. */
export function formatHsCode(code: string): string {
  const digits = code.replace(SEPARATORS, "");
  if (!/^\d{6,10}$/.test(digits)) return code;
  const parts = [digits.slice(0, 4), digits.slice(4, 6)];
  if (digits.length > 6) parts.push(digits.slice(6));
  return parts.join(".");
}
