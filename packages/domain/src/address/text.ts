/** Longest field we look at; anything beyond is reported and cut, so checks stay linear. */
export const MAX_FIELD_LENGTH = 300;

/** A field value as text, whatever the caller actually passed. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

// Control characters, lone surrogates and invisible formatting characters break labels and
// carrier APIs; zero-width joiners are kept because some scripts need them.
const UNPRINTABLE = /[\p{Cc}\p{Cs}\u200B\u2028\u2029\uFEFF]/gu;

export interface CleanedText {
  text: string;
  hadUnprintable: boolean;
  truncated: boolean;
}

/** NFC, unprintable characters removed, whitespace collapsed, trimmed, at most MAX_FIELD_LENGTH. */
export function cleanText(value: unknown): CleanedText {
  const raw = asText(value);
  const truncated = raw.length > MAX_FIELD_LENGTH * 4;
  let text = raw.slice(0, MAX_FIELD_LENGTH * 4);
  const withoutUnprintable = text.replace(UNPRINTABLE, " ");
  const hadUnprintable = withoutUnprintable !== text;
  text = withoutUnprintable.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (text.length > MAX_FIELD_LENGTH)
    return { text: text.slice(0, MAX_FIELD_LENGTH).trim(), hadUnprintable, truncated: true };
  return { text, hadUnprintable, truncated };
}

const LATIN_LIGATURES: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/**
 * A matching key: compatibility-normalized (full-width digits become ASCII), lower case, with
 * diacritics removed from Latin letters only (stripping them from kana would change the word).
 */
export function foldForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LATIN_LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC");
}

/** foldForMatch with everything but letters and digits removed: "N.Y." and "ny" meet. */
export function compactKey(text: string): string {
  return foldForMatch(text.replace(/&/g, " and ")).replace(/[^\p{L}\p{N}]+/gu, "");
}
