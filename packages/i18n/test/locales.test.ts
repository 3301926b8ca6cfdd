import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "../src/locales";
import { MESSAGES } from "../src/server";
import { ORDER_STATUSES } from "../src/status";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

const english = leaves(MESSAGES.en as unknown as Tree);

describe("locale resources", () => {
  it("has every namespace in English", () => {
    for (const ns of NAMESPACES) expect(Object.keys(MESSAGES.en)).toContain(ns);
  });

  it("labels every order status", () => {
    for (const status of ORDER_STATUSES) {
      expect(english.get(`common.status.${status}`)).toBeTruthy();
      expect(english.get(`portal.stage.${status}`)).toBeTruthy();
    }
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    describe(locale, () => {
      const translated = leaves(MESSAGES[locale] as unknown as Tree);

      it("has every key present in English", () => {
        const missing = [...english.keys()].filter((key) => !translated.has(key));
        expect(missing, `keys missing in ${locale}`).toEqual([]);
      });

      it("has no key that English lacks", () => {
        const extra = [...translated.keys()].filter((key) => !english.has(key));
        expect(extra, `keys only in ${locale}`).toEqual([]);
      });

      it("keeps every interpolation placeholder and leaves no value empty", () => {
        for (const [key, value] of english) {
          const other = translated.get(key);
          if (other === undefined) continue;
          expect(other.trim(), `${locale}:${key} is empty`).not.toBe("");
          expect(placeholders(other), `${locale}:${key} placeholders`).toEqual(placeholders(value));
        }
      });

      it("is actually translated", () => {
        // Brand names and short codes may stay the same; most sentences must not.
        const same = [...english].filter(([key, value]) => translated.get(key) === value && value.length > 12);
        expect(
          same.length / english.size,
          `${locale} copies English for ${same.map(([k]) => k).join(", ")}`,
        ).toBeLessThan(0.05);
      });
    });
  }
});
