import { useFormat } from "@crossflow/i18n/react";
import { Badge, Button, DataTable, EmptyState, Icon, Notice, PageHeader, TabLinks } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import {
  type Instruction,
  type InstructionStatus,
  instructionsApi,
  type PartnerWebhook,
  webhookApi,
} from "../lib/api.server";
import type { Route } from "./+types/instructions";

// What the warehouse has to do for each merchant: pick, pack and label a booked parcel (with
// its label to print), or expect a return. Open ones per merchant and warehouse; done and
// cancelled ones as history. "Mark done" is a plain form post.

const STATUSES: InstructionStatus[] = ["open", "done", "cancelled"];

function tabLink(status: InstructionStatus): string {
  return status === "open" ? "/instructions" : `/instructions?status=${status}`;
}

export async function loader({ request }: Route.LoaderArgs) {
  const requested = new URL(request.url).searchParams.get("status") as InstructionStatus | null;
  const status: InstructionStatus = requested && STATUSES.includes(requested) ? requested : "open";
  const [webhook, ...lists] = await Promise.all([
    webhookApi.get(request),
    ...STATUSES.map((s) => instructionsApi.list(request, s)),
  ]);
  const counts = Object.fromEntries(STATUSES.map((s, index) => [s, lists[index]!.data.length])) as Record<
    InstructionStatus,
    number
  >;
  return { status, counts, instructions: lists[STATUSES.indexOf(status)]!.data, webhook: webhook as PartnerWebhook };
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "webhook-set") {
    const result = await webhookApi.set(request, String(form.get("url") ?? "").slice(0, 500));
    if (!result.ok) return data({ ok: false as const, error: result.error }, { status: result.status });
    return { ok: true as const, webhookSecret: result.value.secret, at: Date.now() };
  }
  if (intent === "webhook-remove") {
    await webhookApi.remove(request);
    return { ok: true as const, webhookRemoved: true, at: Date.now() };
  }
  const tenantId = String(form.get("tenantId") ?? "").slice(0, 64);
  const id = String(form.get("id") ?? "").slice(0, 64);
  const orderNumber = String(form.get("orderNumber") ?? "").slice(0, 64);
  if (String(form.get("intent")) !== "done" || !tenantId || !id)
    return data({ ok: false as const, error: { code: "invalid_intent", message: "Unknown action" } }, { status: 400 });
  const result = await instructionsApi.markDone(request, tenantId, id);
  if (!result.ok) return data({ ok: false as const, error: result.error }, { status: result.status });
  return { ok: true as const, orderNumber: result.value.payload?.orderNumber ?? orderNumber, at: Date.now() };
}

/** "dhl_parcel" → "DHL Parcel", "special_line" → "Special line": carrier codes as words. */
function carrierWords(code: string | null | undefined): string {
  if (!code) return "";
  const upper = new Set(["dhl", "ups", "usps", "ems", "4px", "dpd", "gls", "tnt", "sf"]);
  return code
    .split("_")
    .map((word, index) =>
      upper.has(word) ? word.toUpperCase() : index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word,
    )
    .join(" ");
}

function documentHref(instruction: Instruction, documentId: string, download = false): string {
  const path = `/instructions/${encodeURIComponent(instruction.tenantId)}/documents/${encodeURIComponent(documentId)}`;
  return download ? `${path}?download=1` : path;
}

function LabelLinks({ instruction }: { instruction: Instruction }) {
  const { t } = useTranslation("partner");
  const [label, zpl] = instruction.payload.documentIds ?? [];
  // Links to a resource route: plain <a> with the app's base path.
  const base = import.meta.env.BASE_URL.replace(/\/+$/, "");
  return (
    <>
      {label ? (
        <a
          className="cf-btn cf-btn--primary cf-btn--sm"
          href={`${base}${documentHref(instruction, label)}`}
          target="_blank"
          rel="noreferrer"
        >
          <Icon name="file" />
          {t("instructions.printPdf")}
        </a>
      ) : null}
      {zpl ? (
        <a
          className="cf-btn cf-btn--sm"
          href={`${base}${documentHref(instruction, zpl, true)}`}
          title={t("instructions.zplTitle")}
          download
        >
          <Icon name="file" />
          {t("instructions.zpl")}
        </a>
      ) : null}
    </>
  );
}

