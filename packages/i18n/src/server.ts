import { isValidTimeZone } from "./format";
import {
  LOCALE_COOKIE,
  LOCALES,
  type Locale,
  matchLocale,
  type Namespace,
  type PortalLocale,
  resolveLocale,
  TIME_ZONE_COOKIE,
} from "./locales";
import ar from "./locales/ar";
import de from "./locales/de";
import en from "./locales/en";
import es from "./locales/es";
import fr from "./locales/fr";
import it from "./locales/it";
import ja from "./locales/ja";
import ko from "./locales/ko";
import nl from "./locales/nl";
import ptBR from "./locales/pt-BR";
import zhCN from "./locales/zh-CN";
import zhTW from "./locales/zh-TW";
import type { Messages, NamespaceResources, PortalMessages } from "./messages";

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN, de, ja, es, fr };

/** The customer portal's namespaces (`common`, `portal`) in each of its languages. */
export const PORTAL_MESSAGES: Record<PortalLocale, PortalMessages> = {
  ...MESSAGES,
  "zh-TW": zhTW,
  ko,
  it,
  "pt-BR": ptBR,
  nl,
  ar,
};

/** The namespaces an app needs, in one locale: small enough to ship in loader data. */
export function getResources(locale: PortalLocale, namespaces: readonly Namespace[]): NamespaceResources {
  const messages: Partial<Messages> =
    (MESSAGES as Partial<Record<PortalLocale, Messages>>)[locale] ?? PORTAL_MESSAGES[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]])) as NamespaceResources;
}

export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

const ONE_YEAR = 60 * 60 * 24 * 365;

export function localeCookie(locale: PortalLocale): string {
  return `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}

/**
 * The request's locale: `?lng=` (the pickers) or `?lang=` (links in e-mails), remembered in a
 * cookie, then the cookie, then Accept-Language. `setCookie` is set when the choice should be stored.
 */
export function resolveRequestLocale<L extends PortalLocale = Locale>(
  request: Request,
  supported: readonly L[] = LOCALES as readonly PortalLocale[] as readonly L[],
): { locale: L; setCookie: string | null } {
  const url = new URL(request.url);
  const query = url.searchParams.get("lng") ?? url.searchParams.get("lang");
  const cookie = readCookie(request.headers.get("Cookie"), LOCALE_COOKIE);
  const chosen = matchLocale(query, supported);
  const locale = chosen ?? resolveLocale({ cookie, acceptLanguage: request.headers.get("Accept-Language") }, supported);
  const setCookie = chosen && chosen !== matchLocale(cookie, supported) ? localeCookie(chosen) : null;
  return { locale, setCookie };
}

/** The browser's IANA time zone as reported by the inline script in each app's document, or UTC. */
export function requestTimeZone(request: Request): string {
  const zone = readCookie(request.headers.get("Cookie"), TIME_ZONE_COOKIE);
  return isValidTimeZone(zone) ? zone : "UTC";
}
