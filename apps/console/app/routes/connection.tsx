import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Field,
  Icon,
  KeyValueList,
  Notice,
  PageHeader,
  TextInput,
} from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import {
  ChannelMark,
  ConnectionFields,
  ConnectionStatusBadge,
  CopyField,
  fieldError,
  OutcomeBadge,
  RelativeTime,
  readConnectionValues,
  readStockPolicy,
  StockPolicyFields,
  useChannelText,
  usePolicySummary,
} from "../components/channels";
import {
  api,
  type ChannelEvent,
  type ChannelStockLevel,
  type ConnectionUpdate,
  type FieldError,
} from "../lib/api.server";
import { canActOnOrders, formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/connection";

// One connection: its health and webhook, the settings form (credentials are never shown; a
// stored secret is kept unless a new one is typed), the last deliveries and what each SKU was
// last pushed as.

export async function loader({ request, params }: Route.LoaderArgs) {
  const connection = await api.connection(request, params.connectionId);
  return { connection, now: Date.now() };
}

type ActionResult =
  | { intent: "save"; ok: true; at: number }
  | {
      intent: "save";
      ok: false;
      name: string;
      values: Record<string, string>;
      policy: Record<string, string>;
      error: { code: string; message: string };
      details: FieldError[];
    }
  | { intent: "pause" | "resume" | "sync"; ok: true; at: number }
  | { intent: "pause" | "resume" | "sync"; ok: false; error: { code: string; message: string } };

export async function action({ request, params }: Route.ActionArgs) {
  const id = params.connectionId;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "sync" || intent === "pause" || intent === "resume") {
    const result =
      intent === "sync"
        ? await api.syncConnection(request, id)
        : await api.updateConnection(request, id, { status: intent === "pause" ? "paused" : "active" });
    if (!result.ok) return data<ActionResult>({ intent, ok: false, error: result.error }, { status: result.status });
    return { intent, ok: true, at: Date.now() } satisfies ActionResult;
  }
  if (intent !== "save")
    return data<ActionResult>(
      { intent: "sync", ok: false, error: { code: "invalid_intent", message: "Unknown action" } },
      { status: 400 },
    );

  const current = await api.connection(request, id);
  const name = formText(form, "name", 120) ?? "";
  const values = readConnectionValues(form, current.fields);
  const { policy, errors } = readStockPolicy(form);
  const update: ConnectionUpdate = { stockPolicy: policy };
  if (name && name !== current.name) update.name = name;
  // Only what changed: settings that differ, and secrets that were typed (empty keeps the stored one).
  const changed: Record<string, string> = {};
  for (const field of current.fields) {
    const value = values[field.key] ?? "";
    if (field.secret ? value !== "" : value !== "" && value !== String(current.settings[field.key] ?? ""))
      changed[field.key] = value;
  }
  if (Object.keys(changed).length) update.values = changed;
  const shown = Object.fromEntries(
    Object.entries(values).filter(([key]) => !current.fields.find((field) => field.key === key)?.secret),
  );
  const rawPolicy = Object.fromEntries(
    ["safetyBuffer", "percentage", "cap"].map((key) => [key, String(form.get(`stock.${key}`) ?? "")]),
  );
  const refuse = (error: { code: string; message: string }, details: FieldError[], status: number) =>
    data<ActionResult>(
      { intent: "save", ok: false, name, values: shown, policy: rawPolicy, error, details },
      { status },
    );
  const local = [...(name ? [] : [{ path: "name", message: "required" }]), ...errors];
  if (local.length) return refuse({ code: "validation_failed", message: "" }, local, 400);
  const result = await api.updateConnection(request, id, update);
  if (!result.ok) return refuse(result.error, result.details, result.status);
  return { intent: "save", ok: true, at: Date.now() } satisfies ActionResult;
}

