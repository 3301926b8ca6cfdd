import { useFormat } from "@crossflow/i18n/react";
import { Badge, ButtonLink, Card, EmptyState, Icon, Timeline, type Tone } from "@crossflow/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type {
  EmailStatus,
  Order,
  OrderAfterSale,
  OrderDocument,
  OutboxEmail,
  Ticket,
  TicketStatus,
  TrackedShipment,
  TrackingScan,
} from "../lib/api.server";

// Pieces of the after-sale screens (order page, tickets, outbox): shipments with their tracking,
// documents, tickets and customer e-mails.

/** "return_cn23" → "Return cn23": the last resort for a code this console has no words for. */
function humanize(code: string): string {
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const TRACKING_TONES: Record<string, Tone> = {
  info_received: "neutral",
  in_transit: "accent",
  customs_hold: "warning",
  out_for_delivery: "info",
  failed_attempt: "warning",
  delivered: "success",
  exception: "danger",
  returned_to_sender: "danger",
  planned: "neutral",
  label_created: "accent",
  voided: "neutral",
};

export const TICKET_TONES: Record<TicketStatus, Tone> = { open: "warning", pending: "info", resolved: "success" };

export const EMAIL_TONES: Record<EmailStatus, Tone> = {
  queued: "info",
  sent: "success",
  outbox: "accent",
  failed: "danger",
  disabled: "neutral",
};

/** Localized words for the after-sale codes, falling back to the code itself for unknown ones. */
export function useAfterSaleText() {
  const { t, i18n } = useTranslation("console");
  const lookup = (key: string, code: string) =>
    i18n.exists(`afterSale.${key}.${code}`, { ns: "console" })
      ? t(`afterSale.${key}.${code}` as "afterSale.tickets.title")
      : humanize(code);
  return {
    trackingStatus: (status: string) => lookup("trackingStatus", status),
    /** What a shipment is now: voided, else its latest tracking status, else its booking state. */
    shipmentState: (shipment: Pick<TrackedShipment, "status" | "trackingStatus">) => {
      const state = shipmentState(shipment);
      return state === "voided" || state === "planned" || state === "label_created"
        ? lookup("shipmentStatus", state)
        : lookup("trackingStatus", state);
    },
    documentKind: (kind: string) => lookup("documents.kind", kind),
    ticketKind: (kind: string) => lookup("tickets.kind", kind),
    ticketStatus: (status: string) => lookup("tickets.status", status),
    suggestedAction: (action: string) => lookup("tickets.action", action),
    emailEvent: (event: string) => lookup("emails.event", event),
    emailStatus: (status: string) => lookup("emails.status", status),
  };
}

export function shipmentState(shipment: Pick<TrackedShipment, "status" | "trackingStatus">): string {
  if (shipment.status === "voided") return "voided";
  return shipment.trackingStatus ?? shipment.status ?? "planned";
}

/** Where the API serves an order's documents to the signed-in console (same origin). */
export function documentHref(id: string): string {
  return `/app/documents/${encodeURIComponent(id)}`;
}

function fileFormat(document: Pick<OrderDocument, "contentType" | "kind">): string {
  if (document.contentType?.includes("zpl") || document.kind.endsWith("_zpl")) return "ZPL";
  if (document.contentType === "application/pdf") return "PDF";
  return document.contentType?.split("/").pop()?.toUpperCase() ?? "";
}

/** A calendar date as sent ("2026-12-03") stays that date in every time zone. */
export function useDeliveryDate() {
  const format = useFormat();
  return (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Intl.DateTimeFormat(format.locale, { dateStyle: "medium", timeZone: "UTC" }).format(
          new Date(`${value}T00:00:00Z`),
        )
      : format.dateTime(value, "date");
}

export interface ShipmentLabels {
  label?: OrderDocument;
  zpl?: OrderDocument;
}

const byId = (a: OrderDocument, b: OrderDocument) => (a.id ?? "").localeCompare(b.id ?? "");

/**
 * Pairs label documents with shipments. The order's documents do not say which shipment they
 * belong to, but the pipeline books shipments one after the other and stores each one's label
 * right after, so in booking order the n-th label belongs to the n-th booked shipment. When the
 * counts do not line up (a label removed, a re-booking in flight) nothing is paired and the
 * labels stay in the documents list.
 */
export function labelsByShipment(shipments: TrackedShipment[], documents: OrderDocument[]) {
  const booked = shipments
    .filter((shipment) => shipment.labelCreatedAt)
    .sort((a, b) => (a.labelCreatedAt ?? "").localeCompare(b.labelCreatedAt ?? "") || a.id.localeCompare(b.id));
  const labels = documents.filter((document) => document.kind === "shipping_label").sort(byId);
  const zpls = documents.filter((document) => document.kind === "shipping_label_zpl").sort(byId);
  const paired = new Map<string, ShipmentLabels>();
  const used = new Set<OrderDocument>();
  if (booked.length > 0 && labels.length === booked.length && (zpls.length === 0 || zpls.length === booked.length)) {
    booked.forEach((shipment, index) => {
      const label = labels[index];
      const zpl = zpls[index];
      paired.set(shipment.id, { label, zpl });
      if (label) used.add(label);
      if (zpl) used.add(zpl);
    });
  }
  return { paired, rest: documents.filter((document) => !used.has(document)) };
}

function scanPlace(location: TrackingScan["location"], country: (code: string) => string): string | null {
  if (!location) return null;
  if (typeof location === "string") return location;
  const parts = [location.city, location.country ? country(location.country) : null].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

export function ShipmentStateBadge({ shipment }: { shipment: Pick<TrackedShipment, "status" | "trackingStatus"> }) {
  const text = useAfterSaleText();
  const state = shipmentState(shipment);
  return (
    <Badge tone={TRACKING_TONES[state] ?? "neutral"} dot>
      <span data-shipment-state={state}>{text.shipmentState(shipment)}</span>
    </Badge>
  );
}

function LabelLinks({ labels, trackingNumber }: { labels: ShipmentLabels; trackingNumber: string }) {
  const { t } = useTranslation("console");
  if (!labels.label?.id && !labels.zpl?.id) return null;
  return (
    <div className="cf-shipment-card__labels">
      <span className="cf-section-label">{t("afterSale.shipments.labels")}</span>
      {[labels.label, labels.zpl].map((document) =>
        document?.id ? (
          <a
            key={document.id}
            className="cf-btn cf-btn--sm"
            href={documentHref(document.id)}
            target="_blank"
            rel="noreferrer"
            title={t(
              fileFormat(document) === "ZPL"
                ? "afterSale.shipments.labelZplTitle"
                : "afterSale.shipments.labelPdfTitle",
              {
                number: trackingNumber,
              },
            )}
          >
            <Icon name="file" />
            {fileFormat(document) === "ZPL" ? t("afterSale.shipments.labelZpl") : t("afterSale.shipments.labelPdf")}
          </a>
        ) : null,
      )}
    </div>
  );
}

/** One parcel: carrier and service, tracking number, state, dates, its label and the carrier's scans. */
export function ShipmentCard({
  shipment,
  carrierName,
  serviceName,
  warehouse,
  labels,
}: {
  shipment: TrackedShipment;
  carrierName: string;
  serviceName: string | null;
  warehouse: string | null;
  labels: ShipmentLabels;
}) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const text = useAfterSaleText();
  const deliveryDate = useDeliveryDate();
  const voided = shipment.status === "voided";
  const scans = [...shipment.tracking].sort((a, b) => b.at.localeCompare(a.at));
  const facts: Array<{ label: string; value: string; time?: string }> = [];
  if (shipment.deliveredAt)
    facts.push({
      label: t("afterSale.shipments.delivered"),
      value: format.dateTime(shipment.deliveredAt, "short"),
      time: shipment.deliveredAt,
    });
  else if (shipment.estimatedDelivery && !voided)
    facts.push({ label: t("afterSale.shipments.estimatedDelivery"), value: deliveryDate(shipment.estimatedDelivery) });
  if (shipment.labelCreatedAt)
    facts.push({
      label: t("afterSale.shipments.labelCreated"),
      value: format.dateTime(shipment.labelCreatedAt, "short"),
      time: shipment.labelCreatedAt,
    });
  if (warehouse) facts.push({ label: t("afterSale.shipments.shipsFrom"), value: warehouse });

  return (
    <article
      className={voided ? "cf-shipment-card cf-shipment-card--voided" : "cf-shipment-card"}
      data-shipment-id={shipment.id}
      aria-label={[carrierName, shipment.trackingNumber].filter(Boolean).join(" ")}
    >
      <header className="cf-shipment-card__head">
        <span className="cf-shipment-card__icon">
          <Icon name="truck" />
        </span>
        <div className="cf-shipment-card__carrier">
          <div className="cf-cell-main">{carrierName}</div>
          {serviceName ? <div className="cf-cell-sub">{serviceName}</div> : null}
        </div>
        <ShipmentStateBadge shipment={shipment} />
      </header>
      <div className="cf-shipment-card__tracking">
        <span className="cf-section-label">{t("afterSale.shipments.trackingNumber")}</span>
        {shipment.trackingNumber ? (
          <code className="cf-shipment-card__number">{shipment.trackingNumber}</code>
        ) : (
          <span className="cf-muted">{t("afterSale.shipments.noTracking")}</span>
        )}
      </div>
      {facts.length ? (
        <dl className="cf-shipment-card__facts">
          {facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd className="cf-num">{fact.time ? <time dateTime={fact.time}>{fact.value}</time> : fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {voided ? <p className="cf-shipment-card__note">{t("afterSale.shipments.voided")}</p> : null}
      {!voided && shipment.trackingNumber ? (
        <LabelLinks labels={labels} trackingNumber={shipment.trackingNumber} />
      ) : null}
      {shipment.trackingNumber ? (
        <div className="cf-shipment-card__history">
          <p className="cf-section-label">{t("afterSale.shipments.history")}</p>
          <Timeline
            label={t("afterSale.shipments.history")}
            empty={<p className="cf-muted cf-shipment-card__empty">{t("afterSale.shipments.historyEmpty")}</p>}
            entries={scans.map((scan, index) => ({
              id: `${scan.at}-${scan.code ?? index}`,
              title: text.trackingStatus(scan.status),
              time: format.dateTime(scan.at, "short"),
              dateTime: scan.at,
              body: scan.description ?? undefined,
              meta:
                [
                  scanPlace(scan.location, format.country),
                  scan.code ? t("afterSale.shipments.scanCode", { code: scan.code }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || undefined,
              tone: TRACKING_TONES[scan.status] ?? "neutral",
            }))}
          />
        </div>
      ) : null}
    </article>
  );
}

const DOCUMENT_GROUPS: Array<{ key: string; kinds: string[] }> = [
  { key: "labels", kinds: ["shipping_label", "shipping_label_zpl"] },
  { key: "customs", kinds: ["commercial_invoice", "proforma_invoice", "cn22", "cn23"] },
  { key: "warehouse", kinds: ["packing_list"] },
  { key: "customer", kinds: ["customer_invoice"] },
  { key: "returns", kinds: ["return_label", "return_label_zpl", "return_cn23", "return_commercial_invoice"] },
];

function groupOf(kind: string): string {
  return (
    DOCUMENT_GROUPS.find((group) => group.kinds.includes(kind))?.key ??
    (kind.startsWith("return") ? "returns" : "other")
  );
}

/** The order's documents by what they are for, each a download link. */
export function DocumentGroups({ documents }: { documents: OrderDocument[] }) {
  const { t } = useTranslation("console");
  const text = useAfterSaleText();
  if (documents.length === 0) return <p className="cf-muted">{t("afterSale.documents.empty")}</p>;
  const order = [...DOCUMENT_GROUPS.map((group) => group.key), "other"];
  const groups = order
    .map((key) => ({ key, documents: documents.filter((document) => groupOf(document.kind) === key) }))
    .filter((group) => group.documents.length > 0);
  return (
    <div className="cf-doc-groups">
      {groups.map((group) => (
        <section
          key={group.key}
          className="cf-doc-group"
          aria-label={t(`afterSale.documents.group.${group.key}` as "afterSale.documents.group.other")}
        >
          <p className="cf-section-label">
            {t(`afterSale.documents.group.${group.key}` as "afterSale.documents.group.other")}
          </p>
          <ul className="cf-doc-list">
            {group.documents.map((document, index) => (
              <li key={document.id ?? index} className="cf-doc-list__item">
                <Icon name="file" />
                {document.id ? (
                  <a
                    href={documentHref(document.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-document-kind={document.kind}
                  >
                    {text.documentKind(document.kind)}
                  </a>
                ) : (
                  <span>{text.documentKind(document.kind)}</span>
                )}
                <span className="cf-doc-list__format">{fileFormat(document)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const text = useAfterSaleText();
  return (
    <Badge tone={TICKET_TONES[status] ?? "neutral"} dot>
      {text.ticketStatus(status)}
    </Badge>
  );
}

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const text = useAfterSaleText();
  return (
    <Badge tone={EMAIL_TONES[status] ?? "neutral"} dot>
      <span data-email-status={status}>{text.emailStatus(status)}</span>
    </Badge>
  );
}

/** Who has the ticket: "You", a name where the console knows it, else "a team member". */
export function useAssigneeName(names: Record<string, string>, viewerId: string | undefined) {
  const { t } = useTranslation("console");
  return (assignee: string | null) => {
    if (!assignee) return t("afterSale.tickets.unassigned");
    if (assignee === viewerId) return t("afterSale.tickets.you");
    return names[assignee] ?? t("afterSale.tickets.someone");
  };
}

/** The suggested next step of a ticket, with the pipeline's reason. */
export function SuggestedStep({ ticket }: { ticket: Pick<Ticket, "suggestedAction" | "reason"> }) {
  const { t } = useTranslation("console");
  const text = useAfterSaleText();
  return (
    <div className="cf-ticket-step">
      <p className="cf-section-label">{t("afterSale.tickets.suggested")}</p>
      <p className="cf-ticket-step__action">
        {ticket.suggestedAction ? (
          <>
            <Icon name="sparkle" />
            <span data-suggested-action={ticket.suggestedAction}>{text.suggestedAction(ticket.suggestedAction)}</span>
          </>
        ) : (
          <span className="cf-muted">{t("afterSale.tickets.noSuggestion")}</span>
        )}
      </p>
      {ticket.reason ? <p className="cf-ticket-step__reason">{ticket.reason}</p> : null}
    </div>
  );
}

/** The order page's tickets: each with its kind, state, next step and assignee. */
export function OrderTickets({
  tickets,
  names,
  viewerId,
}: {
  tickets: Ticket[];
  names: Record<string, string>;
  viewerId: string | undefined;
}) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const text = useAfterSaleText();
  const assigneeName = useAssigneeName(names, viewerId);
  if (tickets.length === 0) return <EmptyState compact icon="check" title={t("afterSale.tickets.orderEmpty")} />;
  return (
    <ul className="cf-order-tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="cf-order-ticket" data-ticket-id={ticket.id}>
          <div className="cf-row cf-order-ticket__head">
            <Badge tone={ticket.kind === "exception" || ticket.kind === "returned_to_sender" ? "danger" : "warning"}>
              {text.ticketKind(ticket.kind)}
            </Badge>
            <TicketStatusBadge status={ticket.status} />
            <span className="cf-cell-sub cf-order-ticket__time">
              <time dateTime={ticket.updatedAt}>{format.dateTime(ticket.updatedAt, "short")}</time>
            </span>
          </div>
          <p className="cf-cell-main">{ticket.subject}</p>
          <SuggestedStep ticket={ticket} />
          <p className="cf-cell-sub">
            <Icon name="user" /> {t("afterSale.tickets.assignee")}: {assigneeName(ticket.assignee)} ·{" "}
            <Link to={`/tickets?status=${ticket.status}`}>{t("afterSale.tickets.viewAll")}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The e-mails sent about one order, newest first, each opening in the outbox. */
export function OrderEmails({ emails }: { emails: OutboxEmail[] }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const text = useAfterSaleText();
  if (emails.length === 0) return <p className="cf-muted">{t("afterSale.emails.orderEmpty")}</p>;
  return (
    <ul className="cf-order-emails">
      {emails.map((email) => (
        <li key={email.id} className="cf-order-emails__item">
          <div className="cf-order-emails__main">
            <Link to={`/outbox/${email.id}`} className="cf-cell-main">
              {email.subject}
            </Link>
            <div className="cf-cell-sub">
              {text.emailEvent(email.event)} · {email.toAddress} ·{" "}
              <time dateTime={email.createdAt}>{format.dateTime(email.createdAt, "short")}</time>
            </div>
          </div>
          <EmailStatusBadge status={email.status} />
        </li>
      ))}
    </ul>
  );
}

/** The order page below the lines: shipments with tracking and labels, tickets, documents, e-mails. */
export function OrderAfterSaleSection({
  order,
  afterSale,
  viewerId,
}: {
  order: Pick<Order, "id" | "shipments" | "documents">;
  afterSale: OrderAfterSale;
  viewerId: string | undefined;
}) {
  const { t } = useTranslation("console");
  const shipments = order.shipments as TrackedShipment[];
  const live = shipments.filter((shipment) => shipment.status !== "voided");
  const { paired, rest } = labelsByShipment(shipments, order.documents);
  // Live parcels first, voided ones (an address change re-booked them) after.
  const ordered = [...live, ...shipments.filter((shipment) => shipment.status === "voided")];
  return (
    <>
      <Card
        title={t("afterSale.shipments.title")}
        subtitle={live.length ? t("afterSale.shipments.count", { count: live.length }) : undefined}
        className="cf-shipments-card"
      >
        {ordered.length === 0 ? (
          <p className="cf-muted">{t("afterSale.shipments.empty")}</p>
        ) : (
          <div className="cf-shipment-cards">
            {ordered.map((shipment) => (
              <ShipmentCard
                key={shipment.id}
                shipment={shipment}
                carrierName={afterSale.carriers[shipment.carrier] ?? shipment.carrier}
                serviceName={
                  shipment.service
                    ? (afterSale.services[`${shipment.carrier}/${shipment.service}`] ?? shipment.service)
                    : null
                }
                warehouse={shipment.warehouseId ? (afterSale.warehouses[shipment.warehouseId] ?? null) : null}
                labels={paired.get(shipment.id) ?? {}}
              />
            ))}
          </div>
        )}
      </Card>
      {afterSale.tickets && afterSale.tickets.length > 0 ? (
        <Card
          title={t("afterSale.tickets.orderTitle")}
          actions={
            <ButtonLink to="/tickets" variant="ghost" size="sm">
              {t("afterSale.tickets.viewAll")}
            </ButtonLink>
          }
        >
          <OrderTickets tickets={afterSale.tickets} names={afterSale.names} viewerId={viewerId} />
        </Card>
      ) : null}
      <div className="cf-grid cf-grid--2">
        <Card title={t("afterSale.documents.title")} subtitle={t("afterSale.documents.subtitle")}>
          <DocumentGroups documents={rest} />
        </Card>
        <Card
          title={t("afterSale.emails.orderTitle")}
          actions={
            <ButtonLink to={`/outbox?orderId=${encodeURIComponent(order.id)}`} variant="ghost" size="sm">
              {t("afterSale.emails.viewAll")}
            </ButtonLink>
          }
        >
          {afterSale.emails ? (
            <OrderEmails emails={afterSale.emails} />
          ) : (
            <p className="cf-muted">{t("afterSale.emails.orderEmpty")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
