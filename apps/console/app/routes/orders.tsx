import { ORDER_STATUSES } from "@crossflow/i18n";
import { useFormat } from "@crossflow/i18n/react";
import {
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  Field,
  FilterBar,
  Icon,
  PageHeader,
  Pager,
  SelectInput,
  TextInput,
} from "@crossflow/ui";
import { CountryLabel, OrderStatusBadge, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api.server";
import type { Route } from "./+types/orders";

const PAGE_SIZE = 25;
const FILTERS = ["q", "status", "country", "channel"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const filters = Object.fromEntries(FILTERS.map((key) => [key, (params.get(key) ?? "").trim()])) as Filters;
  const cursor = params.get("cursor") || null;
  // Cursors of the pages before this one, so "previous page" works with links alone.
  const trail = cursor ? params.getAll("trail") : [];
  const [page, facets] = await Promise.all([
    api.orders(request, { ...filters, cursor: cursor ?? undefined, limit: PAGE_SIZE }),
    api.facets(request),
  ]);
  return { filters, page, facets, cursor, trail };
}

function pageLink(filters: Filters, cursor: string | null, trail: string[]): string {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) params.set(key, filters[key]);
  if (cursor) {
    params.set("cursor", cursor);
    for (const previous of trail) params.append("trail", previous);
  }
  const search = params.toString();
  return search ? `/orders?${search}` : "/orders";
}

export default function OrdersPage({ loaderData }: Route.ComponentProps) {
  const { filters, page, facets, cursor, trail } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const filtered = FILTERS.some((key) => filters[key]);

  const statusOptions = [
    ...ORDER_STATUSES.filter((s) => facets.statuses.includes(s)),
    ...facets.statuses.filter((s) => !(ORDER_STATUSES as readonly string[]).includes(s)),
  ];
  if (filters.status && !statusOptions.includes(filters.status)) statusOptions.push(filters.status);
  const countries = [...new Set([...facets.countries, ...(filters.country ? [filters.country] : [])])]
    .map((code) => ({ value: code, label: `${format.country(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  const channels = [...new Set([...facets.channels, ...(filters.channel ? [filters.channel] : [])])].map((c) => ({
    value: c,
    label: format.channel(c),
  }));

  const pageNumber = cursor ? trail.length + 1 : 1;
  const previousCursor = trail.at(-1) || null;
  const title = filters.status === "on_hold" ? t("nav.onHold") : t("orders.title");

  return (
    <>
      <title>{`${title} · ${tc("brand")}`}</title>
      <PageHeader
        title={title}
        subtitle={t("orders.subtitle")}
        actions={
          filters.status === "on_hold" ? (
            <ButtonLink to="/exceptions" variant="primary">
              <Icon name="hold" />
              {t("orders.openQueue")}
            </ButtonLink>
          ) : null
        }
      />
      <FilterBar
        key={JSON.stringify(filters)}
        label={t("orders.filters")}
        actions={
          <>
            <Button type="submit" variant="primary">
              {tc("actions.apply")}
            </Button>
            {filtered ? (
              <ButtonLink to="/orders" variant="ghost">
                {tc("actions.clearFilters")}
              </ButtonLink>
            ) : null}
          </>
        }
      >
        <Field label={t("orders.search")} htmlFor="filter-q" className="cf-filterbar__grow">
          <TextInput
            id="filter-q"
            type="search"
            name="q"
            icon="search"
            defaultValue={filters.q}
            placeholder={t("orders.searchPlaceholder")}
          />
        </Field>
        <Field label={t("orders.status")} htmlFor="filter-status">
          <SelectInput
            id="filter-status"
            name="status"
            defaultValue={filters.status}
            placeholder={t("orders.allStatuses")}
            options={statusOptions.map((s) => ({ value: s, label: format.status(s) }))}
          />
        </Field>
        <Field label={t("orders.country")} htmlFor="filter-country">
          <SelectInput
            id="filter-country"
            name="country"
            defaultValue={filters.country}
            placeholder={t("orders.allCountries")}
            options={countries}
          />
        </Field>
        <Field label={t("orders.channel")} htmlFor="filter-channel">
          <SelectInput
            id="filter-channel"
            name="channel"
            defaultValue={filters.channel}
            placeholder={t("orders.allChannels")}
            options={channels}
          />
        </Field>
      </FilterBar>

      <DataTable
        caption={t("orders.title")}
        rows={page.data}
        rowKey={(row) => row.id}
        rowLink={(row) => ({ to: `/orders/${row.id}`, label: row.externalId })}
        empty={
          <div className="cf-card">
            {filtered || cursor ? (
              <EmptyState
                icon="search"
                title={t("orders.emptyTitle")}
                body={t("orders.emptyBody")}
                action={<ButtonLink to="/orders">{tc("actions.clearFilters")}</ButtonLink>}
              />
            ) : (
              <EmptyState icon="inbox" title={t("orders.noOrdersTitle")} body={t("orders.noOrdersBody")} />
            )}
          </div>
        }
        columns={[
          {
            key: "order",
            header: t("orders.col.order"),
            cell: (row) => (
              <time
                className="cf-cell-sub cf-nowrap"
                dateTime={row.createdAt}
                title={format.dateTime(row.createdAt, "long")}
                style={{ display: "block" }}
              >
                {format.dateTime(row.createdAt, "short")}
              </time>
            ),
          },
          {
            key: "customer",
            header: t("orders.col.customer"),
            className: "cf-col-customer",
            cell: (row) => (
              <>
                <div className="cf-cell-main">{row.customerName}</div>
                <div className="cf-cell-sub">{row.customerEmail}</div>
              </>
            ),
          },
          {
            key: "destination",
            header: t("orders.col.destination"),
            cell: (row) => <CountryLabel code={row.country} />,
          },
          {
            key: "channel",
            header: t("orders.col.channel"),
            cell: (row) => <span className="cf-nowrap">{format.channel(row.channel)}</span>,
          },
          {
            key: "status",
            header: t("orders.col.status"),
            cell: (row) => (
              <>
                <OrderStatusBadge status={row.status} holds={row.holds} />
                {row.holds.length > 0 ? (
                  <div className="cf-cell-sub cf-hold-reason">{row.holds[0]?.message}</div>
                ) : null}
              </>
            ),
          },
          {
            key: "total",
            header: t("orders.col.total"),
            align: "right",
            cell: (row) => (
              <>
                <div className="cf-num cf-cell-main">{format.money(row.total, row.currency)}</div>
                <div className="cf-cell-sub cf-nowrap">{t("orders.lineCount", { count: row.lineCount })}</div>
              </>
            ),
          },
        ]}
      />

      {page.data.length > 0 && (page.nextCursor || cursor) ? (
        <Pager
          info={`${tc("pagination.page", { page: pageNumber })} · ${t("orders.shown", { count: page.data.length })}`}
          first={pageNumber > 2 ? { to: pageLink(filters, null, []), label: tc("pagination.first") } : null}
          previous={
            cursor
              ? { to: pageLink(filters, previousCursor, trail.slice(0, -1)), label: tc("pagination.previous") }
              : null
          }
          next={
            page.nextCursor
              ? { to: pageLink(filters, page.nextCursor, [...trail, cursor ?? ""]), label: tc("pagination.next") }
              : null
          }
        />
      ) : null}
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