function Deliveries({ events, now }: { events: ChannelEvent[]; now: number }) {
  const { t } = useTranslation("console");
  return (
    <Card title={t("channels.detail.deliveries")} subtitle={t("channels.detail.deliveriesHint")} flush id="deliveries">
      <DataTable
        caption={t("channels.detail.deliveries")}
        rows={events}
        rowKey={(event) => event.id}
        empty={<EmptyState compact icon="inbox" title={t("channels.detail.deliveriesEmpty")} />}
        columns={[
          {
            key: "received",
            header: t("channels.detail.col.received"),
            className: "cf-nowrap",
            cell: (event) => <RelativeTime iso={event.receivedAt} now={now} />,
          },
          {
            key: "topic",
            header: t("channels.detail.col.topic"),
            cell: (event) => (
              <>
                <div className="cf-cell-main cf-nowrap">{event.topic ?? t("channels.detail.pull")}</div>
                {event.deliveryId ? (
                  <div className="cf-cell-sub cf-mono" title={event.deliveryId}>
                    {event.deliveryId.length > 28 ? `${event.deliveryId.slice(0, 27)}…` : event.deliveryId}
                  </div>
                ) : null}
              </>
            ),
          },
          {
            key: "outcome",
            header: t("channels.detail.col.outcome"),
            cell: (event) => <OutcomeBadge outcome={event.outcome} />,
          },
          {
            key: "order",
            header: t("channels.detail.col.order"),
            cell: (event) =>
              event.orderId ? (
                <Link to={`/orders/${event.orderId}`} className="cf-mono">
                  {event.orderId}
                </Link>
              ) : (
                <span className="cf-subtle">—</span>
              ),
          },
          {
            key: "error",
            header: t("channels.detail.col.error"),
            className: "cf-col-error",
            cell: (event) => (event.error ? <span className="cf-text-danger">{event.error}</span> : null),
          },
          {
            key: "attempts",
            header: t("channels.detail.col.attempts"),
            align: "right",
            cell: (event) => <span className="cf-num">{event.attempts}</span>,
          },
        ]}
      />
    </Card>
  );
}

