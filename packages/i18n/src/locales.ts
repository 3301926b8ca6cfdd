export const LOCALES = ["en", "zh-CN", "de", "ja", "es", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, for locale pickers. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-CN": "简体中文",
  de: "Deutsch",
  ja: "日本語",
  es: "Español",
  fr: "Français",
};

export const NAMESPACES = ["common", "console", "partner", "portal"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const LOCALE_COOKIE = "cf_locale";
export const TIME_ZONE_COOKIE = "cf_tz";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag ("de-AT", "zh-Hans-CN", "ja") to the closest supported locale, or null. */
export function matchLocale(tag: string | null | undefined, supported: readonly Locale[] = LOCALES): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (!lower) return null;
  const exact = supported.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split("-")[0];
  // Every Chinese variant reads Simplified better than a fallback to English.
  if (language === "zh") return supported.includes("zh-CN") ? "zh-CN" : null;
  return supported.find((l) => l.toLowerCase().split("-")[0] === language) ?? null;
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(
  acceptLanguage: string | null | undefined,
  supported: readonly Locale[] = LOCALES,
): Locale | null {
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
export function resolveLocale(
  sources: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null },
  supported: readonly Locale[] = LOCALES,
): Locale {
  return (
    matchLocale(sources.query, supported) ??
    matchLocale(sources.cookie, supported) ??
    negotiateLocale(sources.acceptLanguage, supported) ??
    (supported.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : (supported[0] ?? DEFAULT_LOCALE))
  );
}
