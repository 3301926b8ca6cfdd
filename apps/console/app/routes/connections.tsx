import { useFormat } from "@crossflow/i18n/react";
import { Button, ButtonLink, Card, EmptyState, Field, Icon, Notice, PageHeader, TextInput } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import {
  ChannelMark,
  ChannelTabs,
  ConnectionFields,
  ConnectionStatusBadge,
  CopyField,
  fieldError,
  RelativeTime,
  readConnectionValues,
  readStockPolicy,
  StockPolicyFields,
  useChannelText,
  usePolicySummary,
} from "../components/channels";
import { api, type Connection, type FieldError } from "../lib/api.server";
import { canActOnOrders, formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/connections";

// Connected sales channels: a card per connection with its health and webhook URL, and the
// form that connects another one. Plain POST forms with an intent, so everything works
// without JavaScript; with it, the webhook URL gets a copy button.

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const [{ channels, connections }, pending] = await Promise.all([
    api.connections(request),
    api.deadLetters(request, "pending").then(
      (result) => result.deadLetters.length,
      () => null,
    ),
  ]);
  const connect = url.searchParams.get("connect") ?? "";
  return {
    channels,
    connections,
    pendingDeadLetters: pending,
    connect: connect in channels ? connect : "",
    created: url.searchParams.get("created"),
    now: Date.now(),
  };
}

type ConnectFailure = {
  intent: "connect";
  ok: false;
  channel: string;
  name: string;
  values: Record<string, string>;
  policy: Record<string, string>;
  error: { code: string; message: string };
  details: FieldError[];
};

type ToggleResult =
  | { intent: "pause" | "resume" | "sync"; ok: true; name: string; at: number }
  | { intent: "pause" | "resume" | "sync"; ok: false; name: string; error: { code: string; message: string } };

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "connect") return connect(request, form);

  const id = formText(form, "id", 64);
  const name = formText(form, "name", 120) ?? id ?? "";
  if (!id || !["pause", "resume", "sync"].includes(intent))
    return data<ToggleResult>(
      { intent: "sync", ok: false, name, error: { code: "invalid_intent", message: "Unknown action" } },
      { status: 400 },
    );
  const kind = intent as "pause" | "resume" | "sync";
  const result =
    kind === "sync"
      ? await api.syncConnection(request, id)
      : await api.updateConnection(request, id, { status: kind === "pause" ? "paused" : "active" });
  if (!result.ok)
    return data<ToggleResult>({ intent: kind, ok: false, name, error: result.error }, { status: result.status });
  return { intent: kind, ok: true, name, at: Date.now() } satisfies ToggleResult;
}

async function connect(request: Request, form: FormData) {
  const channel = String(form.get("channel") ?? "");
  const name = formText(form, "name", 120) ?? "";
  const { channels } = await api.connections(request);
  const fields = channels[channel] ?? [];
  const values = readConnectionValues(form, fields);
  const { policy, errors } = readStockPolicy(form);
  // Secrets are never sent back to the browser, not even the ones just typed.
  const shown = Object.fromEntries(
    Object.entries(values).filter(([key]) => !fields.find((field) => field.key === key)?.secret),
  );
  const rawPolicy = Object.fromEntries(
    ["safetyBuffer", "percentage", "cap"].map((key) => [key, String(form.get(`stock.${key}`) ?? "")]),
  );
  const refuse = (error: { code: string; message: string }, details: FieldError[], status: number) =>
    data<ConnectFailure>(
      { intent: "connect", ok: false, channel, name, values: shown, policy: rawPolicy, error, details },
      { status },
    );
  const nameMissing: FieldError[] = name ? [] : [{ path: "name", message: "required" }];
  if (errors.length || nameMissing.length)
    return refuse({ code: "validation_failed", message: "" }, [...nameMissing, ...errors], 400);
  const result = await api.createConnection(request, {
    channel,
    name,
    values: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "")),
    stockPolicy: Object.keys(policy).length ? policy : undefined,
  });
  if (!result.ok) return refuse(result.error, result.details, result.status);
  return redirect(`/connections?created=${encodeURIComponent(result.value.id)}#connection-${result.value.id}`);
}

