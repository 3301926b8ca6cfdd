import { HS_2022_CHAPTER_TITLES } from "./hs-chapters";
import { HS_2022_HEADING_TEXTS, HS_2022_SUBHEADING_TEXTS } from "./hs-heading-texts";
import { HS_KEYWORD_RULES, type HsKeywordRule } from "./hs-keywords";

export interface HsSuggestionInput {
  title: string;
  description?: string | null;
}

export interface HsSuggestion {
  /** Six digits where a subheading could be chosen, otherwise the four-digit heading. */
  hsCode: string;
  heading: string;
  headingText: string | null;
  /** Text of the suggested code (subheading text when six digits). */
  description: string | null;
  /** 1–99: how strongly the words point to this code; compare within one answer only. */
  score: number;
  /** The words of the title or description that led here. */
  matchedWords: string[];
  explanation: string;
}

interface Token {
  stem: string;
  word: string;
}

/** Lower case, accents off, hyphens inside words joined ("T-Shirt" → "tshirt", "e-bike" → "ebike"). */
function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([a-z0-9])-(?=[a-z0-9])/g, "$1");
}

/** Light stemming: enough to fold plurals ("hoodies", "glasses", "earbuds") onto the rule words. */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function tokenize(text: string): Token[] {
  return normalize(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => ({ word, stem: stemWord(word) }));
}

const termCache = new Map<string, string[]>();
function termStems(term: string): string[] {
  let stems = termCache.get(term);
  if (!stems) {
    stems = tokenize(term).map((t) => t.stem);
    termCache.set(term, stems);
  }
  return stems;
}

/** The input words a term matches, or null: consecutive stems, or two input words written apart ("t shirt"). */
function findTerm(tokens: readonly Token[], term: string): string | null {
  const stems = termStems(term);
  if (stems.length === 0) return null;
  for (let i = 0; i + stems.length <= tokens.length; i++) {
    if (stems.every((s, k) => tokens[i + k]?.stem === s)) {
      return tokens
        .slice(i, i + stems.length)
        .map((t) => t.word)
        .join(" ");
    }
  }
  if (stems.length === 1) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i] as Token;
      const b = tokens[i + 1] as Token;
      if (stemWord(a.word + b.word) === stems[0]) return `${a.word} ${b.word}`;
    }
  }
  return null;
}

function matchAny(tokens: readonly Token[], terms: readonly string[]): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const words = findTerm(tokens, term);
    if (words && !found.includes(words)) found.push(words);
  }
  return found;
}

// Words of the tariff texts that say nothing about what a product is.
const TEXT_STOPWORDS = new Set(
  "other than with without whether their thereof parts part articles article similar kind used including incl such made material materials type apparatus machine machines preparation preparations products product goods heading headings subheading less more exceeding weighing household like from into that this those which n.e.s not elsewhere specified containers container accessories fittings".split(
    " ",
  ),
);

function textStems(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .map((t) => t.stem)
      .filter((s) => s.length >= 4 && !TEXT_STOPWORDS.has(s)),
  );
}

const HEADING_TEXT_STEMS: ReadonlyArray<{ code: string; stems: Set<string> }> = [
  ...Object.entries(HS_2022_HEADING_TEXTS),
  ...Object.entries(HS_2022_SUBHEADING_TEXTS),
].map(([code, text]) => ({ code, stems: textStems(text) }));

interface Candidate {
  hsCode: string;
  points: number;
  matchedWords: string[];
  reasons: string[];
}

const RULE_POINTS = 60;
const EXTRA_TERM_POINTS = 8;
const REFINE_POINTS = 10;
const TEXT_WORD_POINTS = 6;
// Words only in the description count for less than words in the title.
const DESCRIPTION_FACTOR = 0.6;

function textOf(code: string): string | null {
  return HS_2022_SUBHEADING_TEXTS[code] ?? HS_2022_HEADING_TEXTS[code] ?? null;
}

function addWords(target: string[], words: readonly string[]) {
  for (const w of words) if (!target.includes(w)) target.push(w);
}

