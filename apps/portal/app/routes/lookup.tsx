import { Button, Field, Icon, Notice, TextInput } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import { clientOf, lookupOrder } from "../lib/api.server";
import type { Route } from "./+types/lookup";

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  // Links may fill in the order number; an expired order link lands here too.
  return { orderNumber: url.searchParams.get("order")?.slice(0, 100) ?? "", expired: url.searchParams.has("expired") };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const orderNumber = String(form.get("orderNumber") ?? "")
    .trim()
    .slice(0, 100);
  const email = String(form.get("email") ?? "")
    .trim()
    .slice(0, 254);
  if (!orderNumber || !email) return data({ error: "missing" as const, orderNumber, email }, { status: 400 });
  const result = await lookupOrder({ orderNumber, email }, clientOf(request));
  if (!result.found)
    return data({ error: result.reason, orderNumber, email }, { status: result.reason === "tooMany" ? 429 : 404 });
  // The order's signed link: the same page the e-mails open, and the email never appears in a URL.
  const lng = new URL(request.url).searchParams.get("lng");
  return redirect(`/o/${encodeURIComponent(result.token)}${lng ? `?lng=${encodeURIComponent(lng)}` : ""}`);
}

export default function Lookup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("portal");
  const error = actionData?.error;
  return (
    <div className="cf-portal__narrow">
      <title>{`${t("lookup.title")} · ${t("appName")}`}</title>
      <meta name="description" content={t("metaDescription")} />
      <section className="cf-card cf-lookup">
        <span className="cf-lookup__icon">
          <Icon name="truck" size="lg" />
        </span>
        <h1 className="cf-lookup__title">{t("lookup.title")}</h1>
        <p className="cf-lookup__intro">{t("lookup.intro")}</p>
        {loaderData.expired && !error ? (
          <Notice tone="warning" role="status">
            <p>{t("lookup.linkExpired")}</p>
          </Notice>
        ) : null}
        {error ? (
          <Notice tone={error === "notFound" ? "danger" : "warning"} role="alert">
            <p>{t(`lookup.${error}`)}</p>
          </Notice>
        ) : null}
        <Form method="post" className="cf-stack cf-stack--sm cf-lookup__form">
          <Field label={t("lookup.orderNumber")} htmlFor="orderNumber" hint={t("lookup.orderNumberHint")}>
            <TextInput
              id="orderNumber"
              name="orderNumber"
              inputSize="lg"
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              defaultValue={actionData?.orderNumber ?? loaderData.orderNumber}
              aria-describedby="orderNumber-hint"
              aria-invalid={error === "notFound" || undefined}
            />
          </Field>
          <Field label={t("lookup.email")} htmlFor="email">
            <TextInput
              id="email"
              name="email"
              type="email"
              inputSize="lg"
              required
              autoComplete="email"
              defaultValue={actionData?.email ?? ""}
              aria-invalid={error === "notFound" || undefined}
            />
          </Field>
          <Button type="submit" variant="primary" size="lg" block>
            {t("lookup.submit")}
          </Button>
        </Form>
        <p className="cf-lookup__privacy">{t("lookup.privacy")}</p>
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
