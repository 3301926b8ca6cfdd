import type { i18n as I18n } from "i18next";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  countryName,
  type DateTimeStyle,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  isValidTimeZone,
  languageName,
} from "./format";
import { createI18n } from "./instance";
import { type PortalLocale, TIME_ZONE_COOKIE } from "./locales";
import type { Messages, NamespaceResources } from "./messages";
import { isOrderStatus } from "./status";

interface FormatSettings {
  locale: PortalLocale;
  timeZone: string;
}

const FormatContext = createContext<FormatSettings>({ locale: "en", timeZone: "UTC" });

/**
 * Provides i18next and the viewer's locale and time zone to an app. The first render uses the
 * zone the server knew (from the cookie, else UTC) so hydration matches; afterwards the
 * browser's own zone takes over.
 */
export function I18nRoot(props: {
  locale: PortalLocale;
  resources: NamespaceResources;
  timeZone: string;
  children: ReactNode;
}) {
  const { locale, resources, timeZone, children } = props;
  const i18n: I18n = useMemo(() => createI18n(locale, resources), [locale, resources]);
  const [zone, setZone] = useState(timeZone);
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (isValidTimeZone(browserZone) && browserZone !== zone) setZone(browserZone);
  }, [zone]);
  const settings = useMemo(() => ({ locale, timeZone: zone }), [locale, zone]);
  return (
    <I18nextProvider i18n={i18n}>
      <FormatContext.Provider value={settings}>{children}</FormatContext.Provider>
    </I18nextProvider>
  );
}

type ChannelKey = keyof Messages["common"]["channel"];

/** Locale- and zone-bound formatters for components. */
export function useFormat() {
  const { locale, timeZone } = useContext(FormatContext);
  const { t, i18n } = useTranslation("common");
  return useMemo(
    () => ({
      locale,
      timeZone,
      money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
      dateTime: (iso: string, style: DateTimeStyle = "dateTime") => formatDateTime(iso, locale, timeZone, style),
      number: (value: number) => formatNumber(value, locale),
      percent: (ratio: number) => formatPercent(ratio, locale),
      country: (code: string) => countryName(code, locale),
      language: (code: string) => languageName(code, locale),
      status: (status: string) => (isOrderStatus(status) ? t(`status.${status}`) : status.replace(/_/g, " ")),
      channel: (channel: string) =>
        i18n.exists(`channel.${channel}`, { ns: "common" })
          ? t(`channel.${channel as ChannelKey}`)
          : channel.charAt(0).toUpperCase() + channel.slice(1).replace(/_/g, " "),
    }),
    [locale, timeZone, t, i18n],
  );
}

/**
 * Inline script for the document head: stores the browser's time zone in a cookie so that
 * server-rendered dates use it from the next request on, even in pages that ship no JS bundle.
 */
export function TimeZoneScript() {
  const code = `try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone,c="${TIME_ZONE_COOKIE}="+encodeURIComponent(z);if(z&&document.cookie.split("; ").indexOf(c)<0)document.cookie=c+";path=/;max-age=31536000;samesite=lax"}catch(e){}`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: constant script, no user input
  return <script dangerouslySetInnerHTML={{ __html: code }} />;
}
