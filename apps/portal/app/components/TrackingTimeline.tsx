import { useFormat } from "@crossflow/i18n/react";
import { useTranslation } from "react-i18next";
import type { PortalOrder } from "../lib/api.server";

interface Entry {
  key: string;
  at: string;
  title: string;
  detail: string | null;
  tone: "good" | "warn" | "bad" | "neutral";
}

const TONES: Record<string, Entry["tone"]> = {
  delivered: "good",
  customs_hold: "warn",
  failed_attempt: "warn",
  exception: "bad",
  returned_to_sender: "bad",
};

/**
 * The carrier's scans (status in the shopper's language, the carrier's own words and the
 * place as a second line) merged with the order's own milestones, newest first.
 */
export function useTimeline(order: PortalOrder): Entry[] {
  const { t, i18n } = useTranslation("portal");
  const format = useFormat();
  const entries: Entry[] = [];
  for (const shipment of order.shipments) {
    shipment.events.forEach((event, index) => {
      const known = i18n.exists(`trackingStatus.${event.status}`, { ns: "portal" });
      const city =
        event.location?.city && !event.description?.includes(event.location.city) ? event.location.city : null;
      const place = [city, event.location?.country ? format.country(event.location.country) : null]
        .filter(Boolean)
        .join(", ");
      entries.push({
        key: `${shipment.trackingNumber}-${index}`,
        at: event.at,
        title: known
          ? t(`trackingStatus.${event.status as "in_transit"}`)
          : (event.description ?? event.status.replace(/_/g, " ")),
        detail: [known ? event.description : null, place].filter(Boolean).join(" · ") || null,
        tone: TONES[event.status] ?? "neutral",
      });
    });
  }
  const first = (status: string) => order.timeline.find((e) => e.status === status);
  const last = (status: string) => [...order.timeline].reverse().find((e) => e.status === status);
  const milestones: Array<[string, { at: string } | undefined, string]> = [
    ["placed", first("received"), t("tracking.ordered")],
    ["paid", first("payment_verified"), t("tracking.confirmed")],
    ["label", order.shipments.length ? last("label_created") : undefined, t("tracking.labelCreated")],
  ];
  // A second start of the pipeline after the first label means the address was changed.
  const restarted = order.timeline.filter((e) => e.status === "received").slice(1);
  for (const [key, event, title] of milestones)
    if (event) entries.push({ key, at: event.at, title, detail: null, tone: "neutral" });
  for (const [index, event] of restarted.entries())
    entries.push({
      key: `moved-${index}`,
      at: event.at,
      title: t("tracking.addressChanged"),
      detail: null,
      tone: "neutral",
    });
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

export function TrackingTimeline({ order }: { order: PortalOrder }) {
  const { t } = useTranslation("portal");
  const format = useFormat();
  const entries = useTimeline(order);
  if (!entries.length) return <p className="cf-muted">{t("tracking.empty")}</p>;
  return (
    <ol className="cf-po-timeline" aria-label={t("tracking.title")}>
      {entries.map((entry, index) => (
        <li
          key={entry.key}
          className="cf-po-timeline__item"
          data-tone={entry.tone}
          data-latest={index === 0 || undefined}
        >
          <span className="cf-po-timeline__dot" aria-hidden="true" />
          <div className="cf-po-timeline__body">
            <p className="cf-po-timeline__title">{entry.title}</p>
            {entry.detail ? <p className="cf-po-timeline__detail">{entry.detail}</p> : null}
            <time className="cf-po-timeline__time" dateTime={entry.at}>
              {format.dateTime(entry.at)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
