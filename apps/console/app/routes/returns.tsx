import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  DataTable,
  EmptyState,
  Field,
  Notice,
  PageHeader,
  TabLinks,
  TextInput,
  type Tone,
} from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import {
  type FieldError,
  type ReturnPolicy,
  type ReturnStatus,
  type ReturnSummary,
  returnsApi,
} from "../lib/api.server";
import { formText } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/returns";

// Returns started by shoppers in the portal, by status, and the tenant's return policy.

const TABS: Array<ReturnStatus | "all"> = [
  "all",
  "requested",
  "approved",
  "received",
  "refund_pending_approval",
  "refunded",
  "rejected",
];
const STATUSES: ReturnStatus[] = [
  "requested",
  "approved",
  "rejected",
  "in_transit",
  "received",
  "refund_pending_approval",
  "refunded",
  "closed",
];
const THRESHOLD_CURRENCIES = ["EUR", "GBP", "USD"] as const;

export const RETURN_TONES: Record<ReturnStatus, Tone> = {
  requested: "warning",
  approved: "info",
  rejected: "danger",
  in_transit: "accent",
  received: "accent",
  refund_pending_approval: "warning",
  refunded: "success",
  closed: "neutral",
};

export async function loader({ request }: Route.LoaderArgs) {
  const requested = new URL(request.url).searchParams.get("status");
  const status = requested && (STATUSES as string[]).includes(requested) ? (requested as ReturnStatus) : null;
  const [list, policy] = await Promise.all([returnsApi.list(request, status), returnsApi.policy(request)]);
  return { status, list, policy };
}

/** "200.00" → 20000; blank → undefined; anything else → NaN (reported as a field error). */
function minorUnits(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+([.,]\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text.replace(",", ".")) * 100);
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  if (String(form.get("intent")) !== "policy")
    return data({ ok: false as const, message: "Unknown action", details: [] as FieldError[] }, { status: 400 });
  const numberOf = (name: string) => {
    const text = formText(form, name, 20);
    return text === undefined ? undefined : Number(text);
  };
  const details: FieldError[] = [];
  const fourEyesThreshold: Record<string, number> = {};
  for (const currency of THRESHOLD_CURRENCIES) {
    const amount = minorUnits(formText(form, `threshold.${currency}`, 20));
    if (amount === undefined) continue;
    if (Number.isNaN(amount)) details.push({ path: `fourEyesThreshold.${currency}`, message: "amount" });
    else fourEyesThreshold[currency] = amount;
  }
  if (details.length) return data({ ok: false as const, message: "invalid", details }, { status: 400 });
  const policy: Partial<ReturnPolicy> = {
    enabled: form.get("enabled") === "on",
    autoApprove: form.get("autoApprove") === "on",
    refundOriginalShippingWhenMerchantAtFault: form.get("refundOriginalShipping") === "on",
    fourEyesThreshold,
    excludedSkus: (formText(form, "excludedSkus", 5000) ?? "")
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
  const windowDays = numberOf("windowDays");
  if (windowDays !== undefined) policy.windowDays = windowDays;
  const restocking = numberOf("restockingFeePercent");
  if (restocking !== undefined) policy.restockingFeePercent = restocking;
  const damaged = numberOf("damagedPercent");
  if (damaged !== undefined) {
    const current = (await returnsApi.policy(request)).policy.conditionRefundPercent;
    policy.conditionRefundPercent = { ...current, damaged };
  }
  const saved = await returnsApi.savePolicy(request, policy);
  if (!saved.ok)
    return data({ ok: false as const, message: saved.error.message, details: saved.details }, { status: saved.status });
  return { ok: true as const, at: Date.now() };
}

function listLink(status: ReturnStatus | "all"): string {
  return status === "all" ? "/returns" : `/returns?status=${status}`;
}

export default function ReturnsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { status, list, policy } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const total = Object.values(list.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const reasons = (row: ReturnSummary) =>
    row.reasons.map((r) => t(`returns.reason.${r}` as "returns.reason.other", { defaultValue: r })).join(", ");

  return (
    <>
      <title>{`${t("returns.title")} · ${tc("brand")}`}</title>
      <PageHeader
        title={t("returns.title")}
        subtitle={t("returns.subtitle")}
        meta={<span>{t("returns.waiting", { count: list.counts.requested ?? 0 })}</span>}
      />
      <div className="cf-stack cf-stack--sm">
        <TabLinks
          label={t("returns.tabs")}
          items={TABS.map((tab) => ({
            key: tab,
            to: listLink(tab),
            label: tab === "all" ? t("returns.all") : t(`returns.status.${tab}`),
            count: tab === "all" ? total : (list.counts[tab] ?? 0),
            active: (status ?? "all") === tab,
          }))}
        />
      </div>
      <div className="cf-card cf-returns">
        <DataTable
          caption={t("returns.title")}
          rows={list.data}
          rowKey={(row) => row.id}
          rowLink={(row) => ({ to: `/returns/${row.id}`, label: row.rma })}
          linkColumn="rma"
          empty={<EmptyState icon="refresh" title={t("returns.empty")} body={t("returns.emptyHint")} />}
          columns={[
            // The row link (rowLink) already shows the RMA in this column.
            { key: "rma", header: t("returns.columns.rma"), cell: () => null },
            {
              key: "order",
              header: t("returns.columns.order"),
              cell: (row) => (
                <div>
                  <div className="cf-cell-main">
                    <Link to={`/orders/${row.orderId}`} className="cf-above-row-link">
                      {row.orderNumber}
                    </Link>
                  </div>
                  <div className="cf-cell-sub">
                    {row.customerName} · {format.country(row.country)}
                  </div>
                </div>
              ),
            },
            {
              key: "status",
              header: t("returns.columns.status"),
              cell: (row) => (
                <Badge tone={RETURN_TONES[row.status]} dot>
                  {t(`returns.status.${row.status}`)}
                </Badge>
              ),
            },
            {
              key: "items",
              header: t("returns.columns.items"),
              cell: (row) => (
                <div>
                  <div className="cf-cell-main">{t("returns.units", { count: row.units })}</div>
                  <div className="cf-cell-sub">{reasons(row)}</div>
                </div>
              ),
            },
            {
              key: "refund",
              header: t("returns.columns.refund"),
              align: "right",
              cell: (row) =>
                row.refundAmount == null ? (
                  <span className="cf-muted">—</span>
                ) : (
                  <span className="cf-num">{format.money(row.refundAmount, row.currency)}</span>
                ),
            },
            {
              key: "created",
              header: t("returns.columns.created"),
              cell: (row) => <time dateTime={row.createdAt}>{format.dateTime(row.createdAt)}</time>,
            },
          ]}
        />
      </div>
      <PolicyCard policy={policy.policy} result={actionData} />
    </>
  );
}

