import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  Field,
  FilterBar,
  PageHeader,
  SelectInput,
} from "@crossflow/ui";
import { CountryLabel, OrderStatusBadge, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api.server";
import type { Route } from "./+types/orders";

export async function loader({ request }: Route.LoaderArgs) {
  const tenantId = new URL(request.url).searchParams.get("tenantId")?.trim() || "";
  const [orders, overview] = await Promise.all([
    api.orders(request, { tenantId: tenantId || undefined }),
    api.overview(request),
  ]);
  return {
    tenantId,
    orders: orders.data,
    merchants: overview.merchants.map((merchant) => ({ value: merchant.tenantId, label: merchant.tenantName })),
  };
}

export default function PartnerOrders({ loaderData }: Route.ComponentProps) {
  const { tenantId, orders, merchants } = loaderData;
  const { t } = useTranslation("partner");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const showMerchant = merchants.length > 1 && !tenantId;

  return (
    <>
      <title>{`${t("orders.title")} · ${t("appName")} · ${tc("brand")}`}</title>
      <PageHeader title={t("orders.title")} subtitle={t("orders.subtitle")} />
      <FilterBar
        key={tenantId}
        label={t("orders.merchant")}
        actions={
          <>
            <Button type="submit" variant="primary">
              {tc("actions.apply")}
            </Button>
            {tenantId ? (
              <ButtonLink to="/orders" variant="ghost">
                {tc("actions.clearFilters")}
              </ButtonLink>
            ) : null}
          </>
        }
      >
        <Field label={t("orders.merchant")} htmlFor="filter-merchant" className="cf-filterbar__wide">
          <SelectInput
            id="filter-merchant"
            name="tenantId"
            defaultValue={tenantId}
            placeholder={t("orders.allMerchants")}
            options={merchants}
          />
        </Field>
        <span className="cf-filterbar__count cf-muted">{t("orders.count", { count: orders.length })}</span>
      </FilterBar>
      <DataTable
        caption={t("orders.title")}
        rows={orders}
        rowKey={(row) => `${row.id}-${row.warehouseId}`}
        empty={
          <div className="cf-card">
            <EmptyState
              icon="package"
              title={tenantId ? t("orders.emptyFilteredTitle") : t("orders.emptyTitle")}
              body={t("orders.emptyBody")}
            />
          </div>
        }
        columns={[
          {
            key: "order",
            header: t("orders.col.order"),
            cell: (row) => (
              <>
                <div className="cf-cell-main cf-nowrap">{row.externalId}</div>
                <div className="cf-cell-sub cf-mono cf-id" title={row.id}>
                  {row.id}
                </div>
              </>
            ),
          },
          ...(showMerchant
            ? [
                {
                  key: "merchant",
                  header: t("orders.col.merchant"),
                  cell: (row: (typeof orders)[number]) => row.tenantName,
                },
              ]
            : []),
          {
            key: "warehouse",
            header: t("orders.col.warehouse"),
            cell: (row) => <Badge square>{row.warehouseCode}</Badge>,
          },
          {
            key: "destination",
            header: t("orders.col.destination"),
            cell: (row) => <CountryLabel code={row.country} />,
          },
          { key: "status", header: t("orders.col.status"), cell: (row) => <OrderStatusBadge status={row.status} /> },
          {
            key: "lines",
            header: t("orders.col.lines"),
            align: "right",
            cell: (row) => <span className="cf-num">{format.number(row.lineCount)}</span>,
          },
          {
            key: "units",
            header: t("orders.col.units"),
            align: "right",
            cell: (row) => <span className="cf-num cf-cell-main">{format.number(row.units)}</span>,
          },
          {
            key: "received",
            header: t("orders.col.received"),
            align: "right",
            cell: (row) => (
              <time className="cf-num cf-muted" dateTime={row.createdAt} title={format.dateTime(row.createdAt, "long")}>
                {format.dateTime(row.createdAt, "short")}
              </time>
            ),
          },
        ]}
      />
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
