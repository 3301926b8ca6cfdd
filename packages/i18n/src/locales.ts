/** The merchant console's and the partner portal's languages. */
export const LOCALES = ["en", "zh-CN", "de", "ja", "es", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * The customer portal speaks to shoppers everywhere, so it has more languages than the staff
 * apps: only its namespaces (`common`, `portal`) exist in the extra six.
 */
export const PORTAL_LOCALES = [
  "en",
  "zh-CN",
  "zh-TW",
  "ja",
  "ko",
  "de",
  "fr",
  "es",
  "it",
  "pt-BR",
  "nl",
  "ar",
] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

/** Each language named in itself, for locale pickers. */
export const LOCALE_NAMES: Record<PortalLocale, string> = {
  en: "English",
  "zh-CN": "简体中文",
  "zh-TW": "繁體中文",
  de: "Deutsch",
  ja: "日本語",
  ko: "한국어",
  es: "Español",
  fr: "Français",
  it: "Italiano",
  "pt-BR": "Português (Brasil)",
  nl: "Nederlands",
  ar: "العربية",
};

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(["ar"]);

/** Writing direction for `<html dir>`: Arabic reads right to left and the layout mirrors. */
export function localeDirection(locale: string): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale.split("-")[0] ?? locale) ? "rtl" : "ltr";
}

export const NAMESPACES = ["common", "console", "partner", "portal"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const LOCALE_COOKIE = "cf_locale";
export const TIME_ZONE_COOKIE = "cf_tz";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isPortalLocale(value: unknown): value is PortalLocale {
  return typeof value === "string" && (PORTAL_LOCALES as readonly string[]).includes(value);
}

// Traditional Chinese: the script subtag, or a region that writes it.
const TRADITIONAL_CHINESE = /-(hant|tw|hk|mo)(-|$)/;

/** Maps a BCP 47 tag ("de-AT", "zh-Hans-CN", "ja") to the closest supported locale, or null. */
export function matchLocale<L extends PortalLocale = Locale>(
  tag: string | null | undefined,
  supported: readonly L[] = LOCALES as readonly PortalLocale[] as readonly L[],
): L | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (!lower) return null;
  const exact = supported.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split("-")[0];
  if (language === "zh") {
    const has = (l: PortalLocale) => supported.find((s) => s === l) ?? null;
    if (TRADITIONAL_CHINESE.test(lower) && has("zh-TW")) return has("zh-TW");
    // Otherwise every Chinese variant reads Simplified better than a fallback to English.
    return has("zh-CN") ?? has("zh-TW");
  }
  return supported.find((l) => l.toLowerCase().split("-")[0] === language) ?? null;
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale<L extends PortalLocale = Locale>(
  acceptLanguage: string | null | undefined,
  supported: readonly L[] = LOCALES as readonly PortalLocale[] as readonly L[],
): L | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const match = matchLocale(tag, supported);
    if (match) return match;
  }
  return null;
}

/** Explicit choice (?lng=) first, then the cookie, then the browser's languages. */
export function resolveLocale<L extends PortalLocale = Locale>(
  sources: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null },
  supported: readonly L[] = LOCALES as readonly PortalLocale[] as readonly L[],
): L {
  return (
    matchLocale(sources.query, supported) ??
    matchLocale(sources.cookie, supported) ??
    negotiateLocale(sources.acceptLanguage, supported) ??
    supported.find((l) => l === DEFAULT_LOCALE) ??
    (supported[0] as L)
  );
}
