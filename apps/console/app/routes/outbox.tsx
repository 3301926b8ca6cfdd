import { useFormat } from "@crossflow/i18n/react";
import { DataTable, EmptyState, Notice, PageHeader } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmailStatusBadge, useAfterSaleText } from "../components/after-sale";
import { afterSaleApi } from "../lib/api.server";
import type { Route } from "./+types/outbox";

// Every e-mail the pipeline wrote to a shopper, newest first. In the embedded default none of
// them leaves the machine: they are kept here with the status "outbox".

export async function loader({ request }: Route.LoaderArgs) {
  const orderId = (new URL(request.url).searchParams.get("orderId") ?? "").trim().slice(0, 64);
  const { emails } = await afterSaleApi.outbox(request, { orderId: orderId || undefined });
  return { emails, orderId };
}

/** An address that may wrap before the "@", never inside a word. */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  if (at <= 0) return <span className="cf-outbox__to">{address}</span>;
  return (
    <span className="cf-outbox__to">
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </span>
  );
}

export default function OutboxPage({ loaderData }: Route.ComponentProps) {
  const { emails, orderId } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const text = useAfterSaleText();
  const keptLocally = emails.some((email) => email.status === "outbox");

  return (
    <>
      <title>{`${t("afterSale.emails.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("afterSale.emails.title")}
        subtitle={t("afterSale.emails.subtitle")}
        meta={<span>{t("afterSale.emails.count", { count: emails.length })}</span>}
      />
      <div className="cf-stack cf-stack--sm">
        {keptLocally ? (
          <Notice tone="info" icon="info">
            {t("afterSale.emails.embeddedNote")}
          </Notice>
        ) : null}
        {orderId ? (
          <Notice tone="neutral">
            {t("afterSale.emails.filteredBy")} <Link to={`/orders/${encodeURIComponent(orderId)}`}>{orderId}</Link>
            {" · "}
            <Link to="/outbox">{t("afterSale.emails.showAll")}</Link>
          </Notice>
        ) : null}
      </div>
      <div className="cf-card cf-outbox">
        <DataTable
          caption={t("afterSale.emails.title")}
          rows={emails}
          rowKey={(email) => email.id}
          rowLink={(email) => ({ to: `/outbox/${email.id}`, label: email.subject })}
          linkColumn="email"
          empty={<EmptyState icon="inbox" title={t("afterSale.emails.empty")} body={t("afterSale.emails.emptyBody")} />}
          columns={[
            {
              key: "email",
              header: t("afterSale.emails.col.email"),
              className: "cf-col-email",
              // The row link carries the subject.
              cell: (email) => (email.error ? <div className="cf-cell-sub cf-text-danger">{email.error}</div> : null),
            },
            {
              key: "event",
              header: t("afterSale.emails.col.event"),
              cell: (email) => <span className="cf-nowrap">{text.emailEvent(email.event)}</span>,
            },
            {
              key: "recipient",
              header: t("afterSale.emails.col.recipient"),
              cell: (email) => <EmailAddress address={email.toAddress} />,
            },
            {
              key: "language",
              header: t("afterSale.emails.col.language"),
              cell: (email) => (
                <span className="cf-nowrap" title={email.locale}>
                  {format.language(email.locale)}
                </span>
              ),
            },
            {
              key: "status",
              header: t("afterSale.emails.col.status"),
              cell: (email) => <EmailStatusBadge status={email.status} />,
            },
            {
              key: "time",
              header: t("afterSale.emails.col.time"),
              align: "right",
              cell: (email) => (
                <time
                  className="cf-num cf-muted cf-nowrap"
                  dateTime={email.createdAt}
                  title={format.dateTime(email.createdAt, "long")}
                >
                  {format.dateTime(email.createdAt, "short")}
                </time>
              ),
            },
          ]}
        />
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
