import { useFormat } from "@crossflow/i18n/react";
import { Button, DataTable, EmptyState, Notice, PageHeader, TabLinks } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import {
  ChannelMark,
  ChannelTabs,
  DeadLetterStatusBadge,
  problemsOf,
  RelativeTime,
  ReplayOutcome,
} from "../components/channels";
import { api, type DeadLetterStatus, type DeadLetterSummary, type ReplayResult } from "../lib/api.server";
import { canActOnOrders, formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/dead-letters";

// Deliveries that were authentic but could not be mapped to an order, kept verbatim. Tabs by
// status; a replay runs intake again with today's mapping and says what happened.

const STATUSES: DeadLetterStatus[] = ["pending", "failed", "replayed"];

function listLink(status: DeadLetterStatus, connection: string): string {
  const params = new URLSearchParams();
  if (status !== "pending") params.set("status", status);
  if (connection) params.set("connection", connection);
  const search = params.toString();
  return search ? `/dead-letters?${search}` : "/dead-letters";
}

/** With field problems listed below it, the error's lead ("The order could not be mapped") is enough. */
function headline(error: string, hasProblems: boolean): string {
  const colon = error.indexOf(": ");
  return hasProblems && colon > 0 ? error.slice(0, colon) : error;
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get("status") as DeadLetterStatus | null;
  const status: DeadLetterStatus = requested && STATUSES.includes(requested) ? requested : "pending";
  const connection = (url.searchParams.get("connection") ?? "").slice(0, 64);
  const [{ deadLetters }, { connections }] = await Promise.all([api.deadLetters(request), api.connections(request)]);
  const inScope = connection ? deadLetters.filter((letter) => letter.connectionId === connection) : deadLetters;
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, inScope.filter((letter) => letter.status === s).length]),
  ) as Record<DeadLetterStatus, number>;
  return {
    status,
    connection,
    rows: inScope.filter((letter) => letter.status === status),
    counts,
    pendingAll: deadLetters.filter((letter) => letter.status === "pending").length,
    connections: connections.map(({ id, name, channel }) => ({ id, name, channel })),
    now: Date.now(),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, "id", 64);
  if (String(form.get("intent")) !== "replay" || !id)
    return data(
      { ok: false as const, id: id ?? "", error: { code: "invalid_intent", message: "Unknown action" } },
      { status: 400 },
    );
  const result = await api.replayDeadLetter(request, id);
  if (!result.ok) return data({ ok: false as const, id, error: result.error }, { status: result.status });
  return { ok: true as const, id, result: result.value as ReplayResult, at: Date.now() };
}