function applyRule(rule: HsKeywordRule, title: Token[], description: Token[]): Candidate | null {
  const all = [...title, ...description];
  if (rule.unless && matchAny(all, rule.unless).length > 0) return null;
  const inTitle = matchAny(title, rule.terms);
  const inDescription = matchAny(description, rule.terms).filter((w) => !inTitle.includes(w));
  if (inTitle.length === 0 && inDescription.length === 0) return null;
  const weight = rule.weight ?? 1;
  const base = inTitle.length > 0 ? RULE_POINTS : RULE_POINTS * DESCRIPTION_FACTOR;
  const matched = [...inTitle, ...inDescription];
  let points = base * weight + EXTRA_TERM_POINTS * (matched.length - 1);
  let hsCode = rule.hsCode;
  const reasons = [`${quoteList(matched)} matched ${describeCode(rule.hsCode)}`];
  for (const refinement of rule.refine ?? []) {
    const refineWords = matchAny(all, refinement.terms);
    if (refineWords.length > 0) {
      hsCode = refinement.hsCode;
      points += REFINE_POINTS;
      addWords(matched, refineWords);
      if (refinement.hsCode !== rule.hsCode) reasons.push(`${quoteList(refineWords)} chose ${describeCode(hsCode)}`);
      break;
    }
  }
  return { hsCode, points, matchedWords: matched, reasons };
}

function quoteList(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(", ");
}

function describeCode(code: string): string {
  const text = textOf(code);
  const label = code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
  return text ? `${label} (${text})` : label;
}

/**
 * Ranks likely HS 2022 codes for a product from its title (and description): keyword rules
 * for the words merchants use ("tee", "hoodie", "earbuds", "phone case"), narrowed by
 * material words ("cotton" → 6109.10), plus a match of the words against the tariff texts
 * of the shipped table. Each suggestion says which words matched. A person confirms the
 * code; nothing here is a binding classification.
 */
export function suggestHsCodes(input: HsSuggestionInput, options: { limit?: number } = {}): HsSuggestion[] {
  const limit = options.limit ?? 5;
  const title = tokenize(input.title ?? "");
  const description = tokenize(input.description ?? "");
  const candidates = new Map<string, Candidate>();

  for (const rule of HS_KEYWORD_RULES) {
    const candidate = applyRule(rule, title, description);
    if (!candidate) continue;
    const existing = candidates.get(candidate.hsCode);
    if (!existing) candidates.set(candidate.hsCode, candidate);
    else if (candidate.points > existing.points) {
      candidates.set(candidate.hsCode, { ...candidate, reasons: [...candidate.reasons] });
    }
  }

  const titleStems = new Set(title.map((t) => t.stem));
  const descriptionStems = new Set(description.map((t) => t.stem));
  const wordOf = new Map([...description, ...title].map((t) => [t.stem, t.word]));
  for (const { code, stems } of HEADING_TEXT_STEMS) {
    let points = 0;
    const words: string[] = [];
    for (const stem of stems) {
      if (titleStems.has(stem)) points += TEXT_WORD_POINTS;
      else if (descriptionStems.has(stem)) points += TEXT_WORD_POINTS * DESCRIPTION_FACTOR;
      else continue;
      words.push(wordOf.get(stem) ?? stem);
    }
    if (points === 0) continue;
    const related = [...candidates.values()].find(
      (c) => c.hsCode.startsWith(code) || code.startsWith(c.hsCode) || c.hsCode.slice(0, 4) === code.slice(0, 4),
    );
    const reason = `${quoteList(words)} ${words.length === 1 ? "appears" : "appear"} in the tariff text of ${describeCode(code)}`;
    if (related) {
      related.points += points / 2;
      addWords(related.matchedWords, words);
      // A couple of tariff-text reasons show the rule agrees with the tariff wording; more is noise.
      if (related.reasons.length < 3 && !related.reasons.includes(reason)) related.reasons.push(reason);
    } else {
      candidates.set(code, { hsCode: code, points, matchedWords: words, reasons: [reason] });
    }
  }

  return [...candidates.values()]
    .sort((a, b) => b.points - a.points || a.hsCode.localeCompare(b.hsCode))
    .slice(0, limit)
    .map((c) => {
      const heading = c.hsCode.slice(0, 4);
      return {
        hsCode: c.hsCode,
        heading,
        headingText: HS_2022_HEADING_TEXTS[heading] ?? HS_2022_CHAPTER_TITLES[heading.slice(0, 2)] ?? null,
        description: textOf(c.hsCode),
        score: Math.max(1, Math.min(99, Math.round(c.points))),
        matchedWords: c.matchedWords,
        explanation: `${c.reasons.join("; ")}.`,
      };
    });
}
