import { useFormat } from "@crossflow/i18n/react";
import { ButtonLink, Card, Notice, StatusBadge, StatusProgress, statusTone, Timeline } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { redirect } from "react-router";
import { lookupOrder } from "../lib/api.server";
import { FLOW, progressOf } from "../lib/progress";
import { readTracking } from "../lib/tracking.server";
import type { Route } from "./+types/track";

export async function loader({ request, params }: Route.LoaderArgs) {
  const lookup = readTracking(request);
  const backToLookup = `/?order=${encodeURIComponent(params.orderNumber)}`;
  if (!lookup || lookup.orderNumber.toLowerCase() !== params.orderNumber.toLowerCase()) throw redirect(backToLookup);
  const result = await lookupOrder(lookup);
  if (!result.found) throw redirect(backToLookup);
  return { order: result.order };
}

export function headers({ parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "private, no-store");
  return headers;
}

export default function Track({ loaderData }: Route.ComponentProps) {
  const { order } = loaderData;
  const { t, i18n } = useTranslation("portal");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const progress = progressOf(order);
  const stage = (status: string) =>
    i18n.exists(`stage.${status}`, { ns: "portal" }) ? t(`stage.${status as "received"}`) : format.status(status);
  const history = [...order.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const latest = history[0];
  const merchant = order.merchantName;

  return (
    <div className="cf-stack">
      <title>{`${t("track.orderNumber", { number: order.orderNumber })} · ${t("appName")}`}</title>
      <section className="cf-card cf-track-head">
        <div className="cf-track-head__main">
          <p className="cf-track-head__merchant">{t("track.orderFrom", { merchant })}</p>
          <h1 className="cf-track-head__title">{t("track.orderNumber", { number: order.orderNumber })}</h1>
          <p className="cf-muted">{t("track.placed", { date: format.dateTime(order.placedAt, "date") })}</p>
        </div>
        <div className="cf-track-head__status">
          <span className="cf-track-head__label">{t("track.statusNow")}</span>
          <StatusBadge status={order.status} label={stage(order.status)} size="lg" />
          {latest ? (
            <span className="cf-muted cf-track-head__updated">
              {t("track.lastUpdate", { date: format.dateTime(latest.at) })}
            </span>
          ) : null}
        </div>
      </section>

      {order.status === "on_hold" ? (
        <Notice tone="warning" title={t("track.onHoldTitle")}>
          <p>{t("track.onHoldBody", { merchant })}</p>
        </Notice>
      ) : order.status === "cancelled" ? (
        <Notice tone="danger" title={t("track.cancelledTitle")}>
          <p>{t("track.cancelledBody", { merchant })}</p>
        </Notice>
      ) : order.status === "returned" ? (
        <Notice tone="neutral" title={t("track.returnedTitle")}>
          <p>{t("track.returnedBody", { merchant })}</p>
        </Notice>
      ) : null}

      <Card title={t("track.progress")}>
        <StatusProgress
          label={t("track.progress")}
          steps={FLOW.map((status) => ({ key: status, label: stage(status) }))}
          current={progress.current}
          state={progress.state}
          complete={progress.complete}
          srLabels={{ done: t("track.done"), current: t("track.current"), upcoming: t("track.upcoming") }}
        />
      </Card>

      <div className="cf-grid cf-track-grid">
        <Card title={t("track.history")}>
          <Timeline
            label={t("track.history")}
            empty={<p className="cf-muted">{t("track.historyEmpty")}</p>}
            entries={history.map((event, index) => ({
              id: `${event.at}-${index}`,
              title: stage(event.status),
              time: format.dateTime(event.at),
              dateTime: event.at,
              body: event.message ?? undefined,
              tone: statusTone(event.status),
            }))}
          />
        </Card>
        <div className="cf-stack">
          <Card title={t("track.items")}>
            <ul className="cf-items">
              {order.lines.map((line, index) => (
                <li key={index}>
                  <span>{line.title}</span>
                  <span className="cf-num cf-muted">{t("track.quantity", { count: line.quantity })}</span>
                </li>
              ))}
            </ul>
            <div className="cf-items__total">
              <span>{t("track.total")}</span>
              <span className="cf-num">{format.money(order.total, order.currency)}</span>
            </div>
          </Card>
          <Card title={t("track.shipTo")}>
            <address className="cf-address">
              {order.shipTo.name}
              <br />
              {[order.shipTo.postalCode, order.shipTo.city].filter(Boolean).join(" ")}
              <br />
              {format.country(order.shipTo.country)}
            </address>
          </Card>
        </div>
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
      <div>
        <ButtonLink to="/" variant="ghost">
          ← {t("track.another")}
        </ButtonLink>
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
