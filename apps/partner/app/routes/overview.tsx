import { useFormat } from "@crossflow/i18n/react";
import { Badge, ButtonLink, Card, DataTable, EmptyState, PageHeader, StatCard } from "@crossflow/ui";
import { CountryLabel, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api.server";
import type { Route } from "./+types/overview";

export async function loader({ request }: Route.LoaderArgs) {
  return { overview: await api.overview(request) };
}

export default function PartnerOverview({ loaderData }: Route.ComponentProps) {
  const { partner, merchants } = loaderData.overview;
  const { t, i18n } = useTranslation("partner");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const warehouses = merchants.reduce((sum, merchant) => sum + merchant.warehouses.length, 0);
  const openOrders = merchants.reduce((sum, merchant) => sum + merchant.openOrders, 0);
  const kind = i18n.exists(`kind.${partner.kind}`, { ns: "partner" })
    ? t(`kind.${partner.kind as "3pl"}`)
    : partner.kind;

  return (
    <>
      <title>{`${t("overview.title")} · ${t("appName")} · ${tc("brand")}`}</title>
      <PageHeader
        title={
          <>
            {partner.name}
            <Badge tone="accent">{kind}</Badge>
          </>
        }
        subtitle={t("overview.subtitle")}
      />
      <div className="cf-stack">
        <div className="cf-grid cf-grid--stats">
          <StatCard
            icon="building"
            tone="info"
            label={t("overview.merchants")}
            value={format.number(merchants.length)}
          />
          <StatCard icon="warehouse" tone="accent" label={t("overview.warehouses")} value={format.number(warehouses)} />
          <StatCard
            icon="package"
            tone="warning"
            label={t("overview.openOrders")}
            value={format.number(openOrders)}
            to="/orders"
          />
        </div>
        {merchants.length === 0 ? (
          <div className="cf-card">
            <EmptyState icon="building" title={t("overview.emptyTitle")} body={t("overview.emptyBody")} />
          </div>
        ) : (
          <div className="cf-grid cf-grid--2">
            {merchants.map((merchant) => (
              <Card
                key={merchant.tenantId}
                title={merchant.tenantName}
                subtitle={`${t("overview.openOrders")}: ${format.number(merchant.openOrders)}`}
                flush
                actions={
                  <ButtonLink to={`/orders?tenantId=${encodeURIComponent(merchant.tenantId)}`} size="sm">
                    {t("overview.viewOrders")}
                  </ButtonLink>
                }
              >
                <DataTable
                  rows={merchant.warehouses}
                  rowKey={(warehouse) => warehouse.id}
                  empty={<EmptyState compact icon="warehouse" title={t("overview.noWarehouses")} />}
                  columns={[
                    { key: "code", header: t("overview.code"), cell: (w) => <Badge square>{w.code}</Badge> },
                    {
                      key: "name",
                      header: t("overview.name"),
                      cell: (w) => <span className="cf-cell-main">{w.name}</span>,
                    },
                    { key: "country", header: t("overview.country"), cell: (w) => <CountryLabel code={w.country} /> },
                  ]}
                />
              </Card>
            ))}
          </div>
        )}
      </div>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
