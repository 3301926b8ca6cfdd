import { RouteError, SignInPage } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { api, safeRedirect } from "../lib/api.server";
import type { Route } from "./+types/sign-in";

export async function loader({ request }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const [devUsers, session] = await Promise.all([api.devUsers(request), api.optionalSession(request)]);
  if (session?.kind === "partner") throw redirect(redirectTo);
  return {
    enabled: devUsers.enabled,
    users: devUsers.users.filter((user) => user.kind === "partner"),
    redirectTo,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await api.devSignIn(request, String(form.get("userId") ?? ""));
  if (!result.ok) return data({ error: result.error.message }, { status: result.status });
  return redirect(safeRedirect(form.get("redirectTo")), { headers: result.headers });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("partner");
  return (
    <SignInPage
      appName={t("appName")}
      title={t("signIn.title")}
      subtitle={t("signIn.subtitle")}
      enabled={loaderData.enabled}
      redirectTo={loaderData.redirectTo}
      error={actionData?.error}
      users={loaderData.users.map((user) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        detail: [user.partnerName, user.email].filter(Boolean).join(" · "),
      }))}
      footer={
        <>
          {t("signIn.merchantHint")} <a href="/console/">{t("signIn.merchantLink")} →</a>
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <RouteError standalone />;
}
