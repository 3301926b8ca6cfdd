import { cleanText, foldForMatch } from "../address/text";
import type { AddressInput } from "../address/types";

// Street words that people spell several ways, reduced to one spelling.
const SYNONYMS: Record<string, string> = {
  street: "st",
  str: "st",
  st: "st",
  strasse: "st",
  straat: "st",
  saint: "st",
  avenue: "ave",
  ave: "ave",
  av: "ave",
  avda: "ave",
  avenida: "ave",
  road: "rd",
  boulevard: "blvd",
  boul: "blvd",
  bd: "blvd",
  drive: "dr",
  lane: "ln",
  court: "ct",
  place: "pl",
  plac: "pl",
  square: "sq",
  highway: "hwy",
  parkway: "pkwy",
  terrace: "ter",
  terr: "ter",
  crescent: "cres",
  circle: "cir",
  mount: "mt",
  fort: "ft",
  building: "bldg",
  floor: "fl",
  ulica: "ul",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

// Unit and number designators carry no information once the number itself is kept:
// "Apt 5", "Unit 5", "#5" and "No. 5" are the same door.
const DESIGNATORS = new Set([
  "apt",
  "apartment",
  "flat",
  "unit",
  "suite",
  "ste",
  "room",
  "rm",
  "no",
  "nr",
  "number",
  "num",
]);

function normalizeStreetWords(text: string): string {
  const words = foldForMatch(text.replace(/&/g, " and "))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => {
      if (SYNONYMS[word]) return SYNONYMS[word];
      // German and Dutch compounds: "Invalidenstraße" = "Invalidenstr." = "Invalidenstr".
      return word.replace(/(?:strasse|straat)$/u, "str");
    })
    .filter((word) => !DESIGNATORS.has(word));
  const merged: string[] = [];
  for (const word of words) {
    const previous = merged[merged.length - 1];
    // "12 A" and "12A" are the same house.
    if (previous && /^\d+$/.test(previous) && /^\p{L}$/u.test(word)) merged[merged.length - 1] = previous + word;
    else merged.push(word);
  }
  return merged.join(" ");
}

/**
 * A stable key for "the same delivery address" across orders, for deny lists and velocity:
 * `COUNTRY|POSTALCODE|street words`, e.g. `DE|10115|invalidenstr 1`. Lower case, accents and
 * punctuation removed, street-type words unified (street/str./st, avenue/ave/av), unit
 * designators dropped, the postal code without spaces. The city is used only when there is
 * no postal code, because cities are spelled in many ways (München, Munich) and the postal
 * code already pins the place. The recipient name is left out on purpose: it is the part a
 * repeat fraudster changes.
 */
export function addressFingerprint(address: AddressInput): string {
  const country = cleanText(address.country).text.toUpperCase();
  const postal = cleanText(address.postalCode)
    .text.normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
  const place = postal || normalizeStreetWords(cleanText(address.city).text);
  const street = normalizeStreetWords(`${cleanText(address.line1).text} ${cleanText(address.line2).text}`);
  return `${country}|${place}|${street}`;
}

/** Whether a string has the shape addressFingerprint produces, so a deny-list entry can be checked. */
export function isAddressFingerprint(value: string): boolean {
  return /^[A-Z]{2}\|[^|]*\|[^|]+$/u.test(value);
}