function InstructionCard({ instruction }: { instruction: Instruction }) {
  const { t } = useTranslation("partner");
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("id") === instruction.id;
  const { payload } = instruction;
  const carrier = [carrierWords(payload.carrier), carrierWords(payload.service)].filter(Boolean).join(" · ");
  return (
    <li
      className="cf-card cf-instr"
      data-instruction-id={instruction.id}
      aria-label={t("instructions.order", { number: payload.orderNumber })}
    >
      <div className="cf-instr__head">
        <h3 className="cf-instr__order">{t("instructions.order", { number: payload.orderNumber })}</h3>
        <Badge tone={instruction.kind === "expected_return" ? "info" : "accent"}>
          {t(`instructions.kind.${instruction.kind}`)}
        </Badge>
        {payload.rma ? <Badge>{t("instructions.rma", { rma: payload.rma })}</Badge> : null}
        <span className="cf-cell-sub cf-instr__time">
          <time dateTime={instruction.createdAt} title={format.dateTime(instruction.createdAt, "long")}>
            {t("instructions.received", { date: format.dateTime(instruction.createdAt, "short") })}
          </time>
        </span>
      </div>
      <dl className="cf-instr__facts">
        <div>
          <dt>{t("instructions.carrier")}</dt>
          <dd>{carrier || "—"}</dd>
        </div>
        <div>
          <dt>{t("instructions.trackingNumber")}</dt>
          <dd className="cf-mono">{payload.trackingNumber ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("instructions.weight")}</dt>
          <dd className="cf-num">
            {payload.weightGrams
              ? t("instructions.weightValue", { value: format.number(Math.round(payload.weightGrams) / 1000) })
              : "—"}
          </dd>
        </div>
      </dl>
      <table className="cf-instr__lines">
        <thead>
          <tr>
            <th scope="col" className="cf-instr__th">
              {t("instructions.col.sku")}
            </th>
            <th scope="col" className="cf-instr__th">
              {t("instructions.col.item")}
            </th>
            <th scope="col" className="cf-instr__th cf-instr__th--qty">
              {t("instructions.col.quantity")}
            </th>
          </tr>
        </thead>
        <tbody>
          {payload.lines.map((line) => (
            <tr key={line.sku}>
              <td className="cf-instr__td cf-instr__td--sku">
                <code>{line.sku}</code>
              </td>
              <td className="cf-instr__td">
                {line.title}
                {line.reason ? <div className="cf-cell-sub">{line.reason}</div> : null}
              </td>
              <td className="cf-instr__td cf-instr__td--qty">
                <span className="cf-instr__qty cf-num">× {format.number(line.quantity)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="cf-instr__actions">
        <LabelLinks instruction={instruction} />
        {instruction.status === "open" ? (
          <Form method="post">
            <input type="hidden" name="tenantId" value={instruction.tenantId} />
            <input type="hidden" name="id" value={instruction.id} />
            <input type="hidden" name="orderNumber" value={payload.orderNumber} />
            <Button
              type="submit"
              name="intent"
              value="done"
              size="sm"
              disabled={busy}
              aria-label={t("instructions.markDoneFor", { number: payload.orderNumber })}
            >
              <Icon name="check" />
              {t("instructions.markDone")}
            </Button>
          </Form>
        ) : null}
      </div>
    </li>
  );
}

/** Open instructions grouped by merchant and warehouse, oldest first so the queue reads top-down. */
function OpenInstructions({ instructions }: { instructions: Instruction[] }) {
  const { t } = useTranslation("partner");
  const groups = new Map<string, Instruction[]>();
  for (const instruction of [...instructions].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const key = `${instruction.tenantId}/${instruction.warehouseId}`;
    groups.set(key, [...(groups.get(key) ?? []), instruction]);
  }
  return (
    <div className="cf-instr-groups">
      {[...groups.entries()].map(([key, items]) => (
        <section key={key} className="cf-instr-group" aria-label={`${items[0]!.tenantName} ${items[0]!.warehouseCode}`}>
          <header className="cf-instr-group__head">
            <Icon name="warehouse" />
            <h2>{items[0]!.tenantName}</h2>
            <Badge square>{items[0]!.warehouseCode}</Badge>
            <span className="cf-muted">{t("instructions.count", { count: items.length })}</span>
          </header>
          <ul className="cf-instr-list">
            {items.map((instruction) => (
              <InstructionCard key={instruction.id} instruction={instruction} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function History({ instructions }: { instructions: Instruction[] }) {
  const { t } = useTranslation("partner");
  const format = useFormat();
  return (
    <div className="cf-card cf-instr-panel">
      <DataTable
        caption={t("instructions.title")}
        rows={instructions}
        rowKey={(row) => row.id}
        empty={<EmptyState icon="inbox" title={t("instructions.emptyHistory")} />}
        columns={[
          {
            key: "order",
            header: t("instructions.col.order"),
            cell: (row) => (
              <>
                <div className="cf-cell-main cf-nowrap">{row.payload.orderNumber}</div>
                <div className="cf-cell-sub cf-mono">{row.payload.trackingNumber ?? ""}</div>
              </>
            ),
          },
          { key: "merchant", header: t("instructions.col.merchant"), cell: (row) => row.tenantName },
          {
            key: "warehouse",
            header: t("instructions.col.warehouse"),
            cell: (row) => <Badge square>{row.warehouseCode}</Badge>,
          },
          {
            key: "kind",
            header: t("instructions.col.kind"),
            cell: (row) => t(`instructions.kind.${row.kind}`),
          },
          {
            key: "status",
            header: t("instructions.col.status"),
            cell: (row) => (
              <Badge tone={row.status === "done" ? "success" : "neutral"} dot>
                {t(`instructions.status.${row.status}`)}
              </Badge>
            ),
          },
          {
            key: "finished",
            header: t("instructions.col.finished"),
            align: "right",
            cell: (row) =>
              row.doneAt ? (
                <time className="cf-num cf-muted cf-nowrap" dateTime={row.doneAt}>
                  {format.dateTime(row.doneAt, "short")}
                </time>
              ) : null,
          },
        ]}
      />
    </div>
  );
}

/** For 3PLs with their own system: instructions are also POSTed, signed, to their URL. */
function WebhookCard({ webhook, secret }: { webhook: PartnerWebhook; secret?: string }) {
  const { t } = useTranslation("partner");
  return (
    <section className="cf-card cf-instr-panel" aria-label={t("instructions.webhook.title")}>
      <div className="cf-stack cf-stack--sm" style={{ padding: "var(--cf-space-4) var(--cf-space-5)" }}>
        <h2 className="cf-card__title">{t("instructions.webhook.title")}</h2>
        <p className="cf-muted">{t("instructions.webhook.body")}</p>
        {secret ? (
          <Notice tone="warning" role="status" title={t("instructions.webhook.secretTitle")}>
            <code className="cf-mono">{secret}</code>
            <p>{t("instructions.webhook.secretBody")}</p>
          </Notice>
        ) : null}
        <Form method="post" className="cf-row" aria-label={t("instructions.webhook.title")}>
          <input type="hidden" name="intent" value="webhook-set" />
          <label className="cf-field__label" htmlFor="webhook-url">
            {t("instructions.webhook.url")}
          </label>
          <input
            id="webhook-url"
            className="cf-input"
            name="url"
            type="url"
            required
            defaultValue={webhook.url ?? ""}
            placeholder="https://wms.example.com/crossflow"
          />
          <Button type="submit" size="sm" variant="primary">
            {t("instructions.webhook.save")}
          </Button>
        </Form>
        {webhook.configured ? (
          <Form method="post">
            <input type="hidden" name="intent" value="webhook-remove" />
            <Button type="submit" size="sm">
              {t("instructions.webhook.remove")}
            </Button>
          </Form>
        ) : (
          <p className="cf-field__hint">{t("instructions.webhook.none")}</p>
        )}
      </div>
    </section>
  );
}

export default function InstructionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { status, counts, instructions, webhook } = loaderData;
  const { t } = useTranslation("partner");
  const { t: tc } = useTranslation("common");
  const format = useFormat();

  return (
    <>
      <title>{`${t("instructions.title")} · ${t("appName")} · ${tc("brand")}`}</title>
      <PageHeader title={t("instructions.title")} subtitle={t("instructions.subtitle")} />
      <div className="cf-stack cf-stack--sm">
        {actionData?.ok && "orderNumber" in actionData ? (
          <Notice key={actionData.at} tone="success" role="status">
            {t("instructions.done", { number: actionData.orderNumber })}
          </Notice>
        ) : actionData?.ok ? (
          <Notice key={actionData.at} tone="success" role="status">
            {"webhookRemoved" in actionData ? t("instructions.webhook.removed") : t("instructions.webhook.saved")}
          </Notice>
        ) : actionData ? (
          <Notice tone="danger" role="alert" title={t("instructions.failedTitle")}>
            {actionData.error.message}
          </Notice>
        ) : null}
        <TabLinks
          label={t("instructions.tabs")}
          items={STATUSES.map((s) => ({
            key: s,
            to: tabLink(s),
            label: t(`instructions.status.${s}`),
            count: counts[s],
            active: s === status,
          }))}
        />
      </div>
      {status === "open" ? (
        instructions.length === 0 ? (
          <div className="cf-card cf-instr-panel">
            <EmptyState icon="package" title={t("instructions.emptyOpen")} body={t("instructions.emptyOpenBody")} />
          </div>
        ) : (
          <OpenInstructions instructions={instructions} />
        )
      ) : (
        <History instructions={instructions} />
      )}
      <WebhookCard
        webhook={webhook}
        secret={actionData?.ok && "webhookSecret" in actionData ? actionData.webhookSecret : undefined}
      />
      <p className="cf-footnote">{tc("time.shownIn", { timeZone: format.timeZone })}</p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
