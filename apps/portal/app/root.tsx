import { LOCALE_NAMES, localeDirection, PORTAL_LOCALES } from "@crossflow/i18n";
import { I18nRoot, TimeZoneScript, useFormat } from "@crossflow/i18n/react";
import { getResources, requestTimeZone, resolveRequestLocale } from "@crossflow/i18n/server";
import { BrandMark, LocaleMenu } from "@crossflow/ui";
import { RouteError } from "@crossflow/ui/app";
import stylesHref from "@crossflow/ui/styles.css?url";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Link, Links, Meta, Outlet, Scripts, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  {
    rel: "icon",
    href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%234147d5'/%3E%3C/svg%3E",
  },
];

export function loader({ request }: Route.LoaderArgs) {
  // The portal speaks more languages than the staff apps: ?lang= (e-mail links) or ?lng= (the picker), the cookie, the browser.
  const { locale, setCookie } = resolveRequestLocale(request, PORTAL_LOCALES);
  const payload = { locale, resources: getResources(locale, ["common", "portal"]), timeZone: requestTimeZone(request) };
  return data(payload, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// The language comes from the query, a cookie or Accept-Language: caches must key on them.
export function headers() {
  return { Vary: "Accept-Language, Cookie" };
}

function LanguagePicker() {
  const { t } = useTranslation("common");
  const { locale } = useFormat();
  return (
    <LocaleMenu
      label={t("language")}
      current={locale}
      locales={PORTAL_LOCALES.map((code) => ({ code, name: LOCALE_NAMES[code] }))}
    />
  );
}

function Frame({ children }: { children: ReactNode }) {
  const { t } = useTranslation("portal");
  return (
    <div className="cf-portal">
      <header className="cf-portal__header">
        <Link to="/" className="cf-brand">
          <BrandMark />
          <span>{t("appName")}</span>
        </Link>
        <LanguagePicker />
      </header>
      <main id="main" className="cf-portal__main">
        {children}
      </main>
      <footer className="cf-portal__footer">{t("footer")}</footer>
    </div>
  );
}

/**
 * The portal is server-rendered only: every page works with plain links and forms, so the
 * production build ships no JavaScript bundle to shoppers (only the tiny inline time-zone
 * script). The dev server keeps its scripts for hot reload.
 */
export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang={root?.locale ?? "en"} dir={localeDirection(root?.locale ?? "en")}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="referrer" content="same-origin" />
        <TimeZoneScript />
        <Meta />
        <Links />
      </head>
      <body>
        {root ? (
          <I18nRoot locale={root.locale} resources={root.resources} timeZone={root.timeZone}>
            <Frame>{children}</Frame>
          </I18nRoot>
        ) : (
          children
        )}
        {import.meta.env.DEV ? <Scripts /> : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteError />;
}
