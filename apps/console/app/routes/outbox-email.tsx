import { useFormat } from "@crossflow/i18n/react";
import { ButtonLink, Card, ErrorView, Icon, KeyValueList, Notice, PageHeader } from "@crossflow/ui";
import { RouteError } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { EmailStatusBadge, useAfterSaleText } from "../components/after-sale";
import { afterSaleApi } from "../lib/api.server";
import type { Route } from "./+types/outbox-email";

// One e-mail as the shopper got it: the HTML in a sandboxed frame (no scripts, no navigation
// out of it, no access to the console), and the plain-text version below.

export async function loader({ request, params }: Route.LoaderArgs) {
  return { email: await afterSaleApi.email(request, params.emailId) };
}

export default function OutboxEmailPage({ loaderData }: Route.ComponentProps) {
  const { email } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const text = useAfterSaleText();

  return (
    <>
      <title>{`${email.subject} · ${t("afterSale.emails.title")} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/outbox">{t("afterSale.emails.back")}</Link>
            <Icon name="chevronRight" />
            <span>{text.emailEvent(email.event)}</span>
          </>
        }
        title={
          <>
            {email.subject}
            <EmailStatusBadge status={email.status} />
          </>
        }
        meta={<span className="cf-mono">{email.id}</span>}
      />
      <div className="cf-stack">
        {email.status === "outbox" ? (
          <Notice tone="info" icon="info">
            {t("afterSale.emails.embeddedNote")}
          </Notice>
        ) : null}
        {email.error ? (
          <Notice tone="danger" title={t("afterSale.emails.field.error")}>
            {email.error}
          </Notice>
        ) : null}
        <div className="cf-grid cf-grid--detail">
          <Card title={t("afterSale.emails.html")} flush className="cf-email-preview">
            <iframe
              className="cf-email-frame"
              title={t("afterSale.emails.preview", { subject: email.subject })}
              srcDoc={email.html}
              sandbox=""
              referrerPolicy="no-referrer"
            />
          </Card>
          <div className="cf-stack">
            <Card>
              <KeyValueList
                items={[
                  {
                    label: t("afterSale.emails.field.to"),
                    value: <span className="cf-outbox__to">{email.toAddress}</span>,
                  },
                  { label: t("afterSale.emails.field.event"), value: text.emailEvent(email.event) },
                  {
                    label: t("afterSale.emails.field.language"),
                    value: `${format.language(email.locale)} (${email.locale})`,
                  },
                  { label: t("afterSale.emails.field.status"), value: <EmailStatusBadge status={email.status} /> },
                  {
                    label: t("afterSale.emails.field.created"),
                    value: <time dateTime={email.createdAt}>{format.dateTime(email.createdAt, "long")}</time>,
                  },
                  ...(email.sentAt
                    ? [
                        {
                          label: t("afterSale.emails.field.sent"),
                          value: <time dateTime={email.sentAt}>{format.dateTime(email.sentAt, "long")}</time>,
                        },
                      ]
                    : []),
                  ...(email.orderId
                    ? [
                        {
                          label: t("afterSale.emails.field.order"),
                          value: <Link to={`/orders/${encodeURIComponent(email.orderId)}`}>{email.orderId}</Link>,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title={t("afterSale.emails.text")}>
              <pre className="cf-email-text">{email.text}</pre>
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <ErrorView
        tone="neutral"
        code="404"
        title={tc("errors.notFoundTitle")}
        body={tc("errors.notFoundBody")}
        action={
          <ButtonLink to="/outbox" variant="primary">
            {t("afterSale.emails.back")}
          </ButtonLink>
        }
      />
    );
  return <RouteError />;
}
