import { useFormat } from "@crossflow/i18n/react";
import { Button, Card, DataTable, Icon, KeyValueList, Notice, PageHeader } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import { ChannelMark, DeadLetterStatusBadge, problemsOf, RelativeTime, ReplayOutcome } from "../components/channels";
import { api, type ReplayResult } from "../lib/api.server";
import { canActOnOrders } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/dead-letter";

// One dead letter: why it failed, the payload as it arrived (formatted when it is JSON), its
// headers, and the replay button.

/** Headers that carry someone's credentials: kept with the dead letter, but not shown. */
const SENSITIVE_HEADERS = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);

/** Pretty JSON when the payload parses, else the text as received. */
function formatPayload(payload: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(payload), null, 2), json: true };
  } catch {
    return { text: payload, json: false };
  }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const [letter, { connections }] = await Promise.all([
    api.deadLetter(request, params.deadLetterId),
    api.connections(request),
  ]);
  const connection = connections.find((item) => item.id === letter.connectionId);
  return {
    letter,
    payload: formatPayload(letter.payload),
    connection: connection ? { id: connection.id, name: connection.name, channel: connection.channel } : null,
    now: Date.now(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  if (String(form.get("intent")) !== "replay")
    return data({ ok: false as const, error: { code: "invalid_intent", message: "Unknown action" } }, { status: 400 });
  const result = await api.replayDeadLetter(request, params.deadLetterId);
  if (!result.ok) return data({ ok: false as const, error: result.error }, { status: result.status });
  return { ok: true as const, result: result.value as ReplayResult, at: Date.now() };
}

export default function DeadLetterPage({ loaderData, actionData }: Route.ComponentProps) {
  const { letter, payload, connection, now } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const navigation = useNavigation();
  const replaying = navigation.state === "submitting";
  const problems = problemsOf(letter.details);
  const headers = Object.entries(letter.headers ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <>
      <title>{`${t("channels.deadLetter.title")} ${letter.id} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={
          <Link to="/dead-letters">
            <Icon name="arrowLeft" /> {t("channels.deadLetters.title")}
          </Link>
        }
        title={
          <span className="cf-row">
            {t("channels.deadLetter.title")} <span className="cf-mono cf-subtle">{letter.id}</span>
          </span>
        }
        meta={
          <>
            <DeadLetterStatusBadge status={letter.status} />
            <span>{t("channels.deadLetter.receivedAt", { date: format.dateTime(letter.createdAt, "long") })}</span>
          </>
        }
        actions={
          canAct && letter.status !== "replayed" ? (
            <Form method="post">
              <Button type="submit" name="intent" value="replay" variant="primary" disabled={replaying}>
                <Icon name="refresh" className={replaying ? "cf-spin" : undefined} />
                {t("channels.actions.replay")}
              </Button>
            </Form>
          ) : null
        }
      />
      <div className="cf-stack">
        {actionData?.ok ? <ReplayOutcome key={actionData.at} result={actionData.result} /> : null}
        {actionData && !actionData.ok ? (
          <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
            {actionData.error.message}
          </Notice>
        ) : null}

        <div className="cf-grid cf-grid--detail">
          <div className="cf-stack">
            <Card title={t("channels.deadLetter.why")} divided>
              <p className="cf-dl-error">{letter.error}</p>
              {problems.length ? (
                <ul className="cf-problems cf-problems--lg">
                  {problems.map((problem, index) => (
                    <li key={index}>
                      {problem.path ? <code>{problem.path}</code> : null} {problem.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canAct && letter.status !== "replayed" ? (
                <p className="cf-subtle cf-dl-hint">{t("channels.deadLetter.replayHint")}</p>
              ) : null}
            </Card>
            <Card
              title={t("channels.deadLetter.payload")}
              subtitle={payload.json ? t("channels.deadLetter.payloadJson") : t("channels.deadLetter.payloadRaw")}
              divided
            >
              <pre className="cf-code cf-payload" data-json={payload.json || undefined}>
                {payload.text}
              </pre>
            </Card>
            <Card title={t("channels.deadLetter.headers")} flush>
              <DataTable
                caption={t("channels.deadLetter.headers")}
                rows={headers}
                rowKey={([name]) => name}
                empty={<p className="cf-subtle cf-card__body">{t("channels.deadLetter.noHeaders")}</p>}
                columns={[
                  {
                    key: "name",
                    header: t("channels.deadLetter.header"),
                    cell: ([name]) => <span className="cf-mono cf-nowrap">{name}</span>,
                  },
                  {
                    key: "value",
                    header: t("channels.deadLetter.value"),
                    className: "cf-col-error",
                    cell: ([name, value]) =>
                      SENSITIVE_HEADERS.has(name.toLowerCase()) ? (
                        <span className="cf-subtle">{t("channels.deadLetter.hidden")}</span>
                      ) : (
                        <span className="cf-mono cf-break">{value}</span>
                      ),
                  },
                ]}
              />
            </Card>
          </div>
          <div className="cf-stack">
            <Card title={t("channels.deadLetter.facts")}>
              <KeyValueList
                items={[
                  {
                    label: t("channels.deadLetters.col.source"),
                    value: connection ? (
                      <span className="cf-row">
                        <ChannelMark channel={connection.channel} />
                        <Link to={`/connections/${connection.id}`}>{connection.name}</Link>
                      </span>
                    ) : (
                      format.channel(letter.source)
                    ),
                  },
                  {
                    label: t("channels.deadLetters.col.received"),
                    value: <RelativeTime iso={letter.createdAt} now={now} />,
                  },
                  { label: t("channels.deadLetters.col.attempts"), value: format.number(letter.attempts) },
                  {
                    label: t("channels.deadLetter.replayedAt"),
                    value: letter.replayedAt ? (
                      <RelativeTime iso={letter.replayedAt} now={now} />
                    ) : (
                      <span className="cf-subtle">—</span>
                    ),
                  },
                  {
                    label: t("channels.deadLetter.size"),
                    value: t("channels.deadLetter.characters", { count: letter.payload.length }),
                  },
                ]}
              />
            </Card>
          </div>
        </div>
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