function PolicyCard({
  policy,
  result,
}: {
  policy: ReturnPolicy;
  result: { ok: true; at: number } | { ok: false; message: string; details: FieldError[] } | undefined;
}) {
  const { t } = useTranslation("console");
  const session = useSession();
  const canEdit = session?.role === "owner" || session?.role === "admin";
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "policy";
  const errorFor = (path: string) =>
    result && !result.ok && result.details.some((d) => d.path === path || d.path.startsWith(`${path}.`))
      ? t("returns.policy.invalid")
      : undefined;
  const major = (minor: number | undefined) => (minor === undefined ? "" : (minor / 100).toFixed(2));

  return (
    <Card
      title={t("returns.policy.title")}
      subtitle={canEdit ? t("returns.policy.subtitle") : t("returns.policy.readOnly")}
      id="policy"
      className="cf-returns-policy-card"
    >
      {result?.ok ? (
        <Notice tone="success" title={t("returns.policy.saved")} key={result.at} />
      ) : result ? (
        <Notice tone="danger" role="alert" title={t("returns.policy.error")}>
          {result.message}
        </Notice>
      ) : null}
      <Form method="post" className="cf-returns-policy">
        <input type="hidden" name="intent" value="policy" />
        <fieldset disabled={!canEdit || saving} className="cf-returns-policy__fields">
          <div className="cf-returns-policy__checks">
            <Checkbox name="enabled" label={t("returns.policy.enabled")} defaultChecked={policy.enabled} />
            <Checkbox name="autoApprove" label={t("returns.policy.autoApprove")} defaultChecked={policy.autoApprove} />
            <Checkbox
              name="refundOriginalShipping"
              label={t("returns.policy.refundOriginalShipping")}
              defaultChecked={policy.refundOriginalShippingWhenMerchantAtFault}
            />
          </div>
          <div className="cf-returns-policy__grid">
            <Field label={t("returns.policy.windowDays")} htmlFor="rp-window" error={errorFor("windowDays")}>
              <TextInput
                id="rp-window"
                name="windowDays"
                type="number"
                min={1}
                max={365}
                defaultValue={policy.windowDays}
              />
            </Field>
            <Field
              label={t("returns.policy.restockingFeePercent")}
              htmlFor="rp-restocking"
              error={errorFor("restockingFeePercent")}
            >
              <TextInput
                id="rp-restocking"
                name="restockingFeePercent"
                type="number"
                min={0}
                max={100}
                step="0.1"
                defaultValue={policy.restockingFeePercent}
              />
            </Field>
            <Field
              label={t("returns.policy.damagedPercent")}
              htmlFor="rp-damaged"
              error={errorFor("conditionRefundPercent")}
            >
              <TextInput
                id="rp-damaged"
                name="damagedPercent"
                type="number"
                min={0}
                max={100}
                defaultValue={policy.conditionRefundPercent.damaged}
              />
            </Field>
            {THRESHOLD_CURRENCIES.map((currency) => (
              <Field
                key={currency}
                label={t("returns.policy.fourEyesThreshold", { currency })}
                htmlFor={`rp-threshold-${currency}`}
                hint={currency === "EUR" ? t("returns.policy.fourEyesHint") : undefined}
                error={errorFor(`fourEyesThreshold.${currency}`)}
              >
                <TextInput
                  id={`rp-threshold-${currency}`}
                  name={`threshold.${currency}`}
                  inputMode="decimal"
                  defaultValue={major(policy.fourEyesThreshold[currency])}
                />
              </Field>
            ))}
            <Field
              label={t("returns.policy.excludedSkus")}
              htmlFor="rp-excluded"
              hint={t("returns.policy.excludedSkusHint")}
              error={errorFor("excludedSkus")}
              className="cf-returns-policy__wide"
            >
              <TextInput id="rp-excluded" name="excludedSkus" defaultValue={policy.excludedSkus.join(", ")} />
            </Field>
          </div>
          {canEdit ? (
            <div>
              <Button type="submit" variant="primary" disabled={saving}>
                {t("returns.policy.save")}
              </Button>
            </div>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
