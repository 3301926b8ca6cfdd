import { I18nRoot, TimeZoneScript } from "@crossflow/i18n/react";
import { getResources, requestTimeZone, resolveRequestLocale } from "@crossflow/i18n/server";
import { RouteError } from "@crossflow/ui/app";
import stylesHref from "@crossflow/ui/styles.css?url";
import type { ReactNode } from "react";
import {
  data,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunctionArgs,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  {
    rel: "icon",
    href: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%234147d5'/%3E%3C/svg%3E",
  },
];

export function loader({ request }: Route.LoaderArgs) {
  const { locale, setCookie } = resolveRequestLocale(request);
  const payload = {
    locale,
    resources: getResources(locale, ["common", "partner"]),
    timeZone: requestTimeZone(request),
  };
  return data(payload, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// Translations only change with ?lng= (a full page load) or a mutation such as sign-in.
export function shouldRevalidate({
  formMethod,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate;
  return currentUrl.searchParams.get("lng") !== nextUrl.searchParams.get("lng");
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang={root?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <TimeZoneScript />
        <Meta />
        <Links />
      </head>
      <body>
        {root ? (
          <I18nRoot locale={root.locale} resources={root.resources} timeZone={root.timeZone}>
            {children}
          </I18nRoot>
        ) : (
          children
        )}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteError standalone />;
}
