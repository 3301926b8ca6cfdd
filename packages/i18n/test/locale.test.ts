import { describe, expect, it } from "vitest";
import { matchLocale, negotiateLocale, resolveLocale } from "../src/locales";
import { readCookie, resolveRequestLocale } from "../src/server";

describe("locale negotiation", () => {
  it("matches regional and script variants", () => {
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(matchLocale("zh_TW")).toBe("zh-CN");
    expect(matchLocale("ZH-cn")).toBe("zh-CN");
    expect(matchLocale("pt-BR")).toBeNull();
  });

  it("honours Accept-Language q-values", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,fr;q=0.8,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("en;q=0.4, ja;q=0.9")).toBe("ja");
    expect(negotiateLocale("*")).toBeNull();
  });

  it("prefers ?lng=, then the cookie, then the header", () => {
    expect(resolveLocale({ query: "es", cookie: "de", acceptLanguage: "ja" })).toBe("es");
    expect(resolveLocale({ query: "xx", cookie: "de", acceptLanguage: "ja" })).toBe("de");
    expect(resolveLocale({ acceptLanguage: "ja-JP" })).toBe("ja");
    expect(resolveLocale({})).toBe("en");
    expect(resolveLocale({ acceptLanguage: "de" }, ["en", "zh-CN"])).toBe("en");
  });

  it("stores an explicit choice in a cookie", () => {
    const chosen = resolveRequestLocale(
      new Request("http://x/portal/?lng=zh-CN", { headers: { Cookie: "cf_locale=de" } }),
    );
    expect(chosen.locale).toBe("zh-CN");
    expect(chosen.setCookie).toMatch(/^cf_locale=zh-CN;/);
    const same = resolveRequestLocale(new Request("http://x/?lng=de", { headers: { Cookie: "a=1; cf_locale=de" } }));
    expect(same).toEqual({ locale: "de", setCookie: null });
    const header = resolveRequestLocale(new Request("http://x/", { headers: { "Accept-Language": "fr-CA,fr;q=0.9" } }));
    expect(header).toEqual({ locale: "fr", setCookie: null });
  });

  it("reads cookies", () => {
    expect(readCookie("a=1; cf_tz=Europe%2FBerlin", "cf_tz")).toBe("Europe/Berlin");
    expect(readCookie("a=1", "cf_tz")).toBeNull();
    expect(readCookie(null, "a")).toBeNull();
  });
});
