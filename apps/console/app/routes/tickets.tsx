import { useFormat } from "@crossflow/i18n/react";
import { Badge, Button, EmptyState, Icon, Notice, PageHeader, TabLinks } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import { SuggestedStep, TicketStatusBadge, useAfterSaleText, useAssigneeName } from "../components/after-sale";
import { afterSaleApi, api, type Ticket, type TicketStatus, type TicketUpdate } from "../lib/api.server";
import { canActOnOrders, formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/tickets";

// Parcels that need a person (a failed attempt, an exception, a return to sender, a customs hold
// that lasts too long), opened by the pipeline with a suggested next step. Tabs by status; the
// actions are plain form posts, so the page works without JavaScript.

const STATUSES: TicketStatus[] = ["open", "pending", "resolved"];

type Intent = "assign" | "unassign" | "pending" | "resolve" | "reopen";

const UPDATES: Record<Intent, { update: TicketUpdate; done: "assigned" | "unassigned" | TicketStatus }> = {
  assign: { update: { assignee: "me" }, done: "assigned" },
  unassign: { update: { assignee: null }, done: "unassigned" },
  pending: { update: { status: "pending" }, done: "pending" },
  resolve: { update: { status: "resolved" }, done: "resolved" },
  reopen: { update: { status: "open" }, done: "open" },
};

function tabLink(status: TicketStatus): string {
  return status === "open" ? "/tickets" : `/tickets?status=${status}`;
}

export async function loader({ request }: Route.LoaderArgs) {
  const requested = new URL(request.url).searchParams.get("status") as TicketStatus | null;
  const status: TicketStatus = requested && STATUSES.includes(requested) ? requested : "open";
  const [lists, names] = await Promise.all([
    Promise.all(STATUSES.map((s) => afterSaleApi.tickets(request, { status: s }))),
    afterSaleApi.teamNames(request),
  ]);
  const counts = Object.fromEntries(STATUSES.map((s, index) => [s, lists[index]!.tickets.length])) as Record<
    TicketStatus,
    number
  >;
  const tickets = lists[STATUSES.indexOf(status)]!.tickets;
  // Order numbers for the tickets on this tab (the ticket only carries the order id).
  const orderIds = [...new Set(tickets.map((ticket) => ticket.orderId))].slice(0, 50);
  const orders = await Promise.all(
    orderIds.map((id) =>
      api.order(request, id).then(
        (order) => [id, { number: order.externalId, customer: order.customer.name, status: order.status }] as const,
        (error: unknown) => {
          if (error instanceof Response) throw error;
          return null;
        },
      ),
    ),
  );
  return {
    status,
    counts,
    tickets,
    names,
    orders: Object.fromEntries(orders.filter((entry) => entry !== null)),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, "id", 64);
  const intent = String(form.get("intent") ?? "") as Intent;
  const change = UPDATES[intent];
  if (!id || !change)
    return data(
      { ok: false as const, id: id ?? "", error: { code: "invalid_intent", message: "Unknown action" } },
      { status: 400 },
    );
  const result = await afterSaleApi.updateTicket(request, id, change.update);
  if (!result.ok) return data({ ok: false as const, id, error: result.error }, { status: result.status });
  return { ok: true as const, id, done: change.done, at: Date.now() };
}

function TicketActions({ ticket, viewerId }: { ticket: Ticket; viewerId: string | undefined }) {
  const { t } = useTranslation("console");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("id") === ticket.id;
  const button = (intent: Intent, label: string, variant: "primary" | "secondary" | "ghost" = "secondary") => (
    <Button type="submit" name="intent" value={intent} size="sm" variant={variant} disabled={busy}>
      {label}
    </Button>
  );
  return (
    <Form method="post" className="cf-ticket__actions" aria-label={ticket.subject}>
      <input type="hidden" name="id" value={ticket.id} />
      {ticket.assignee === viewerId
        ? button("unassign", t("afterSale.tickets.unassign"), "ghost")
        : button("assign", t("afterSale.tickets.assignToMe"))}
      {ticket.status === "open" ? button("pending", t("afterSale.tickets.markPending")) : null}
      {ticket.status === "resolved"
        ? button("reopen", t("afterSale.tickets.reopen"))
        : button("resolve", t("afterSale.tickets.resolve"), "primary")}
    </Form>
  );
}

export default function TicketsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { status, counts, tickets, names, orders } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const text = useAfterSaleText();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const assigneeName = useAssigneeName(names, session?.user.id);

  return (
    <>
      <title>{`${t("afterSale.tickets.title")} · ${tc("brand")}`}</title>
      <PageHeader title={t("afterSale.tickets.title")} subtitle={t("afterSale.tickets.subtitle")} />
      <div className="cf-stack cf-stack--sm">
        {actionData?.ok ? (
          <Notice key={actionData.at} tone="success" role="status">
            {t(`afterSale.tickets.done.${actionData.done}`)}
          </Notice>
        ) : actionData ? (
          <Notice tone="danger" role="alert" title={t("afterSale.tickets.failedTitle")}>
            {actionData.error.message}
          </Notice>
        ) : null}
        {!canAct ? (
          <Notice tone="info" icon="info">
            {t("afterSale.tickets.readOnly")}
          </Notice>
        ) : null}
        <TabLinks
          label={t("afterSale.tickets.tabs")}
          items={STATUSES.map((s) => ({
            key: s,
            to: tabLink(s),
            label: t(`afterSale.tickets.status.${s}`),
            count: counts[s],
            active: s === status,
          }))}
        />
      </div>

      {tickets.length === 0 ? (
        <div className="cf-card cf-tickets-empty">
          <EmptyState
            icon={status === "open" ? "check" : "inbox"}
            title={t(`afterSale.tickets.empty.${status}`)}
            body={status === "open" ? t("afterSale.tickets.emptyBody") : undefined}
          />
        </div>
      ) : (
        <ul className="cf-tickets" aria-label={t(`afterSale.tickets.status.${status}`)}>
          {tickets.map((ticket) => {
            const order = orders[ticket.orderId];
            return (
              <li key={ticket.id} className="cf-card cf-ticket" data-ticket-id={ticket.id}>
                <div className="cf-ticket__main">
                  <div className="cf-row cf-ticket__head">
                    <Badge
                      tone={ticket.kind === "exception" || ticket.kind === "returned_to_sender" ? "danger" : "warning"}
                    >
                      <span data-ticket-kind={ticket.kind}>{text.ticketKind(ticket.kind)}</span>
                    </Badge>
                    <TicketStatusBadge status={ticket.status} />
                    <Link to={`/orders/${encodeURIComponent(ticket.orderId)}`} className="cf-ticket__order">
                      <Icon name="orders" />
                      {order
                        ? t("afterSale.tickets.order", { number: order.number })
                        : t("afterSale.tickets.openOrder")}
                    </Link>
                    {order ? <span className="cf-cell-sub">{order.customer}</span> : null}
                  </div>
                  <h2 className="cf-ticket__subject">{ticket.subject}</h2>
                  <SuggestedStep ticket={ticket} />
                </div>
                <aside className="cf-ticket__side">
                  <dl className="cf-ticket__facts">
                    <div>
                      <dt>{t("afterSale.tickets.assignee")}</dt>
                      <dd data-assignee={ticket.assignee ?? ""}>
                        <Icon name="user" /> {assigneeName(ticket.assignee)}
                      </dd>
                    </div>
                  </dl>
                  <p className="cf-cell-sub cf-ticket__times">
                    <time dateTime={ticket.createdAt}>
                      {t("afterSale.tickets.opened", { date: format.dateTime(ticket.createdAt, "short") })}
                    </time>
                    {ticket.updatedAt !== ticket.createdAt ? (
                      <>
                        <br />
                        <time dateTime={ticket.updatedAt}>
                          {t("afterSale.tickets.updated", { date: format.dateTime(ticket.updatedAt, "short") })}
                        </time>
                      </>
                    ) : null}
                  </p>
                  {canAct ? <TicketActions ticket={ticket} viewerId={session?.user.id} /> : null}
                </aside>
              </li>
            );
          })}
        </ul>
      )}
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
