import { ORDER_STATUSES } from "@crossflow/i18n";
import { useFormat } from "@crossflow/i18n/react";
import {
  BarList,
  ButtonLink,
  Card,
  DataTable,
  EmptyState,
  Meter,
  PageHeader,
  StatCard,
  statusTone,
} from "@crossflow/ui";
import { OrderStatusBadge, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";

import { api, type OrderSummary } from "../lib/api.server";
import type { Route } from "./+types/overview";

export async function loader({ request }: Route.LoaderArgs) {
  const [overview, onHold, latest] = await Promise.all([
    api.overview(request),
    api.orders(request, { status: "on_hold", limit: 5 }),
    api.orders(request, { limit: 6 }),
  ]);
  return { overview, onHold: onHold.data, latest: latest.data };
}

function CompactOrders({ rows, empty }: { rows: OrderSummary[]; empty: React.ReactNode }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      rowLink={(row) => ({ to: `/orders/${row.id}`, label: row.externalId })}
      empty={empty}
      columns={[
        {
          key: "order",
          header: t("orders.col.order"),
          cell: (row) => <div className="cf-cell-sub">{row.customerName}</div>,
        },
        {
          key: "status",
          header: t("orders.col.status"),
          cell: (row) => <OrderStatusBadge status={row.status} holds={row.holds} />,
        },
        {
          key: "detail",
          header: t("orders.col.total"),
          align: "right",
          cell: (row) => (
            <>
              <div className="cf-num">{format.money(row.total, row.currency)}</div>
              <div className="cf-cell-sub cf-nowrap">{format.dateTime(row.createdAt, "short")}</div>
            </>
          ),
        },
      ]}
    />
  );
}

export default function OverviewPage({ loaderData }: Route.ComponentProps) {
  const { overview, onHold, latest } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const statuses = [
    ...ORDER_STATUSES,
    ...Object.keys(overview.counts).filter((s) => !(ORDER_STATUSES as readonly string[]).includes(s)),
  ];

  return (
    <>
      <title>{`${t("overview.title")} · ${tc("brand")}`}</title>
      <PageHeader title={t("overview.title")} subtitle={t("overview.subtitle")} />
      <div className="cf-stack">
        <div className="cf-grid cf-grid--stats">
          <StatCard
            icon="orders"
            tone="info"
            label={t("overview.total")}
            value={format.number(overview.total)}
            hint={t("overview.totalHint")}
            to="/orders"
          />
          <StatCard
            icon="hold"
            tone="warning"
            label={t("overview.onHold")}
            value={format.number(overview.onHold)}
            hint={t("overview.onHoldHint")}
            to="/exceptions"
          />
          <StatCard
            icon="clock"
            tone="accent"
            label={t("overview.last24h")}
            value={format.number(overview.last24h)}
            hint={t("overview.last24hHint")}
          />
          <StatCard
            icon="bolt"
            tone="success"
            label={t("overview.automation")}
            value={format.percent(overview.automationRate)}
            hint={t("overview.automationHint")}
          >
            <Meter value={overview.automationRate} label={t("overview.automation")} />
          </StatCard>
        </div>

        <div className="cf-grid cf-grid--2">
          <Card title={t("overview.byStatus")} subtitle={t("overview.byStatusHint")}>
            {overview.total === 0 ? (
              <EmptyState compact title={t("overview.noOrdersTitle")} body={t("overview.noOrdersBody")} />
            ) : (
              <BarList
                items={statuses.map((status) => ({
                  key: status,
                  label: format.status(status),
                  value: overview.counts[status] ?? 0,
                  display: format.number(overview.counts[status] ?? 0),
                  tone: statusTone(status),
                  to: status === "on_hold" ? "/exceptions" : `/orders?status=${status}`,
                }))}
              />
            )}
          </Card>
          <div className="cf-stack">
            <Card
              title={t("overview.exceptions")}
              subtitle={t("overview.exceptionsHint")}
              flush
              actions={
                onHold.length > 0 ? (
                  <ButtonLink to="/exceptions" size="sm" variant="ghost">
                    {t("overview.viewAll")}
                  </ButtonLink>
                ) : null
              }
            >
              <CompactOrders
                rows={onHold}
                empty={<EmptyState compact icon="check" title={t("overview.exceptionsEmpty")} />}
              />
            </Card>
            <Card
              title={t("overview.recent")}
              flush
              actions={
                <ButtonLink to="/orders" size="sm" variant="ghost">
                  {t("overview.viewAll")}
                </ButtonLink>
              }
            >
              <CompactOrders
                rows={latest}
                empty={<EmptyState compact title={t("overview.noOrdersTitle")} body={t("overview.noOrdersBody")} />}
              />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
