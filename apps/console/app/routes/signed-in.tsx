import { AppShell, Brand, Button, SideNav, TextInput } from "@crossflow/ui";
import { LocaleSwitcher, RouteError } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { Form, Outlet, redirect, type ShouldRevalidateFunctionArgs, useLocation } from "react-router";
import { afterSaleApi, api } from "../lib/api.server";
import type { Route } from "./+types/signed-in";

export async function loader({ request }: Route.LoaderArgs) {
  const session = await api.session(request);
  if (session.kind !== "merchant" || !session.tenant) throw redirect("/sign-in");
  // The on-hold count in the sidebar is a nicety: the page still renders without it.
  const onHold = await api.overview(request).then(
    (overview) => overview.onHold,
    () => null,
  );
  const deadLetters = await api.deadLetters(request, "pending").then(
    (result) => result.deadLetters.length,
    () => null,
  );
  const openTickets = await afterSaleApi.tickets(request, { status: "open" }).then(
    (result) => result.tickets.length,
    () => null,
  );
  return { session: { ...session, tenant: session.tenant }, onHold, deadLetters, openTickets };
}

// After a form post the on-hold count may have changed, also when the post was refused
// because someone else changed the order first (409).
export function shouldRevalidate({ formMethod, actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod && formMethod !== "GET" ? defaultShouldRevalidate || actionStatus === 409 : false;
}

function Shell({
  session,
  onHold,
  deadLetters,
  openTickets,
  children,
}: {
  session: Route.ComponentProps["loaderData"]["session"];
  onHold: number | null;
  deadLetters: number | null;
  openTickets?: number | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const location = useLocation();
  return (
    <AppShell
      skipLabel={tc("skipToContent")}
      brand={<Brand name={tc("brand")} app={t("appName")} />}
      org={{ name: session.tenant.name, meta: session.role ? tc(`role.${session.role}`) : undefined }}
      nav={
        <SideNav
          label={t("nav.main")}
          items={[
            { to: "/", label: t("nav.overview"), icon: "overview", end: true },
            { to: "/orders", label: t("nav.orders"), icon: "orders", active: location.pathname.startsWith("/orders") },
            {
              to: "/exceptions",
              label: t("nav.onHold"),
              icon: "hold",
              active: location.pathname.startsWith("/exceptions"),
              count: onHold ?? undefined,
            },
            { to: "/rules", label: t("nav.rules"), icon: "sliders" },
            {
              to: "/connections",
              label: t("nav.channels"),
              icon: "inbox",
              active: ["/connections", "/dead-letters"].some((path) => location.pathname.startsWith(path)),
              count: deadLetters ?? undefined,
            },
            { to: "/imports", label: t("nav.imports"), icon: "file" },
            { to: "/settings", label: t("nav.settings"), icon: "creditCard" },
            { to: "/catalog", label: t("nav.catalog"), icon: "package" },
            { to: "/reports/tax", label: t("nav.taxReports"), icon: "globe" },
            { to: "/returns", label: t("nav.returns"), icon: "refresh" },
            { to: "/tickets", label: t("nav.tickets"), icon: "alert", count: openTickets ?? undefined },
            { to: "/outbox", label: t("nav.outbox"), icon: "inbox" },
          ]}
        />
      }
      user={{ name: session.user.name, detail: session.user.email }}
      signOut={
        <Form method="post" action="/sign-out">
          <Button type="submit" variant="ghost" size="sm" block style={{ justifyContent: "flex-start" }}>
            {tc("actions.signOut")}
          </Button>
        </Form>
      }
      topbar={
        <>
          <div className="cf-topbar__start">
            <Form method="get" action="/orders" role="search" style={{ width: "min(100%, 360px)" }}>
              <TextInput
                type="search"
                name="q"
                icon="search"
                placeholder={t("orders.searchPlaceholder")}
                aria-label={t("orders.search")}
              />
            </Form>
          </div>
          <LocaleSwitcher />
        </>
      }
    >
      {children}
    </AppShell>
  );
}

export default function SignedIn({ loaderData }: Route.ComponentProps) {
  return (
    <Shell
      session={loaderData.session}
      onHold={loaderData.onHold}
      deadLetters={loaderData.deadLetters}
      openTickets={loaderData.openTickets}
    >
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return <RouteError standalone />;
}
