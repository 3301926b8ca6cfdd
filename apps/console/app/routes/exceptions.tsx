import { useFormat } from "@crossflow/i18n/react";
import {
  Button,
  ButtonLink,
  Checkbox,
  DataTable,
  EmptyState,
  Field,
  FilterBar,
  Notice,
  PageHeader,
  Pager,
  SelectInput,
  TabLinks,
  TextInput,
} from "@crossflow/ui";
import { CountryLabel, RouteErrorBoundary } from "@crossflow/ui/app";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import { HoldReasons, useHoldText } from "../components/holds";
import { formatAge, hoursBetween } from "../lib/age";
import { api, type BulkResult, type OrderSummary } from "../lib/api.server";
import { acceptableCodes, canActOnOrders, formCodes, formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/exceptions";

const PAGE_SIZE = 50;
// Held orders are read in the API's largest pages, up to MAX_HELD (the newest ones when there
// are more; the page then says so).
const API_PAGE = 200;
const MAX_HELD = 1000;
const BULK_MAX = 200;

interface Filters {
  reason: string;
  country: string;
  channel: string;
  sort: "oldest" | "newest";
}

function readFilters(params: URLSearchParams): Filters {
  const country = (params.get("country") ?? "").trim().toUpperCase();
  return {
    reason: (params.get("reason") ?? "").trim().slice(0, 64),
    country: /^[A-Z]{2}$/.test(country) ? country : "",
    channel: (params.get("channel") ?? "").trim().slice(0, 50),
    sort: params.get("sort") === "newest" ? "newest" : "oldest",
  };
}

function queueLink(filters: Filters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.country) params.set("country", filters.country);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.sort !== "oldest") params.set("sort", filters.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/exceptions?${search}` : "/exceptions";
}

/** When the order started waiting: the hold time if the API reports it, else its arrival. */
function waitingSince(row: OrderSummary): string {
  return row.heldAt ?? row.createdAt;
}

async function heldOrders(request: Request, filters: Filters) {
  const orders: OrderSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.orders(request, {
      status: "on_hold",
      country: filters.country,
      channel: filters.channel,
      cursor,
      limit: API_PAGE,
    });
    orders.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && orders.length < MAX_HELD);
  return { orders, truncated: Boolean(cursor) };
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const filters = readFilters(url.searchParams);
  const [held, facets] = await Promise.all([heldOrders(request, filters), api.facets(request)]);

  // Reason is filtered here (the API filters by status, country and channel); its counts are
  // taken before, so each tab says how many orders it holds.
  const reasonCounts = new Map<string, number>();
  for (const order of held.orders)
    for (const code of new Set(order.holds.map((hold) => hold.code)))
      reasonCounts.set(code, (reasonCounts.get(code) ?? 0) + 1);
  const matching = filters.reason
    ? held.orders.filter((order) => order.holds.some((hold) => hold.code === filters.reason))
    : held.orders;
  const direction = filters.sort === "oldest" ? 1 : -1;
  const sorted = [...matching].sort((a, b) => direction * waitingSince(a).localeCompare(waitingSince(b)));

  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1), pageCount);
  return {
    filters,
    rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: held.orders.length,
    matching: sorted.length,
    reasons: [...reasonCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    truncated: held.truncated,
    facets,
    page,
    pageCount,
    now: Date.now(),
  };
}

type Intent = "accept" | "retry" | "cancel";

/** What the reviewer entered, handed back when the action is refused so nothing is lost. */
interface BulkValues {
  note: string;
  cancelReason: string;
  orderIds: string[];
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as Intent;
  const note = formText(form, "note");
  const cancelReason = formText(form, "cancelReason");
  const orderIds = [
    ...new Set(
      form.getAll("orderId").filter((id): id is string => typeof id === "string" && id !== "" && id.length <= 64),
    ),
  ].slice(0, BULK_MAX);
  const values: BulkValues = { note: note ?? "", cancelReason: cancelReason ?? "", orderIds };

  const refuse = (code: string, message: string, status = 400) =>
    data({ ok: false as const, error: { code, message }, values }, { status });
  if (!["accept", "retry", "cancel"].includes(intent)) return refuse("invalid_intent", "Unknown action");
  if (orderIds.length === 0) return refuse("none_selected", "Select at least one order first");
  if (intent === "cancel" && !cancelReason) return refuse("reason_required", "Give a reason for cancelling");

  const result = await api.bulkOrders(request, {
    action: intent === "cancel" ? "cancel" : "release",
    orderIds,
    note: intent === "cancel" ? cancelReason : note,
    // The codes shown on the page that a person can accept; the API applies to each order
    // only the ones it is actually held for.
    overrides: intent === "accept" ? formCodes(form, "override") : undefined,
  });
  if (!result.ok) return refuse(result.error.code, result.error.message, result.status);
  const numbers = new Map(orderIds.map((id) => [id, String(form.get(`number.${id}`) ?? "") || id]));
  return {
    ok: true as const,
    at: Date.now(),
    results: result.value.results.map((item) => ({ ...item, number: numbers.get(item.orderId) ?? item.orderId })),
  };
}

function BulkResults({ results }: { results: Array<BulkResult & { number: string }> }) {
  const { t } = useTranslation("console");
  const done = results.filter((item) => item.ok).length;
  const tone = done === results.length ? "success" : done === 0 ? "danger" : "warning";
  return (
    <Notice tone={tone} role="status" title={t("exceptions.results.title", { ok: done, count: results.length })}>
      <ul className="cf-results">
        {results.map((item) => (
          <li key={item.orderId} data-ok={item.ok}>
            <Link to={`/orders/${item.orderId}`} className="cf-results__order">
              {item.number}
            </Link>{" "}
            <span>
              {item.ok
                ? item.status === "cancelled"
                  ? t("exceptions.results.cancelled")
                  : t("exceptions.results.released")
                : t("exceptions.results.failed", { message: item.message ?? item.error })}
            </span>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function ActionError({ error }: { error: { code: string; message: string } }) {
  const { t } = useTranslation("console");
  const message =
    error.code === "none_selected"
      ? t("exceptions.errors.noneSelected")
      : error.code === "reason_required"
        ? t("exceptions.errors.reasonRequired")
        : error.message;
  return (
    <Notice tone="danger" role="alert" title={t("exceptions.errors.failedTitle")}>
      {message}
    </Notice>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * The queue as one POST form: a checkbox per order and the actions above the list, so bulk
 * actions work without JavaScript. With it, a count of the selection and "select all".
 */
function QueueTable({
  rows,
  now,
  canAct,
  values,
}: {
  rows: OrderSummary[];
  now: number;
  canAct: boolean;
  values: BulkValues | null;
}) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const hold = useHoldText();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  const checked = new Set(values?.orderIds);
  const [selected, setSelected] = useState(() => rows.filter((row) => checked.has(row.id)).length);
  const acceptable = acceptableCodes(rows.flatMap((row) => row.holds));

  const table = (
    <DataTable
      caption={t("exceptions.title")}
      rows={rows}
      rowKey={(row) => row.id}
      rowLink={(row) => ({ to: `/orders/${row.id}`, label: row.externalId })}
      linkColumn="order"
      columns={[
        ...(canAct
          ? [
              {
                key: "select",
                className: "cf-col-select",
                header: hydrated ? (
                  <Checkbox
                    hideLabel
                    className="cf-above-row-link"
                    label={t("exceptions.selectAll")}
                    checked={rows.length > 0 && selected === rows.length}
                    onChange={(event) => {
                      const form = event.currentTarget.form;
                      if (!form) return;
                      for (const box of form.querySelectorAll<HTMLInputElement>('input[name="orderId"]'))
                        box.checked = event.currentTarget.checked;
                    }}
                  />
                ) : (
                  <span className="cf-visually-hidden">{t("exceptions.selectAll")}</span>
                ),
                cell: (row: OrderSummary) => (
                  <>
                    <Checkbox
                      hideLabel
                      className="cf-above-row-link"
                      name="orderId"
                      value={row.id}
                      defaultChecked={checked.has(row.id)}
                      label={t("exceptions.select", { number: row.externalId })}
                    />
                    <input type="hidden" name={`number.${row.id}`} value={row.externalId} />
                  </>
                ),
              },
            ]
          : []),
        {
          key: "order",
          header: t("exceptions.col.order"),
          className: "cf-col-customer",
          cell: (row) => <div className="cf-cell-sub">{row.customerName}</div>,
        },
        {
          key: "reasons",
          header: t("exceptions.col.reasons"),
          className: "cf-col-reasons",
          cell: (row) => <HoldReasons holds={row.holds} />,
        },
        {
          key: "destination",
          header: t("exceptions.col.destination"),
          cell: (row) => <CountryLabel code={row.country} />,
        },
        {
          key: "channel",
          header: t("exceptions.col.channel"),
          cell: (row) => <span className="cf-nowrap">{format.channel(row.channel)}</span>,
        },
        {
          key: "waiting",
          header: t("exceptions.col.waiting"),
          cell: (row) => {
            const since = waitingSince(row);
            return (
              <time
                dateTime={since}
                className={hoursBetween(since, now) >= 24 ? "cf-age cf-age--late" : "cf-age"}
                title={
                  row.heldAt
                    ? t("exceptions.heldSince", { date: format.dateTime(since, "long") })
                    : t("exceptions.receivedAt", { date: format.dateTime(since, "long") })
                }
              >
                {formatAge(since, now, format.locale)}
              </time>
            );
          },
        },
        {
          key: "total",
          header: t("exceptions.col.total"),
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
  );

  if (!canAct) return <div className="cf-card">{table}</div>;
  const nothingSelected = hydrated && selected === 0;
  return (
    <Form
      method="post"
      className="cf-card"
      aria-label={t("exceptions.bulk.label")}
      onChange={(event) => setSelected(event.currentTarget.querySelectorAll('input[name="orderId"]:checked').length)}
    >
      {acceptable.map((code) => (
        <input key={code} type="hidden" name="override" value={code} />
      ))}
      <div className="cf-bulkbar">
        <p className="cf-bulkbar__status" aria-live="polite">
          {hydrated ? <strong>{t("exceptions.bulk.selected", { count: selected })}</strong> : t("exceptions.bulk.hint")}
        </p>
        <Field label={t("exceptions.bulk.note")} htmlFor="bulk-note">
          <TextInput
            id="bulk-note"
            name="note"
            maxLength={500}
            defaultValue={values?.note}
            placeholder={t("exceptions.bulk.notePlaceholder")}
          />
        </Field>
        <div className="cf-bulkbar__buttons">
          <Button
            type="submit"
            name="intent"
            value="accept"
            variant="primary"
            formNoValidate
            disabled={busy || nothingSelected}
          >
            {t("exceptions.bulk.accept")}
          </Button>
          <Button type="submit" name="intent" value="retry" formNoValidate disabled={busy || nothingSelected}>
            {t("exceptions.bulk.retry")}
          </Button>
        </div>
        <Field label={t("exceptions.bulk.cancelReason")} htmlFor="bulk-cancel-reason">
          <TextInput
            id="bulk-cancel-reason"
            name="cancelReason"
            required
            maxLength={500}
            defaultValue={values?.cancelReason}
            placeholder={t("exceptions.bulk.cancelPlaceholder")}
          />
        </Field>
        <div className="cf-bulkbar__buttons">
          <Button type="submit" name="intent" value="cancel" variant="danger" disabled={busy || nothingSelected}>
            {t("exceptions.bulk.cancel")}
          </Button>
        </div>
        <p className="cf-bulkbar__hint">
          {t("exceptions.bulk.actionsHint")}{" "}
          {acceptable.length > 0 ? (
            <span className="cf-subtle">({acceptable.map((code) => hold.title(code)).join(", ")})</span>
          ) : null}
        </p>
      </div>
      {table}
    </Form>
  );
}

export default function ExceptionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { filters, rows, total, matching, reasons, truncated, facets, page, pageCount, now } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const hold = useHoldText();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const filtered = Boolean(filters.reason || filters.country || filters.channel);

  const countries = [...new Set([...facets.countries, ...(filters.country ? [filters.country] : [])])]
    .map((code) => ({ value: code, label: `${format.country(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, format.locale));
  const channels = [...new Set([...facets.channels, ...(filters.channel ? [filters.channel] : [])])].map((c) => ({
    value: c,
    label: format.channel(c),
  }));
  const reasonTabs =
    filters.reason && !reasons.some(([code]) => code === filters.reason)
      ? [...reasons, [filters.reason, 0] as [string, number]]
      : reasons;

  return (
    <>
      <title>{`${t("exceptions.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("exceptions.title")}
        subtitle={t("exceptions.subtitle")}
        meta={<span>{t("exceptions.count", { count: total })}</span>}
      />
      <div className="cf-stack cf-stack--sm">
        {actionData?.ok ? <BulkResults key={actionData.at} results={actionData.results} /> : null}
        {actionData && !actionData.ok ? <ActionError error={actionData.error} /> : null}
        {!canAct ? <Notice tone="info">{t("exceptions.readOnly")}</Notice> : null}
        {truncated ? <Notice tone="warning">{t("exceptions.truncated", { count: total })}</Notice> : null}

        {total > 0 || filtered ? (
          <>
            <TabLinks
              label={t("exceptions.reasons")}
              items={[
                {
                  key: "all",
                  to: queueLink({ ...filters, reason: "" }),
                  label: t("exceptions.allReasons"),
                  count: total,
                  active: !filters.reason,
                },
                ...reasonTabs.map(([code, count]) => ({
                  key: code,
                  to: queueLink({ ...filters, reason: code }),
                  label: hold.title(code),
                  count,
                  active: filters.reason === code,
                })),
              ]}
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
                    <ButtonLink to={queueLink({ ...filters, reason: "", country: "", channel: "" })} variant="ghost">
                      {tc("actions.clearFilters")}
                    </ButtonLink>
                  ) : null}
                </>
              }
            >
              {filters.reason ? <input type="hidden" name="reason" value={filters.reason} /> : null}
              <Field label={t("orders.country")} htmlFor="queue-country">
                <SelectInput
                  id="queue-country"
                  name="country"
                  defaultValue={filters.country}
                  placeholder={t("orders.allCountries")}
                  options={countries}
                />
              </Field>
              <Field label={t("orders.channel")} htmlFor="queue-channel">
                <SelectInput
                  id="queue-channel"
                  name="channel"
                  defaultValue={filters.channel}
                  placeholder={t("orders.allChannels")}
                  options={channels}
                />
              </Field>
              <Field label={t("exceptions.sort")} htmlFor="queue-sort" className="cf-filterbar__sort">
                <SelectInput
                  id="queue-sort"
                  name="sort"
                  defaultValue={filters.sort}
                  options={[
                    { value: "oldest", label: t("exceptions.oldestFirst") },
                    { value: "newest", label: t("exceptions.newestFirst") },
                  ]}
                />
              </Field>
            </FilterBar>
          </>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <div className="cf-card">
          {filtered ? (
            <EmptyState
              icon="search"
              title={t("exceptions.emptyFilteredTitle")}
              body={t("exceptions.emptyFilteredBody")}
              action={<ButtonLink to="/exceptions">{tc("actions.clearFilters")}</ButtonLink>}
            />
          ) : (
            <EmptyState icon="check" title={t("exceptions.emptyTitle")} body={t("exceptions.emptyBody")} />
          )}
        </div>
      ) : (
        <QueueTable
          key={actionData?.ok ? actionData.at : "queue"}
          rows={rows}
          now={now}
          canAct={canAct}
          values={actionData && !actionData.ok ? actionData.values : null}
        />
      )}

      {pageCount > 1 ? (
        <Pager
          info={`${tc("pagination.page", { page })} · ${t("orders.shown", { count: rows.length })} · ${t("exceptions.count", { count: matching })}`}
          previous={page > 1 ? { to: queueLink(filters, page - 1), label: tc("pagination.previous") } : null}
          next={page < pageCount ? { to: queueLink(filters, page + 1), label: tc("pagination.next") } : null}
        />
      ) : null}
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
