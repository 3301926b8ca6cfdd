import { createInstance, type i18n } from "i18next";
import type { PortalLocale } from "./locales";
import type { NamespaceResources } from "./messages";

/**
 * A fresh, synchronously initialised i18next instance holding one locale's resources.
 * The server picks the resources (see ./server) and hands them to the client in loader data,
 * so the browser never downloads the other languages.
 */
export function createI18n(locale: PortalLocale, resources: NamespaceResources): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: resources },
    ns: Object.keys(resources),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
