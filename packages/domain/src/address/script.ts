// Scripts a label printer limited to Latin cannot print, in the order we name them.
const NAMED_SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["Han (Chinese characters)", /\p{Script=Han}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Bengali", /\p{Script=Bengali}/u],
  ["Tamil", /\p{Script=Tamil}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Armenian", /\p{Script=Armenian}/u],
];

/**
 * The non-Latin writing systems used in a text (letters only: digits and punctuation are
 * shared by all scripts). Empty when the text is entirely Latin, accents included.
 */
export function detectNonLatinScripts(text: string): string[] {
  const letters = text.match(/[\p{L}\p{M}]/gu);
  if (!letters) return [];
  const found = new Set<string>();
  for (const ch of new Set(letters)) {
    if (/[\p{Script=Latin}\p{Script=Inherited}\p{Script=Common}]/u.test(ch)) continue;
    const named = NAMED_SCRIPTS.find(([, pattern]) => pattern.test(ch));
    found.add(named ? named[0] : "other non-Latin");
  }
  return NAMED_SCRIPTS.map(([name]) => name)
    .concat("other non-Latin")
    .filter((name) => found.has(name));
}
