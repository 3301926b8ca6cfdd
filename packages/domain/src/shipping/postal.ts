import type { PostalArea } from "./types";

const compiled = new Map<string, RegExp | null>();

/** The pattern as a whole-string RegExp, or null when it is not a valid regular expression. */
export function compilePostalPattern(source: string): RegExp | null {
  let regex = compiled.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`);
    } catch {
      regex = null;
    }
    compiled.set(source, regex);
  }
  return regex;
}

/** Upper case, spaces and hyphens removed: "sw1a 1aa" → "SW1A1AA", "9500-123" → "9500123". */
export function normalizePostalCode(postalCode: string): string {
  return postalCode.toUpperCase().replace(/[\s-]/g, "");
}

export function findPostalArea(
  areas: readonly PostalArea[],
  country: string,
  postalCode: string | undefined,
): PostalArea | null {
  if (!postalCode) return null;
  const code = normalizePostalCode(postalCode);
  for (const area of areas) {
    if (area.country !== country) continue;
    if (area.postalCodePatterns.some((p) => compilePostalPattern(p)?.test(code))) return area;
  }
  return null;
}
