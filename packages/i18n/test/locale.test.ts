import { describe, expect, it } from "vitest";
import { localeDirection, matchLocale, negotiateLocale, PORTAL_LOCALES, resolveLocale } from "../src/locales";
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

  it("matches the customer portal's twelve languages, Traditional Chinese included", () => {
    expect(matchLocale("zh-TW", PORTAL_LOCALES)).toBe("zh-TW");
    expect(matchLocale("zh-Hant-HK", PORTAL_LOCALES)).toBe("zh-TW");
    expect(matchLocale("zh-Hans-CN", PORTAL_LOCALES)).toBe("zh-CN");
    expect(matchLocale("zh", PORTAL_LOCALES)).toBe("zh-CN");
    expect(matchLocale("pt-PT", PORTAL_LOCALES)).toBe("pt-BR");
    expect(matchLocale("ar-EG", PORTAL_LOCALES)).toBe("ar");
    expect(matchLocale("ko-KR", PORTAL_LOCALES)).toBe("ko");
    expect(matchLocale("ar-EG")).toBeNull();
    expect(negotiateLocale("nl-BE,nl;q=0.9,en;q=0.5", PORTAL_LOCALES)).toBe("nl");
    expect(resolveLocale({ cookie: "it", acceptLanguage: "de" }, PORTAL_LOCALES)).toBe("it");
  });

  it("takes the language from an e-mail link's ?lang= and lays Arabic out right to left", () => {
    const linked = resolveRequestLocale(new Request("http://x/portal/o/abc?lang=ar"), PORTAL_LOCALES);
    expect(linked.locale).toBe("ar");
    expect(linked.setCookie).toMatch(/^cf_locale=ar;/);
    // The picker's ?lng= wins over the link's language.
    expect(resolveRequestLocale(new Request("http://x/portal/o/abc?lang=ar&lng=ko"), PORTAL_LOCALES).locale).toBe("ko");
    expect(resolveRequestLocale(new Request("http://x/portal/?lang=ar")).locale).toBe("en");
    expect(localeDirection("ar")).toBe("rtl");
    expect(localeDirection("ar-SA")).toBe("rtl");
    expect(localeDirection("zh-TW")).toBe("ltr");
  });

  it("reads cookies", () => {
    expect(readCookie("a=1; cf_tz=Europe%2FBerlin", "cf_tz")).toBe("Europe/Berlin");
    expect(readCookie("a=1", "cf_tz")).toBeNull();
    expect(readCookie(null, "a")).toBeNull();
  });
});
