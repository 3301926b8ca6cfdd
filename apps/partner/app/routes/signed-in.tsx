import { AppShell, Brand, Button, SideNav } from "@crossflow/ui";
import { LocaleSwitcher, RouteError } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { Form, Outlet, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { api } from "../lib/api.server";
import type { Route } from "./+types/signed-in";

export async function loader({ request }: Route.LoaderArgs) {
  const session = await api.session(request);
  if (session.kind !== "partner" || !session.partner) throw redirect("/sign-in");
  return { session: { ...session, partner: session.partner } };
}

export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod && formMethod !== "GET" ? defaultShouldRevalidate : false;
}

export default function SignedIn({ loaderData }: Route.ComponentProps) {
  const { session } = loaderData;
  const { t } = useTranslation("partner");
  const { t: tc } = useTranslation("common");
  return (
    <AppShell
      skipLabel={tc("skipToContent")}
      brand={<Brand name={tc("brand")} app={t("appName")} />}
      org={{ name: session.partner.name }}
      nav={
        <SideNav
          label={t("nav.main")}
          items={[
            { to: "/", label: t("nav.overview"), icon: "overview", end: true },
            { to: "/orders", label: t("nav.orders"), icon: "package" },
            { to: "/instructions", label: t("nav.instructions"), icon: "truck" },
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
      topbar={<LocaleSwitcher />}
    >
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return <RouteError standalone />;
}