function Health({ connection, now }: { connection: Connection; now: number }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  return (
    <dl className="cf-conn__stats">
      <div className="cf-conn__stat" data-stat="ordersToday">
        <dt>{t("channels.health.ordersToday")}</dt>
        <dd className="cf-num">{format.number(connection.ordersToday)}</dd>
      </div>
      <div className="cf-conn__stat" data-stat="rejectedToday">
        <dt>{t("channels.health.rejectedToday")}</dt>
        <dd className={connection.rejectedToday > 0 ? "cf-num cf-conn__bad" : "cf-num"}>
          {format.number(connection.rejectedToday)}
        </dd>
      </div>
      <div className="cf-conn__stat" data-stat="deadLetters">
        <dt>{t("channels.health.deadLetters")}</dt>
        <dd className="cf-num">
          {connection.deadLetters > 0 ? (
            <Link
              to={`/dead-letters?connection=${encodeURIComponent(connection.id)}`}
              className="cf-conn__warn"
              aria-label={t("channels.health.reviewDeadLetters", { count: connection.deadLetters })}
            >
              {format.number(connection.deadLetters)}
            </Link>
          ) : (
            format.number(0)
          )}
        </dd>
      </div>
      <div className="cf-conn__stat cf-conn__stat--wide" data-stat="lastSync">
        <dt>{t("channels.health.lastSync")}</dt>
        <dd>
          {connection.lastSyncAt ? (
            <RelativeTime iso={connection.lastSyncAt} now={now} />
          ) : (
            <span className="cf-subtle">{t("channels.health.never")}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The connection's non-secret settings and its stock policy, in a line each. */
function Facts({ connection }: { connection: Connection }) {
  const { t } = useTranslation("console");
  const text = useChannelText();
  const policy = usePolicySummary();
  const settings = connection.fields.filter(
    (field) =>
      !field.secret && typeof connection.settings[field.key] === "string" && connection.settings[field.key] !== "",
  );
  return (
    <dl className="cf-conn__facts">
      {settings.map((field) => (
        <div key={field.key}>
          <dt>{text.fieldLabel(field, connection.channel)}</dt>
          <dd>{String(connection.settings[field.key])}</dd>
        </div>
      ))}
      <div>
        <dt>{t("channels.policy.label")}</dt>
        <dd>{policy(connection.stockPolicy)}</dd>
      </div>
    </dl>
  );
}

function ConnectionCard({ connection, now, canAct }: { connection: Connection; now: number; canAct: boolean }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("id") === connection.id ? navigation.formData : null;
  const paused = connection.status === "paused";
  return (
    <article
      className={`cf-card cf-conn${paused ? " cf-conn--paused" : ""}`}
      id={`connection-${connection.id}`}
      data-connection-id={connection.id}
      aria-labelledby={`connection-${connection.id}-name`}
    >
      <header className="cf-conn__head">
        <ChannelMark channel={connection.channel} size="lg" />
        <div className="cf-conn__title">
          <h2 className="cf-conn__name" id={`connection-${connection.id}-name`}>
            <Link to={`/connections/${connection.id}`}>{connection.name}</Link>
          </h2>
          <p className="cf-conn__channel">{format.channel(connection.channel)}</p>
        </div>
        <ConnectionStatusBadge status={connection.status} />
      </header>

      <Health connection={connection} now={now} />
      <Facts connection={connection} />

      {connection.lastError ? (
        <div className="cf-conn__error" role="note">
          <Icon name="alert" className="cf-conn__error-icon" />
          <div>
            <p className="cf-conn__error-title">
              {t("channels.health.lastError")}
              {connection.lastErrorAt ? (
                <>
                  {" · "}
                  <RelativeTime iso={connection.lastErrorAt} now={now} />
                </>
              ) : null}
            </p>
            <p className="cf-conn__error-message" title={connection.lastError}>
              {connection.lastError}
            </p>
          </div>
        </div>
      ) : null}

      {paused ? <p className="cf-conn__paused">{t("channels.pausedHint")}</p> : null}

      <div className="cf-conn__webhook">
        {connection.webhookUrl ? (
          <>
            <label className="cf-field__label" htmlFor={`webhook-${connection.id}`}>
              {t("channels.webhook.label")}
            </label>
            <CopyField
              id={`webhook-${connection.id}`}
              value={connection.webhookUrl}
              label={t("channels.webhook.label")}
            />
          </>
        ) : (
          <p className="cf-subtle cf-conn__note">{t("channels.webhook.none")}</p>
        )}
      </div>

      <footer className="cf-conn__actions">
        {canAct ? (
          <Form method="post" className="cf-row">
            <input type="hidden" name="id" value={connection.id} />
            <input type="hidden" name="name" value={connection.name} />
            <Button
              type="submit"
              name="intent"
              value="sync"
              size="sm"
              variant="primary"
              disabled={paused || Boolean(busy)}
              title={paused ? t("channels.syncPausedHint") : undefined}
            >
              <Icon name="refresh" className={busy?.get("intent") === "sync" ? "cf-spin" : undefined} />
              {t("channels.actions.sync")}
            </Button>
            <Button type="submit" name="intent" value={paused ? "resume" : "pause"} size="sm" disabled={Boolean(busy)}>
              {paused ? t("channels.actions.resume") : t("channels.actions.pause")}
            </Button>
          </Form>
        ) : (
          <span />
        )}
        <ButtonLink to={`/connections/${connection.id}`} size="sm" variant="ghost">
          {t("channels.actions.details")}
          <Icon name="chevronRight" />
        </ButtonLink>
      </footer>
    </article>
  );
}

function ConnectForm({
  channels,
  selected,
  failure,
}: {
  channels: Record<string, Connection["fields"]>;
  selected: string;
  failure: ConnectFailure | null;
}) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const text = useChannelText();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "connect";
  const fields = channels[selected] ?? [];
  const nameError = fieldError(failure?.details, "name");
  const known = (key: string) => `channels.about.${key}` as "channels.about.demo";
  return (
    <Card
      id="connect"
      title={t("channels.form.title")}
      subtitle={t("channels.form.subtitle")}
      divided
      className="cf-connect"
    >
      <nav className="cf-channel-picker" aria-label={t("channels.form.pickChannel")}>
        {Object.keys(channels).map((channel) => (
          <Link
            key={channel}
            to={`/connections?connect=${channel}#connect`}
            className="cf-channel-picker__item"
            aria-current={channel === selected ? "true" : undefined}
            preventScrollReset
            data-channel={channel}
          >
            <ChannelMark channel={channel} />
            <span className="cf-channel-picker__text">
              <span className="cf-channel-picker__name">{format.channel(channel)}</span>
              <span className="cf-channel-picker__about">{t(known(channel), { defaultValue: "" })}</span>
            </span>
          </Link>
        ))}
      </nav>

      {selected ? (
        <Form
          method="post"
          className="cf-connect__form"
          aria-label={t("channels.form.formLabel", { channel: format.channel(selected) })}
        >
          <input type="hidden" name="channel" value={selected} />
          {failure?.error.message && !failure.details.length ? (
            <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
              {failure.error.message}
            </Notice>
          ) : failure ? (
            <Notice tone="danger" role="alert">
              {t("channels.form.fixFields")}
            </Notice>
          ) : null}
          <Field
            label={t("channels.form.name")}
            htmlFor="connect-name"
            hint={t("channels.form.nameHint")}
            error={nameError ? text.problem(nameError) : undefined}
          >
            <TextInput
              id="connect-name"
              name="name"
              maxLength={120}
              defaultValue={failure?.name}
              placeholder={t("channels.form.namePlaceholder", { channel: format.channel(selected) })}
              aria-invalid={nameError ? true : undefined}
            />
          </Field>
          {fields.length ? (
            <fieldset className="cf-fieldset">
              <legend className="cf-fieldset__legend">{t("channels.form.credentials")}</legend>
              <ConnectionFields
                idPrefix="connect"
                channel={selected}
                fields={fields}
                values={failure?.values ?? {}}
                details={failure?.details}
                mode="create"
              />
            </fieldset>
          ) : null}
          <StockPolicyFields
            idPrefix="connect"
            policy={Object.fromEntries(
              Object.entries(failure?.policy ?? {})
                .filter(([, value]) => value !== "")
                .map(([key, value]) => [key, Number(value)]),
            )}
            details={failure?.details}
          />
          <div className="cf-connect__actions">
            <Button type="submit" name="intent" value="connect" variant="primary" disabled={busy}>
              {t("channels.actions.connect", { channel: format.channel(selected) })}
            </Button>
            <ButtonLink to="/connections" variant="ghost">
              {t("channels.actions.cancel")}
            </ButtonLink>
          </div>
        </Form>
      ) : (
        <p className="cf-subtle cf-connect__hint">{t("channels.form.pickHint")}</p>
      )}
    </Card>
  );
}

function ToggleNotice({ result }: { result: ToggleResult }) {
  const { t } = useTranslation("console");
  if (!result.ok)
    return (
      <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
        {result.error.message}
      </Notice>
    );
  const message =
    result.intent === "sync"
      ? t("channels.flash.syncRequested", { name: result.name })
      : result.intent === "pause"
        ? t("channels.flash.paused", { name: result.name })
        : t("channels.flash.resumed", { name: result.name });
  return (
    <Notice tone={result.intent === "pause" ? "warning" : "success"} role="status">
      {message}
    </Notice>
  );
}

export default function ConnectionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { channels, connections, pendingDeadLetters, connect, created, now } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const failure =
    actionData && actionData.intent === "connect" && !actionData.ok ? (actionData as ConnectFailure) : null;
  const toggle = actionData && actionData.intent !== "connect" ? (actionData as ToggleResult) : null;
  const selected = failure?.channel ?? connect;
  const fresh = created ? connections.find((connection) => connection.id === created) : undefined;

  return (
    <>
      <title>{`${t("channels.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("channels.title")}
        subtitle={t("channels.subtitle")}
        meta={<span>{t("channels.count", { count: connections.length })}</span>}
        actions={
          canAct ? (
            <>
              <ButtonLink to="/imports" variant="ghost">
                <Icon name="file" />
                {t("channels.importAction")}
              </ButtonLink>
              <ButtonLink to="/connections?connect#connect" variant="primary">
                {t("channels.connectAction")}
              </ButtonLink>
            </>
          ) : null
        }
      />
      <div className="cf-stack">
        <ChannelTabs active="connections" deadLetters={pendingDeadLetters} />
        {fresh ? (
          <Notice tone="success" role="status" title={t("channels.flash.created", { name: fresh.name })}>
            {fresh.webhookUrl ? t("channels.flash.createdWebhook") : t("channels.flash.createdDemo")}
          </Notice>
        ) : null}
        {toggle ? <ToggleNotice key={toggle.ok ? toggle.at : "error"} result={toggle} /> : null}
        {!canAct ? <Notice tone="info">{t("channels.readOnly")}</Notice> : null}

        {connections.length === 0 ? (
          <div className="cf-card">
            <EmptyState
              icon="inbox"
              title={t("channels.emptyTitle")}
              body={t("channels.emptyBody")}
              action={
                canAct ? (
                  <ButtonLink to="/connections?connect=demo#connect" variant="primary">
                    {t("channels.emptyAction")}
                  </ButtonLink>
                ) : undefined
              }
            />
          </div>
        ) : (
          <div className="cf-conn-grid">
            {connections.map((connection) => (
              <ConnectionCard key={connection.id} connection={connection} now={now} canAct={canAct} />
            ))}
          </div>
        )}

        {canAct ? <ConnectForm channels={channels} selected={selected} failure={failure} /> : null}
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
