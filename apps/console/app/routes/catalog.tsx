import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  Field,
  FilterBar,
  Icon,
  PageHeader,
  Pager,
  TabLinks,
  TextInput,
} from "@crossflow/ui";
import { CountryLabel, RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { type CatalogProduct, catalogApi } from "../lib/api.server";
import type { Route } from "./+types/catalog";

// The catalog as customs sees it: each SKU's HS code, origin, value and whether anything is
// missing. The filter and the search live in the URL, so the page works without JavaScript.

const PAGE_SIZE = 50;

interface Filters {
  q: string;
  issues: boolean;
}

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const filters: Filters = { q: (params.get("q") ?? "").trim().slice(0, 100), issues: params.get("issues") === "1" };
  const cursor = params.get("cursor") || null;
  const page = await catalogApi.products(request, {
    q: filters.q || undefined,
    issues: filters.issues,
    cursor: cursor ?? undefined,
    limit: PAGE_SIZE,
  });
  return { filters, page, cursor };
}

function catalogLink(filters: Filters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.issues) params.set("issues", "1");
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `/catalog?${search}` : "/catalog";
}

function productLink(sku: string): string {
  return `/catalog/${encodeURIComponent(sku)}`;
}

/** "Customs ready", or how many fields customs still needs, with the fields as its tooltip. */
function CustomsBadge({ product }: { product: Pick<CatalogProduct, "issues"> }) {
  const { t } = useTranslation("console");
  if (product.issues.length === 0)
    return (
      <Badge tone="success" dot>
        {t("catalog.ready")}
      </Badge>
    );
  const fields = [...new Set(product.issues.map((issue) => t(`catalog.field.${issue.field}`)))].join(", ");
  return (
    <Badge tone="warning" dot title={fields}>
      {t("catalog.issueCount", { count: product.issues.length })}
    </Badge>
  );
}

export default function CatalogPage({ loaderData }: Route.ComponentProps) {
  const { filters, page, cursor } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const { total, withIssues } = page.summary;

  return (
    <>
      <title>{`${t("catalog.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("catalog.title")}
        subtitle={t("catalog.subtitle")}
        meta={
          <span data-testid="catalog-summary">
            <Icon name="package" />
            {withIssues > 0
              ? t("catalog.summaryIssues", { count: total, issues: format.number(withIssues) })
              : t("catalog.summaryReady", { count: total })}
          </span>
        }
      />
      <div className="cf-stack--sm cf-catalog__filters">
        <TabLinks
          label={t("catalog.show")}
          items={[
            {
              key: "all",
              to: catalogLink({ ...filters, issues: false }),
              label: t("catalog.allProducts"),
              count: total,
              active: !filters.issues,
            },
            {
              key: "issues",
              to: catalogLink({ ...filters, issues: true }),
              label: t("catalog.onlyIssues"),
              count: withIssues,
              active: filters.issues,
            },
          ]}
        />
        <FilterBar
          key={JSON.stringify(filters)}
          label={t("catalog.search")}
          actions={
            <>
              <Button type="submit" variant="primary">
                {t("catalog.searchButton")}
              </Button>
              {filters.q ? (
                <ButtonLink to={catalogLink({ ...filters, q: "" })} variant="ghost">
                  {tc("actions.clearFilters")}
                </ButtonLink>
              ) : null}
            </>
          }
        >
          <Field label={t("catalog.search")} htmlFor="catalog-q" className="cf-filterbar__grow">
            <TextInput
              id="catalog-q"
              type="search"
              name="q"
              icon="search"
              defaultValue={filters.q}
              placeholder={t("catalog.searchPlaceholder")}
            />
          </Field>
          {filters.issues ? <input type="hidden" name="issues" value="1" /> : null}
        </FilterBar>
      </div>

      <DataTable
        caption={t("catalog.title")}
        rows={page.data}
        rowKey={(row) => row.sku}
        rowLink={(row) => ({ to: productLink(row.sku), label: <span className="cf-mono">{row.sku}</span> })}
        empty={
          <div className="cf-card">
            {filters.q ? (
              <EmptyState
                icon="search"
                title={t("catalog.emptySearchTitle")}
                body={t("catalog.emptySearchBody", { q: filters.q })}
                action={<ButtonLink to={catalogLink({ ...filters, q: "" })}>{tc("actions.clearFilters")}</ButtonLink>}
              />
            ) : filters.issues ? (
              <EmptyState
                icon="check"
                title={t("catalog.allReadyTitle")}
                body={t("catalog.allReadyBody")}
                action={<ButtonLink to="/catalog">{t("catalog.allProducts")}</ButtonLink>}
              />
            ) : (
              <EmptyState icon="package" title={t("catalog.emptyTitle")} body={t("catalog.emptyBody")} />
            )}
          </div>
        }
        columns={[
          { key: "sku", header: t("catalog.col.sku"), cell: () => null },
          {
            key: "title",
            header: t("catalog.col.title"),
            className: "cf-catalog__title",
            cell: (row) => (
              <>
                <div className="cf-cell-main">{row.title}</div>
                {row.customsDescription ? <div className="cf-cell-sub">{row.customsDescription}</div> : null}
              </>
            ),
          },
          {
            key: "hsCode",
            header: t("catalog.col.hsCode"),
            cell: (row) =>
              row.hsCodeFormatted ? (
                <span className="cf-mono cf-nowrap">{row.hsCodeFormatted}</span>
              ) : (
                <span className="cf-subtle">{t("catalog.missing")}</span>
              ),
          },
          {
            key: "origin",
            header: t("catalog.col.origin"),
            cell: (row) =>
              row.originCountry ? (
                <CountryLabel code={row.originCountry} />
              ) : (
                <span className="cf-subtle">{t("catalog.missing")}</span>
              ),
          },
          {
            key: "value",
            header: t("catalog.col.customsValue"),
            align: "right",
            cell: (row) =>
              row.customsValue !== null ? (
                <span className="cf-num">{format.money(row.customsValue, row.currency)}</span>
              ) : (
                <span className="cf-subtle">{t("catalog.missing")}</span>
              ),
          },
          {
            key: "weight",
            header: t("catalog.col.weight"),
            align: "right",
            cell: (row) =>
              row.weightGrams !== null ? (
                <span className="cf-num">{t("catalog.grams", { value: format.number(row.weightGrams) })}</span>
              ) : (
                <span className="cf-subtle">—</span>
              ),
          },
          {
            key: "stock",
            header: t("catalog.col.stock"),
            align: "right",
            cell: (row) =>
              row.stock ? (
                <span className="cf-num" title={t("catalog.stockTitle", { onHand: format.number(row.stock.onHand) })}>
                  {format.number(row.stock.available)}
                </span>
              ) : (
                <span className="cf-subtle">0</span>
              ),
          },
          {
            key: "customs",
            header: t("catalog.col.customs"),
            cell: (row) => <CustomsBadge product={row} />,
          },
        ]}
      />

      {page.data.length > 0 && (page.nextCursor || cursor) ? (
        <Pager
          info={t("catalog.shown", { count: page.data.length })}
          first={cursor ? { to: catalogLink(filters), label: tc("pagination.first") } : null}
          next={page.nextCursor ? { to: catalogLink(filters, page.nextCursor), label: tc("pagination.next") } : null}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
