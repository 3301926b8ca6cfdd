import { isValidTimeZone } from "./format";
import {
  LOCALE_COOKIE,
  LOCALES,
  type Locale,
  matchLocale,
  type Namespace,
  resolveLocale,
  TIME_ZONE_COOKIE,
} from "./locales";
import de from "./locales/de";
import en from "./locales/en";
import es from "./locales/es";
import fr from "./locales/fr";
import ja from "./locales/ja";
import zhCN from "./locales/zh-CN";
import type { Messages, NamespaceResources } from "./messages";

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN, de, ja, es, fr };

/** The namespaces an app needs, in one locale: small enough to ship in loader data. */
export function getResources(locale: Locale, namespaces: readonly Namespace[]): NamespaceResources {
  const messages = MESSAGES[locale];
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

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}

/**
 * The request's locale: `?lng=` (remembered in a cookie), then the cookie, then Accept-Language.
 * `setCookie` is set when the choice should be stored.
 */
export function resolveRequestLocale(
  request: Request,
  supported: readonly Locale[] = LOCALES,
): { locale: Locale; setCookie: string | null } {
  const url = new URL(request.url);
  const query = url.searchParams.get("lng");
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
