import { foldForMatch } from "./text";

// Whole-field values people type to get past a required field.
const PLACEHOLDERS = new Set(
  `na n/a nil none null undefined unknown tbd tba test testing tester asdf asd sdf qwerty qwer zxcv xxx xx x abc
  abcd aaa foo foobar baz dummy fake sample example lorem ipsum loremipsum nothing noaddress address
  same sameasbilling sameasabove idk dunno nope no yes ok hello hi blah blahblah`
    .split(/\s+/)
    .map((word) => word.replace(/[^a-z0-9-]/g, "")),
);
const PLACEHOLDER_WORDS = new Set([
  "test",
  "testing",
  "asdf",
  "qwerty",
  "dummy",
  "fake",
  "sample",
  "lorem",
  "ipsum",
  "foo",
  "xxx",
]);
const KEYBOARD_RUNS = ["asdf", "qwer", "zxcv", "hjkl", "sdfg", "dfgh", "wert", "uiop"];
const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]/u;

/** Why a value looks typed to fill a field rather than a real value, or null. */
export function placeholderReason(value: string): string | null {
  const folded = foldForMatch(value).trim();
  const letters = folded.replace(/[^\p{L}\p{N}]+/gu, "");
  if (letters === "") return `has no letters or digits ("${value}")`;
  if (PLACEHOLDERS.has(letters)) return `is a placeholder ("${value}")`;
  if (letters.length >= 3 && /^(.)\1+$/u.test(letters)) return `is one character repeated ("${value}")`;
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const wordsWithLetters = words.filter((w) => /\p{L}/u.test(w));
  if (wordsWithLetters.length > 0 && wordsWithLetters.every((w) => PLACEHOLDER_WORDS.has(w))) {
    return `is a placeholder ("${value}")`;
  }
  if (KEYBOARD_RUNS.some((run) => letters.startsWith(run))) return `looks like random keystrokes ("${value}")`;
  const mash = wordsWithLetters.find((w) => /^\p{Script=Latin}+$/u.test(w) && w.length >= 6 && !VOWELS.test(w));
  if (mash) return `looks like random keystrokes ("${mash}")`;
  return null;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Letters and digits in a street line, counting each CJK or Hangul character twice (they carry more). */
export function streetLineWeight(line: string): number {
  let weight = 0;
  for (const ch of line.match(/[\p{L}\p{N}]/gu) ?? []) weight += WIDE.test(ch) ? 2 : 1;
  return weight;
}

// Countries where a street address without a house or building number is rare enough to
// need a person: rural addresses without numbers are common in GB, IE, FR, IT, ES and most
// of the Middle East, so those are not checked.
export const HOUSE_NUMBER_COUNTRIES: ReadonlySet<string> = new Set(
  "US CA AU NZ DE AT CH LI NL BE LU DK SE NO FI IS PL CZ SK HU SI HR EE LV LT BR MX AR JP KR TW IL".split(" "),
);

const NUMBER_LIKE = /[\p{Nd}〇一二三四五六七八九十百千]/u;

export function hasHouseNumber(text: string): boolean {
  return NUMBER_LIKE.test(text);
}
