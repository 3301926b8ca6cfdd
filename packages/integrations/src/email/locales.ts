export const EMAIL_LOCALES = ["en", "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "it", "pt-BR", "nl", "ar"] as const;

export type EmailLocale = (typeof EMAIL_LOCALES)[number];

const RTL_LOCALES: ReadonlySet<EmailLocale> = new Set(["ar"]);

export function isEmailLocale(value: unknown): value is EmailLocale {
  return typeof value === "string" && (EMAIL_LOCALES as readonly string[]).includes(value);
}

export function isRtlLocale(locale: EmailLocale): boolean {
  return RTL_LOCALES.has(locale);
}

/**
 * The catalog locale for a BCP 47 tag: the exact locale, else its language ("de-AT" → de,
 * "pt" → pt-BR, Traditional-script Chinese such as "zh-HK" → zh-TW, other Chinese → zh-CN),
 * else English.
 */
export function resolveEmailLocale(tag: string | null | undefined): EmailLocale {
  if (!tag) return "en";
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(tag.trim().replace(/_/g, "-"));
  } catch {
    return "en";
  }
  const exact = EMAIL_LOCALES.find((l) => l.toLowerCase() === parsed.baseName.toLowerCase());
  if (exact) return exact;
  const language = parsed.language.toLowerCase();
  if (language === "zh") return parsed.maximize().script === "Hant" ? "zh-TW" : "zh-CN";
  if (language === "pt") return "pt-BR";
  return EMAIL_LOCALES.find((l) => l === language) ?? "en";
}

/**
 * The tag Intl formats with: the requested tag when it is a regional variant of the catalog
 * language ("de-CH" keeps Swiss number formatting in German text), else the catalog locale.
 */
export function formattingLocale(tag: string | null | undefined, locale: EmailLocale): string {
  if (!tag) return locale;
  try {
    const parsed = new Intl.Locale(tag.trim().replace(/_/g, "-"));
    const language = locale.split("-")[0];
    if (parsed.language !== language) return locale;
    if (language === "zh") return locale;
    return Intl.NumberFormat.supportedLocalesOf([parsed.baseName]).length > 0 ? parsed.baseName : locale;
  } catch {
    return locale;
  }
}