function StockTable({ stock }: { stock: ChannelStockLevel[] }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  return (
    <Card title={t("channels.detail.stock")} subtitle={t("channels.detail.stockHint")} flush id="stock">
      <DataTable
        caption={t("channels.detail.stock")}
        rows={stock}
        rowKey={(row) => row.sku}
        empty={<EmptyState compact icon="package" title={t("channels.detail.stockEmpty")} />}
        columns={[
          {
            key: "sku",
            header: t("channels.detail.stockCol.sku"),
            cell: (row) => <span className="cf-mono">{row.sku}</span>,
          },
          {
            key: "wanted",
            header: t("channels.detail.stockCol.wanted"),
            align: "right",
            cell: (row) => <span className="cf-num cf-cell-main">{format.number(row.wanted)}</span>,
          },
          {
            key: "pushed",
            header: t("channels.detail.stockCol.pushed"),
            align: "right",
            cell: (row) =>
              row.pushed === null ? (
                <span className="cf-subtle">{t("channels.detail.notPushed")}</span>
              ) : (
                <span className="cf-num">{format.number(row.pushed)}</span>
              ),
          },
          {
            key: "state",
            header: t("channels.detail.stockCol.state"),
            cell: (row) =>
              row.pushed === row.wanted ? (
                <Badge tone="success" dot>
                  {t("channels.detail.inSync")}
                </Badge>
              ) : row.lastError ? (
                <Badge tone="danger" dot>
                  {t("channels.detail.pushFailed")}
                </Badge>
              ) : (
                <Badge tone="info" dot>
                  {t("channels.detail.pending")}
                </Badge>
              ),
          },
          {
            key: "pushedAt",
            header: t("channels.detail.stockCol.pushedAt"),
            cell: (row) =>
              row.pushedAt ? (
                <time dateTime={row.pushedAt} title={format.dateTime(row.pushedAt, "long")} className="cf-nowrap">
                  {format.dateTime(row.pushedAt, "short")}
                </time>
              ) : (
                <span className="cf-subtle">—</span>
              ),
          },
          {
            key: "error",
            header: t("channels.detail.stockCol.error"),
            className: "cf-col-error",
            cell: (row) =>
              row.lastError ? (
                <span className="cf-text-danger">
                  {row.lastError}
                  {row.attempts > 1 ? (
                    <span className="cf-cell-sub"> · {t("channels.detail.attempts", { count: row.attempts })}</span>
                  ) : null}
                </span>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

export default function ConnectionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { connection, now } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const text = useChannelText();
  const policySummary = usePolicySummary();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const paused = connection.status === "paused";
  const failure = actionData && actionData.intent === "save" && !actionData.ok ? actionData : null;
  const nameError = fieldError(failure?.details, "name");
  const policy = failure
    ? Object.fromEntries(
        Object.entries(failure.policy)
          .filter(([, value]) => value !== "")
          .map(([key, value]) => [key, Number(value)]),
      )
    : connection.stockPolicy;

  return (
    <>
      <title>{`${connection.name} · ${t("channels.title")} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={
          <Link to="/connections">
            <Icon name="arrowLeft" /> {t("channels.title")}
          </Link>
        }
        title={
          <span className="cf-row">
            <ChannelMark channel={connection.channel} size="lg" />
            {connection.name}
          </span>
        }
        meta={
          <>
            <ConnectionStatusBadge status={connection.status} />
            <span>{format.channel(connection.channel)}</span>
            <span>{t("channels.detail.connectedOn", { date: format.dateTime(connection.createdAt, "date") })}</span>
          </>
        }
        actions={
          canAct ? (
            <Form method="post" className="cf-row">
              <Button
                type="submit"
                name="intent"
                value="sync"
                variant="primary"
                disabled={paused || Boolean(busy)}
                title={paused ? t("channels.syncPausedHint") : undefined}
              >
                <Icon name="refresh" className={busy === "sync" ? "cf-spin" : undefined} />
                {t("channels.actions.sync")}
              </Button>
              <Button type="submit" name="intent" value={paused ? "resume" : "pause"} disabled={Boolean(busy)}>
                {paused ? t("channels.actions.resume") : t("channels.actions.pause")}
              </Button>
            </Form>
          ) : null
        }
      />

      <div className="cf-stack">
        {actionData?.ok ? (
          <Notice key={actionData.at} tone="success" role="status">
            {actionData.intent === "save"
              ? t("channels.flash.saved")
              : actionData.intent === "sync"
                ? t("channels.flash.syncRequested", { name: connection.name })
                : actionData.intent === "pause"
                  ? t("channels.flash.paused", { name: connection.name })
                  : t("channels.flash.resumed", { name: connection.name })}
          </Notice>
        ) : null}
        {actionData && !actionData.ok && actionData.intent !== "save" ? (
          <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
            {actionData.error.message}
          </Notice>
        ) : null}
        {paused ? <Notice tone="warning">{t("channels.pausedHint")}</Notice> : null}

        <div className="cf-grid cf-grid--detail">
          <div className="cf-stack">
            {canAct ? (
              <Card title={t("channels.detail.settings")} subtitle={t("channels.detail.settingsHint")} divided>
                <Form method="post" className="cf-connect__form" aria-label={t("channels.detail.settings")}>
                  {failure ? (
                    <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
                      {failure.details.length || !failure.error.message
                        ? t("channels.form.fixFields")
                        : failure.error.message}
                    </Notice>
                  ) : null}
                  <Field
                    label={t("channels.form.name")}
                    htmlFor="edit-name"
                    error={nameError ? text.problem(nameError) : undefined}
                  >
                    <TextInput
                      id="edit-name"
                      name="name"
                      maxLength={120}
                      defaultValue={failure?.name ?? connection.name}
                      aria-invalid={nameError ? true : undefined}
                    />
                  </Field>
                  {connection.fields.length ? (
                    <fieldset className="cf-fieldset">
                      <legend className="cf-fieldset__legend">{t("channels.form.credentials")}</legend>
                      <ConnectionFields
                        idPrefix="edit"
                        channel={connection.channel}
                        fields={connection.fields}
                        values={failure ? failure.values : connection.settings}
                        secretsSet={connection.secretsSet}
                        details={failure?.details}
                        mode="edit"
                      />
                    </fieldset>
                  ) : null}
                  <StockPolicyFields idPrefix="edit" policy={policy} details={failure?.details} />
                  <div className="cf-connect__actions">
                    <Button type="submit" name="intent" value="save" variant="primary" disabled={busy === "save"}>
                      {t("channels.actions.save")}
                    </Button>
                  </div>
                </Form>
              </Card>
            ) : (
              <Card title={t("channels.detail.settings")}>
                <KeyValueList
                  items={[
                    ...connection.fields
                      .filter((field) => !field.secret)
                      .map((field) => ({
                        label: text.fieldLabel(field, connection.channel),
                        value: String(connection.settings[field.key] ?? "—"),
                      })),
                    ...connection.fields
                      .filter((field) => field.secret)
                      .map((field) => ({
                        label: text.fieldLabel(field, connection.channel),
                        value: connection.secretsSet.includes(field.key)
                          ? t("channels.detail.secretStored")
                          : t("channels.form.notStored"),
                      })),
                    { label: t("channels.policy.label"), value: policySummary(connection.stockPolicy) },
                  ]}
                />
              </Card>
            )}
          </div>

          <div className="cf-stack">
            <Card title={t("channels.detail.health")}>
              <KeyValueList
                items={[
                  {
                    label: t("channels.health.lastSync"),
                    value: connection.lastSyncAt ? (
                      <RelativeTime iso={connection.lastSyncAt} now={now} />
                    ) : (
                      <span className="cf-subtle">{t("channels.health.never")}</span>
                    ),
                  },
                  {
                    label: t("channels.health.lastActivity"),
                    value: connection.lastEventAt ? (
                      <RelativeTime iso={connection.lastEventAt} now={now} />
                    ) : (
                      <span className="cf-subtle">{t("channels.health.noneToday")}</span>
                    ),
                  },
                  { label: t("channels.health.ordersToday"), value: format.number(connection.ordersToday) },
                  { label: t("channels.health.rejectedToday"), value: format.number(connection.rejectedToday) },
                  {
                    label: t("channels.health.deadLetters"),
                    value:
                      connection.deadLetters > 0 ? (
                        <Link to={`/dead-letters?connection=${encodeURIComponent(connection.id)}`}>
                          {t("channels.health.reviewDeadLetters", { count: connection.deadLetters })}
                        </Link>
                      ) : (
                        format.number(0)
                      ),
                  },
                  {
                    label: t("channels.health.lastError"),
                    value: connection.lastError ? (
                      <span className="cf-text-danger">
                        {connection.lastError}
                        {connection.lastErrorAt ? (
                          <span className="cf-cell-sub">
                            <RelativeTime iso={connection.lastErrorAt} now={now} />
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      <span className="cf-subtle">{t("channels.health.noErrors")}</span>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={t("channels.webhook.label")}>
              {connection.webhookUrl ? (
                <div className="cf-stack cf-stack--sm">
                  <CopyField id="webhook-url" value={connection.webhookUrl} label={t("channels.webhook.label")} />
                  <p className="cf-subtle cf-conn__note">{t("channels.webhook.hint")}</p>
                </div>
              ) : (
                <p className="cf-subtle cf-conn__note">{t("channels.webhook.none")}</p>
              )}
            </Card>
          </div>
        </div>
        <Deliveries events={connection.events} now={now} />
        <StockTable stock={connection.stock} />
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
