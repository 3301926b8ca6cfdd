import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES, PORTAL_LOCALES } from "../src/locales";
import { MESSAGES, PORTAL_MESSAGES } from "../src/server";
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

/** Each app's namespaces and the languages it speaks: the staff apps in 6, the customer portal in 12. */
const APPS: Array<{ app: string; namespaces: readonly string[]; locales: readonly string[] }> = [
  { app: "console and partner", namespaces: ["common", "console", "partner"], locales: LOCALES },
  { app: "customer portal", namespaces: ["common", "portal"], locales: PORTAL_LOCALES },
];

function messagesOf(locale: string): Tree {
  return ((MESSAGES as Record<string, unknown>)[locale] ??
    (PORTAL_MESSAGES as Record<string, unknown>)[locale]) as Tree;
}

function within(tree: Map<string, string>, namespaces: readonly string[]): Map<string, string> {
  return new Map([...tree].filter(([key]) => namespaces.includes(key.split(".")[0] ?? "")));
}

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

  it("gives the portal every language of the staff apps, and the staff apps' languages all their namespaces", () => {
    for (const locale of LOCALES) expect(PORTAL_LOCALES).toContain(locale);
    for (const locale of LOCALES) expect(PORTAL_MESSAGES[locale]).toBe(MESSAGES[locale]);
    expect(PORTAL_LOCALES).toHaveLength(12);
  });

  for (const { app, namespaces, locales } of APPS) {
    const reference = within(english, namespaces);
    for (const locale of locales.filter((l) => l !== "en")) {
      describe(`${app}: ${locale}`, () => {
        const translated = within(leaves(messagesOf(locale)), namespaces);

        it("has every key present in English", () => {
          const missing = [...reference.keys()].filter((key) => !translated.has(key));
          expect(missing, `keys missing in ${locale}`).toEqual([]);
        });

        it("has no key that English lacks", () => {
          const extra = [...translated.keys()].filter((key) => !reference.has(key));
          expect(extra, `keys only in ${locale}`).toEqual([]);
        });

        it("keeps every interpolation placeholder and leaves no value empty", () => {
          for (const [key, value] of reference) {
            const other = translated.get(key);
            if (other === undefined) continue;
            expect(other.trim(), `${locale}:${key} is empty`).not.toBe("");
            expect(placeholders(other), `${locale}:${key} placeholders`).toEqual(placeholders(value));
          }
        });

        it("is actually translated", () => {
          // Brand names and short codes may stay the same; most sentences must not.
          const same = [...reference].filter(([key, value]) => translated.get(key) === value && value.length > 12);
          expect(
            same.length / reference.size,
            `${locale} copies English for ${same.map(([k]) => k).join(", ")}`,
          ).toBeLessThan(0.05);
        });
      });
    }
  }
});