export default function DeadLettersPage({ loaderData, actionData }: Route.ComponentProps) {
  const { status, connection, rows, counts, pendingAll, connections, now } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const navigation = useNavigation();
  const replaying = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const byId = new Map(connections.map((item) => [item.id, item]));
  const scoped = connection ? byId.get(connection) : undefined;

  const sourceCell = (letter: DeadLetterSummary) => {
    const through = letter.connectionId ? byId.get(letter.connectionId) : undefined;
    return (
      <div className="cf-row cf-nowrap">
        <ChannelMark channel={through?.channel ?? letter.source} />
        <div>
          <div className="cf-cell-main">
            {through ? (
              <Link to={`/connections/${through.id}`} className="cf-above-row-link">
                {through.name}
              </Link>
            ) : (
              format.channel(letter.source)
            )}
          </div>
          <div className="cf-cell-sub">{format.channel(through?.channel ?? letter.source)}</div>
        </div>
      </div>
    );
  };

  return (
    <>
      <title>{`${t("channels.deadLetters.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("channels.deadLetters.title")}
        subtitle={t("channels.deadLetters.subtitle")}
        meta={<span>{t("channels.deadLetters.waiting", { count: pendingAll })}</span>}
      />
      <div className="cf-stack cf-stack--sm">
        <ChannelTabs active="deadLetters" deadLetters={pendingAll} />
        {actionData?.ok ? (
          <ReplayOutcome key={actionData.at} result={actionData.result} />
        ) : actionData ? (
          <Notice tone="danger" role="alert" title={t("channels.flash.failedTitle")}>
            {actionData.error.message}
          </Notice>
        ) : null}
        {scoped ? (
          <Notice tone="info">
            {t("channels.deadLetters.filteredBy", { name: scoped.name })}{" "}
            <Link to={listLink(status, "")}>{t("channels.deadLetters.showAll")}</Link>
          </Notice>
        ) : null}
        <TabLinks
          label={t("channels.deadLetters.tabs")}
          items={STATUSES.map((s) => ({
            key: s,
            to: listLink(s, connection),
            label: t(`channels.deadLetters.status.${s}`),
            count: counts[s],
            active: s === status,
          }))}
        />
      </div>

      <div className="cf-card cf-dead-letters">
        <DataTable
          caption={t("channels.deadLetters.title")}
          rows={rows}
          rowKey={(letter) => letter.id}
          rowLink={(letter) => ({
            to: `/dead-letters/${letter.id}`,
            label: <RelativeTime iso={letter.createdAt} now={now} />,
          })}
          linkColumn="id"
          empty={
            <EmptyState
              icon={status === "pending" ? "check" : "inbox"}
              title={t(`channels.deadLetters.empty.${status}`)}
              body={status === "pending" ? t("channels.deadLetters.emptyBody") : undefined}
            />
          }
          columns={[
            {
              key: "id",
              header: t("channels.deadLetters.col.received"),
              className: "cf-col-dl-id",
              cell: (letter) => <div className="cf-cell-sub cf-mono cf-dl-id">{letter.id}</div>,
            },
            { key: "source", header: t("channels.deadLetters.col.source"), cell: sourceCell },
            {
              key: "error",
              header: t("channels.deadLetters.col.error"),
              className: "cf-col-error",
              cell: (letter) => {
                const problems = problemsOf(letter.details);
                return (
                  <>
                    <div className="cf-cell-main cf-text-danger" title={letter.error}>
                      {headline(letter.error, problems.length > 0)}
                    </div>
                    {problems.length ? (
                      <ul className="cf-problems">
                        {problems.slice(0, 4).map((problem, index) => (
                          <li key={index}>
                            {problem.path ? <code>{problem.path}</code> : null} {problem.message}
                          </li>
                        ))}
                        {problems.length > 4 ? (
                          <li className="cf-subtle">
                            {t("channels.deadLetters.more", { count: problems.length - 4 })}
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                  </>
                );
              },
            },
            {
              key: "attempts",
              header: t("channels.deadLetters.col.attempts"),
              align: "right",
              cell: (letter) => <span className="cf-num">{letter.attempts}</span>,
            },
            {
              key: "status",
              header: t("channels.deadLetters.col.status"),
              cell: (letter) => (
                <>
                  <DeadLetterStatusBadge status={letter.status} />
                  {letter.replayedAt ? (
                    <div className="cf-cell-sub cf-nowrap">{format.dateTime(letter.replayedAt, "short")}</div>
                  ) : null}
                </>
              ),
            },
            ...(canAct && status !== "replayed"
              ? [
                  {
                    key: "replay",
                    header: <span className="cf-visually-hidden">{t("channels.actions.replay")}</span>,
                    align: "right" as const,
                    cell: (letter: DeadLetterSummary) => (
                      <Form method="post" className="cf-above-row-link">
                        <input type="hidden" name="id" value={letter.id} />
                        <Button
                          type="submit"
                          name="intent"
                          value="replay"
                          size="sm"
                          disabled={replaying === letter.id}
                          aria-label={t("channels.deadLetters.replayOne", { id: letter.id })}
                        >
                          {t("channels.actions.replay")}
                        </Button>
                      </Form>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
