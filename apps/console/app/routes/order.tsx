import { useFormat } from "@crossflow/i18n/react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  Chips,
  DataTable,
  EmptyState,
  ErrorView,
  FactList,
  Field,
  Icon,
  KeyValueCard,
  Notice,
  PageHeader,
  SelectInput,
  statusTone,
  TextArea,
  TextInput,
  Timeline,
  type Tone,
} from "@crossflow/ui";
import { AutoRefresh, CountryLabel, OrderStatusBadge, RouteError } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import {
  data,
  Form,
  isRouteErrorResponse,
  Link,
  redirect,
  type ShouldRevalidateFunctionArgs,
  useNavigation,
  useRouteError,
} from "react-router";
import { OrderAfterSaleSection } from "../components/after-sale";
import { HoldReasons, useHoldText } from "../components/holds";
import {
  afterSaleApi,
  api,
  type Decision,
  type Order,
  type OrderLine,
  type ReviewOptions,
  type ShippingAddressInput,
} from "../lib/api.server";
import { clearFlashCookie, flashCookie, type OrderFlash, readOrderFlash } from "../lib/flash.server";
import { acceptableCodes, canActOnOrders, formCodes, formText, isProcessing, retryCodes } from "../lib/holds";
import { useSession } from "../lib/session";
import type { Route } from "./+types/order";

/** Seconds between reloads while the pipeline works on the order. */
const REFRESH_SECONDS = 2;

export async function loader({ request, params }: Route.LoaderArgs) {
  const order = await api.order(request, params.orderId);
  const options = order.status === "on_hold" ? await api.reviewOptions(request) : null;
  const afterSale = await afterSaleApi.forOrder(request, order.id);
  const processing = isProcessing(order, Date.now());
  const flash = readOrderFlash(request, order.id);
  // The message stays while the page refreshes itself and goes once the order has settled.
  const headers = flash && !processing ? { "Set-Cookie": clearFlashCookie } : undefined;
  return data({ order, flash, processing, options, afterSale }, { headers });
}

// A refused action (4xx) does not reload data by default; a conflict means the order moved on
// meanwhile, so show where it is now.
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

interface ReviewValues {
  note: string;
  cancelReason: string;
}

export async function action({ request, params }: Route.ActionArgs) {
  const id = params.orderId;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const note = formText(form, "note");
  const cancelReason = formText(form, "cancelReason");
  const values: ReviewValues = { note: note ?? "", cancelReason: cancelReason ?? "" };
  const refuse = (code: string, message: string, status = 400) =>
    data({ intent, error: { code, message }, values }, { status });
  const done = (flash: OrderFlash) =>
    redirect(`/orders/${encodeURIComponent(id)}`, { headers: { "Set-Cookie": flashCookie(flash) } });

  if (intent === "cancel") {
    if (!cancelReason) return refuse("reason_required", "Give a reason for cancelling");
    const result = await api.cancelOrder(request, id, { reason: cancelReason });
    if (!result.ok) return refuse(result.error.code, result.error.message, result.status);
    return done({ orderId: id, kind: "cancelled", accepted: [] });
  }
  if (intent === "accept" || intent === "retry") {
    // Accept sends the codes the reviewer saw and can accept; retry accepts nothing, so the
    // step that stopped the order simply runs again.
    const overrides = intent === "accept" ? formCodes(form, "override") : [];
    const result = await api.releaseOrder(request, id, { note, overrides });
    if (!result.ok) return refuse(result.error.code, result.error.message, result.status);
    return done({ orderId: id, kind: "released", accepted: overrides });
  }
  if (intent === "revise") {
    const current = await api.order(request, id);
    const address = addressFromForm(form);
    const addressChanged = ADDRESS_FIELDS.some(
      (field) => (address[field] ?? "") !== String(current.shippingAddress[field] ?? ""),
    );
    const warehouseId = formText(form, "warehouseId");
    const [carrier, service] = (formText(form, "carrierService") ?? "").split("/");
    if (!addressChanged && !warehouseId && !carrier) {
      return refuse("nothing_to_change", "Change the address, or pick a warehouse or a carrier");
    }
    const result = await api.reviseOrder(request, id, {
      note,
      ...(addressChanged ? { shippingAddress: address } : {}),
      ...(warehouseId ? { warehouseId } : {}),
      ...(carrier ? { carrier: { carrier, ...(service ? { service } : {}) } } : {}),
    });
    if (!result.ok) return refuse(result.error.code, result.error.message, result.status);
    return done({ orderId: id, kind: "released", accepted: [] });
  }
  return refuse("invalid_intent", "Unknown action");
}

const ADDRESS_FIELDS = ["name", "line1", "line2", "postalCode", "city", "region", "country", "phone", "taxId"] as const;

function addressFromForm(form: FormData): ShippingAddressInput {
  const value = (field: string) => String(form.get(`address.${field}`) ?? "").trim();
  const optional = (field: string) => value(field) || undefined;
  return {
    name: value("name"),
    line1: value("line1"),
    line2: optional("line2"),
    postalCode: optional("postalCode"),
    city: value("city"),
    region: optional("region"),
    country: value("country").toUpperCase(),
    phone: optional("phone"),
    taxId: optional("taxId"),
  };
}

function paymentTone(status: string): Tone {
  if (["paid", "captured", "succeeded", "verified"].includes(status)) return "success";
  if (["pending", "authorized", "requires_capture", "unpaid"].includes(status)) return "warning";
  if (["failed", "refunded", "disputed", "voided", "cancelled"].includes(status)) return "danger";
  return "neutral";
}

const KIND_TONES: Record<string, Tone> = {
  payment: "info",
  risk: "accent",
  address: "neutral",
  customs: "neutral",
  allocation: "info",
  routing: "accent",
  exception: "warning",
  action: "success",
  review: "warning",
  carrier: "accent",
  rule_exception: "warning",
  rule_action: "success",
};

function useDecisionKind() {
  const { t, i18n } = useTranslation("console");
  return (kind: string) =>
    i18n.exists(`order.decisionKind.${kind}`, { ns: "console" })
      ? t(`order.decisionKind.${kind as "payment"}`)
      : kind.replace(/_/g, " ");
}

/** The facts behind a decision, and its outcome when that is too nested for the chips. */
function DecisionDetails({ decision }: { decision: Decision }) {
  const { t } = useTranslation("console");
  const hasFacts =
    decision.facts !== null && typeof decision.facts === "object" && Object.keys(decision.facts).length > 0;
  const nestedOutcome = Object.values(decision.outcome ?? {}).some(
    (value) => value !== null && typeof value === "object",
  );
  if (!hasFacts && !nestedOutcome) return null;
  return (
    <details className="cf-disclosure">
      <summary>
        <Icon name="chevronRight" />
        {t("order.showFacts")}
      </summary>
      {nestedOutcome ? (
        <>
          <p className="cf-facts-title">{t("order.outcome")}</p>
          <FactList facts={decision.outcome} />
        </>
      ) : null}
      {hasFacts ? (
        <>
          {nestedOutcome ? <p className="cf-facts-title">{t("order.facts")}</p> : null}
          <FactList facts={decision.facts} />
        </>
      ) : null}
    </details>
  );
}

function Decisions({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const kindLabel = useDecisionKind();
  if (decisions.length === 0) return <EmptyState compact icon="sparkle" title={t("order.decisionsEmpty")} />;
  const ordered = [...decisions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <ol className="cf-decisions">
      {ordered.map((decision) => (
        <li key={decision.id} className="cf-decision">
          <div className="cf-decision__kind">
            <Badge tone={KIND_TONES[decision.kind] ?? "neutral"}>{kindLabel(decision.kind)}</Badge>
            <time
              className="cf-cell-sub cf-num"
              dateTime={decision.createdAt}
              title={format.dateTime(decision.createdAt, "long")}
            >
              {format.dateTime(decision.createdAt, "time")}
            </time>
          </div>
          <div>
            <p className="cf-decision__reason">{decision.reason}</p>
            <Chips value={decision.outcome} />
            <div className="cf-decision__meta">
              <span>
                {t("order.rule")}:{" "}
                {decision.ruleId ? (
                  <code>
                    {decision.ruleId}
                    {decision.ruleVersion ? ` v${decision.ruleVersion}` : ""}
                  </code>
                ) : (
                  t("order.builtIn")
                )}
              </span>
            </div>
            <DecisionDetails decision={decision} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * Warehouse codes by id, found in decision outcomes and facts ({ warehouseId, warehouseCode }),
 * so lines can show "FRA1" instead of an opaque id.
 */
function warehouseCodes(decisions: Decision[]): Map<string, string> {
  const codes = new Map<string, string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.warehouseId === "string" && typeof record.warehouseCode === "string")
      codes.set(record.warehouseId, record.warehouseCode);
    for (const item of Object.values(record)) visit(item, depth + 1);
  };
  for (const decision of decisions) {
    visit(decision.outcome, 0);
    visit(decision.facts, 0);
  }
  return codes;
}

function WarehouseRef({ id, codes, quantity }: { id: string; codes: Map<string, string>; quantity?: number }) {
  const code = codes.get(id);
  return (
    <span title={id}>
      {code ? <Badge square>{code}</Badge> : <code className="cf-id">{id}</code>}
      {quantity !== undefined ? <span className="cf-muted"> × {quantity}</span> : null}
    </span>
  );
}

/** Where a line ships from: its live allocations (several when split), else the single warehouse. */
function LineWarehouses({ line, codes }: { line: OrderLine; codes: Map<string, string> }) {
  const { t } = useTranslation("console");
  const live = (line.allocations ?? []).filter((allocation) => !allocation.released);
  if (live.length > 0)
    return (
      <span className="cf-stack-xs">
        {live.map((allocation) => (
          <WarehouseRef
            key={allocation.warehouseId}
            id={allocation.warehouseId}
            codes={codes}
            quantity={live.length > 1 ? allocation.quantity : undefined}
          />
        ))}
      </span>
    );
  if (line.warehouseId) return <WarehouseRef id={line.warehouseId} codes={codes} />;
  return <span className="cf-subtle">{t("order.notAllocated")}</span>;
}

function Lines({ order }: { order: Order }) {
  const { t } = useTranslation("console");
  const codes = warehouseCodes(order.decisions);
  const format = useFormat();
  const money = (minor: number) => format.money(minor, order.currency);
  return (
    <DataTable
      rows={order.lines}
      rowKey={(line) => line.sku}
      columns={[
        {
          key: "item",
          header: t("order.item"),
          cell: (line) => (
            <>
              <div className="cf-cell-main">{line.title}</div>
              <div className="cf-cell-sub cf-mono">{line.sku}</div>
            </>
          ),
        },
        {
          key: "warehouse",
          header: t("order.warehouse"),
          cell: (line) => <LineWarehouses line={line} codes={codes} />,
        },
        {
          key: "qty",
          header: t("order.quantity"),
          align: "right",
          cell: (line) => <span className="cf-num">{format.number(line.quantity)}</span>,
        },
        {
          key: "unit",
          header: t("order.unitPrice"),
          align: "right",
          cell: (line) => (
            <span className="cf-num">{format.money(line.unitPrice, line.currency ?? order.currency)}</span>
          ),
        },
        {
          key: "amount",
          header: t("order.lineTotal"),
          align: "right",
          cell: (line) => (
            <span className="cf-num cf-cell-main">
              {format.money(line.unitPrice * line.quantity, line.currency ?? order.currency)}
            </span>
          ),
        },
      ]}
      footer={
        <>
          <tr>
            <td colSpan={4} className="cf-align-right cf-muted">
              {t("order.subtotal")}
            </td>
            <td className="cf-align-right cf-num">{money(order.subtotal)}</td>
          </tr>
          <tr>
            <td colSpan={4} className="cf-align-right cf-muted">
              {t("order.shipping")}
            </td>
            <td className="cf-align-right cf-num">{money(order.shippingPaid)}</td>
          </tr>
          <tr>
            <td colSpan={4} className="cf-align-right">
              <strong>{t("order.total")}</strong>
            </td>
            <td className="cf-align-right cf-num">
              <strong>{money(order.total)}</strong>
            </td>
          </tr>
        </>
      }
    />
  );
}

/** What happened after the reviewer's last action, and whether the pipeline is still at it. */
function ActionFeedback({ order, flash, processing }: { order: Order; flash: OrderFlash | null; processing: boolean }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const hold = useHoldText();
  if (flash?.kind === "cancelled")
    return (
      <Notice tone="success" role="status" title={t("order.flash.cancelledTitle")}>
        {t("order.flash.cancelledBody")}
      </Notice>
    );
  if (flash?.kind === "released") {
    const accepted =
      flash.accepted.length > 0
        ? ` ${t("order.flash.accepted", { codes: flash.accepted.map((code) => hold.title(code)).join(", ") })}`
        : "";
    if (processing)
      return (
        <Notice tone="info" busy role="status" title={t("order.flash.releasedTitle")}>
          {t("order.flash.releasedWorking")}
          {accepted}
        </Notice>
      );
    if (order.status === "on_hold")
      return (
        <Notice tone="warning" role="status" title={t("order.flash.releasedTitle")}>
          {t("order.flash.releasedHeldAgain")}
          {accepted}
        </Notice>
      );
    return (
      <Notice tone="success" role="status" title={t("order.flash.releasedTitle")}>
        {t("order.flash.releasedDone", { status: format.status(order.status) })}
        {accepted}
      </Notice>
    );
  }
  if (processing)
    return (
      <Notice tone="info" busy role="status" title={t("order.processingTitle")}>
        {t("order.processingBody")}
      </Notice>
    );
  return null;
}

/**
 * The held order's reasons and, for operators and up, the decision: accept (what can be
 * accepted) or retry, with a note; or cancel with a reason. Plain POST forms.
 */
/** Correct what made the order stop — the address, the warehouse, the carrier — and release it. */
function CorrectionForm({ order, options }: { order: Order; options: ReviewOptions }) {
  const { t } = useTranslation("console");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const address = order.shippingAddress;
  const field = (name: (typeof ADDRESS_FIELDS)[number], label: string, required = false) => (
    <Field label={label} htmlFor={`correct-${name}`}>
      <TextInput
        id={`correct-${name}`}
        name={`address.${name}`}
        defaultValue={String(address[name] ?? "")}
        required={required}
        maxLength={name === "country" ? 2 : 300}
      />
    </Field>
  );
  const carrierOptions = options.carriers.flatMap((c) =>
    c.services.map((s) => ({
      value: `${c.carrier}/${s.service}`,
      label: `${c.carrierName} · ${s.serviceName} (${t("order.correct.from", { origins: s.origins.join(", ") })})`,
    })),
  );
  return (
    <Form method="post" className="cf-review__form cf-review__correct" aria-label={t("order.correct.title")}>
      <p className="cf-section-label">{t("order.correct.title")}</p>
      <p className="cf-field__hint">{t("order.correct.hint")}</p>
      <details className="cf-review__details">
        <summary>{t("order.correct.address")}</summary>
        <div className="cf-form-grid">
          {field("name", t("order.correct.name"), true)}
          {field("line1", t("order.correct.line1"), true)}
          {field("line2", t("order.correct.line2"))}
          {field("postalCode", t("order.correct.postalCode"))}
          {field("city", t("order.correct.city"), true)}
          {field("region", t("order.correct.region"))}
          {field("country", t("order.correct.country"), true)}
          {field("phone", t("order.correct.phone"))}
          {field("taxId", t("order.correct.taxId"))}
        </div>
      </details>
      <Field label={t("order.correct.warehouse")} htmlFor="correct-warehouse">
        <SelectInput
          id="correct-warehouse"
          name="warehouseId"
          placeholder={t("order.correct.automatic")}
          options={options.warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name} (${w.country})` }))}
        />
      </Field>
      <Field label={t("order.correct.carrier")} htmlFor="correct-carrier">
        <SelectInput
          id="correct-carrier"
          name="carrierService"
          placeholder={t("order.correct.automatic")}
          options={carrierOptions}
        />
      </Field>
      <Field label={t("order.review.note")} htmlFor="correct-note">
        <TextInput id="correct-note" name="note" maxLength={500} placeholder={t("order.review.notePlaceholder")} />
      </Field>
      <div className="cf-row">
        <Button type="submit" name="intent" value="revise" variant="secondary" disabled={busy}>
          <Icon name="check" />
          {t("order.correct.submit")}
        </Button>
      </div>
    </Form>
  );
}

function HoldReview({
  order,
  canAct,
  values,
  options,
}: {
  order: Order;
  canAct: boolean;
  values: ReviewValues | null;
  options: ReviewOptions | null;
}) {
  const { t } = useTranslation("console");
  const hold = useHoldText();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const acceptable = acceptableCodes(order.holds);
  const retry = retryCodes(order.holds);
  const showRetry = retry.length > 0 || acceptable.length === 0;
  return (
    <section className="cf-card cf-review" aria-labelledby="hold-review-title">
      <header className="cf-review__header">
        <span className="cf-review__icon">
          <Icon name="hold" />
        </span>
        <div className="cf-review__heading">
          <h2 id="hold-review-title" className="cf-card__title">
            {t("order.holdsTitle")}
          </h2>
          <p className="cf-card__subtitle">{canAct ? t("order.review.subtitle") : t("order.holdsBody")}</p>
        </div>
        <ButtonLink to="/exceptions" variant="ghost" size="sm">
          <Icon name="arrowLeft" />
          {t("order.review.backToQueue")}
        </ButtonLink>
      </header>
      <div className={canAct ? "cf-review__body" : "cf-review__body cf-review__body--readonly"}>
        <div>
          <p className="cf-section-label">{t("order.review.reasons")}</p>
          <HoldReasons holds={order.holds} explain />
          {!canAct ? (
            <p className="cf-review__readonly">
              <Icon name="info" />
              {t("order.review.readOnly")}
            </p>
          ) : null}
        </div>
        {canAct ? (
          <div className="cf-review__actions">
            <Form method="post" className="cf-review__form" aria-label={t("order.review.decide")}>
              <p className="cf-section-label">{t("order.review.decide")}</p>
              {acceptable.map((code) => (
                <input key={code} type="hidden" name="override" value={code} />
              ))}
              <Field label={t("order.review.note")} htmlFor="review-note">
                <TextArea
                  id="review-note"
                  name="note"
                  rows={2}
                  maxLength={500}
                  defaultValue={values?.note}
                  placeholder={t("order.review.notePlaceholder")}
                />
              </Field>
              <div className="cf-row">
                {acceptable.length > 0 ? (
                  <Button type="submit" name="intent" value="accept" variant="primary" disabled={busy}>
                    <Icon name="check" />
                    {hold.acceptLabel(acceptable)}
                  </Button>
                ) : null}
                {showRetry ? (
                  <Button
                    type="submit"
                    name="intent"
                    value="retry"
                    variant={acceptable.length > 0 ? "secondary" : "primary"}
                    disabled={busy}
                  >
                    <Icon name="refresh" />
                    {hold.retryLabel(retry)}
                  </Button>
                ) : null}
              </div>
              {acceptable.length > 1 ? (
                <p className="cf-field__hint">
                  {t("order.review.accepts", { codes: acceptable.map((code) => hold.title(code)).join(", ") })}
                </p>
              ) : null}
            </Form>
            {options ? <CorrectionForm order={order} options={options} /> : null}
            <Form method="post" className="cf-review__form cf-review__cancel" aria-label={t("order.review.cancel")}>
              <p className="cf-section-label">{t("order.review.cancelTitle")}</p>
              <Field
                label={t("order.review.cancelReason")}
                htmlFor="review-cancel-reason"
                hint={t("order.review.cancelHint")}
              >
                <TextInput
                  id="review-cancel-reason"
                  name="cancelReason"
                  required
                  maxLength={500}
                  defaultValue={values?.cancelReason}
                  placeholder={t("order.review.cancelPlaceholder")}
                />
              </Field>
              <div className="cf-row">
                <Button type="submit" name="intent" value="cancel" variant="danger" disabled={busy}>
                  <Icon name="x" />
                  {t("order.review.cancel")}
                </Button>
              </div>
            </Form>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export default function OrderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { order, flash, processing } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const session = useSession();
  const canAct = canActOnOrders(session?.role);
  const address = order.shippingAddress;
  const timeline = [...order.timeline].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <>
      <title>{`${t("order.title", { number: order.externalId })} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/orders">{t("order.breadcrumb")}</Link>
            <Icon name="chevronRight" />
            <span>{order.externalId}</span>
          </>
        }
        title={
          <>
            {t("order.title", { number: order.externalId })}
            <OrderStatusBadge status={order.status} size="lg" />
          </>
        }
        meta={
          <>
            <span>
              <Icon name="clock" />
              {t("order.placed", { date: format.dateTime(order.placedAt ?? order.createdAt, "long") })}
            </span>
            <span>
              <Icon name="inbox" />
              {t("order.via", { channel: format.channel(order.channel) })}
            </span>
            <span className="cf-mono">{order.id}</span>
          </>
        }
        actions={
          <div className="cf-total">
            <span className="cf-total__label">{t("order.total")}</span>
            <span className="cf-total__value cf-num">{format.money(order.total, order.currency)}</span>
          </div>
        }
      />

      <div className="cf-stack">
        {processing ? <AutoRefresh seconds={REFRESH_SECONDS} /> : null}
        {actionData?.error ? (
          <Notice tone="danger" role="alert" title={t("order.review.failedTitle")}>
            {actionData.error.code === "reason_required" ? t("order.review.reasonRequired") : actionData.error.message}
          </Notice>
        ) : null}
        <ActionFeedback order={order} flash={flash} processing={processing} />
        {order.status === "on_hold" ? (
          <HoldReview order={order} canAct={canAct} values={actionData?.values ?? null} options={loaderData.options} />
        ) : null}

        <div className="cf-grid cf-grid--detail">
          <div className="cf-stack">
            <Card title={t("order.lines")} flush>
              <Lines order={order} />
            </Card>
            <OrderAfterSaleSection order={order} afterSale={loaderData.afterSale} viewerId={session?.user.id} />
            <Card title={t("order.decisions")} subtitle={t("order.decisionsHint")} flush divided>
              <Decisions decisions={order.decisions} />
            </Card>
          </div>

          <div className="cf-stack">
            <KeyValueCard
              title={t("order.customer")}
              items={[
                { label: t("order.name"), value: order.customer.name },
                {
                  label: t("order.email"),
                  value: <a href={`mailto:${order.customer.email}`}>{order.customer.email}</a>,
                },
                { label: t("order.phone"), value: order.customer.phone || tc("empty") },
                {
                  label: t("order.locale"),
                  value: order.customer.locale ? format.language(order.customer.locale) : tc("empty"),
                },
              ]}
            />
            <Card title={t("order.shipTo")}>
              <address className="cf-address">
                {address.name}
                <br />
                {address.line1}
                {address.line2 ? (
                  <>
                    <br />
                    {address.line2}
                  </>
                ) : null}
                <br />
                {[address.postalCode, address.city].filter(Boolean).join(" ")}
                {address.region ? `, ${address.region}` : ""}
                <br />
              </address>
              <div style={{ marginTop: 8 }}>
                <CountryLabel code={address.country} />
              </div>
            </Card>
            <KeyValueCard
              title={t("order.payment")}
              items={
                order.payment
                  ? [
                      { label: t("order.provider"), value: order.payment.provider },
                      { label: t("order.reference"), value: <code>{order.payment.reference}</code> },
                      {
                        label: t("order.paymentStatus"),
                        value: <Badge tone={paymentTone(order.payment.status)}>{order.payment.status}</Badge>,
                      },
                    ]
                  : [{ label: t("order.paymentStatus"), value: tc("empty") }]
              }
            />
            <Card
              title={t("order.timeline")}
              footer={<span className="cf-muted">{tc("time.shownIn", { timeZone: format.timeZone })}</span>}
            >
              <Timeline
                label={t("order.timeline")}
                empty={<p className="cf-muted">{t("order.timelineEmpty")}</p>}
                entries={timeline.map((event, index) => ({
                  id: `${event.at}-${index}`,
                  title: format.status(event.status),
                  time: format.dateTime(event.at),
                  dateTime: event.at,
                  body: event.message ?? undefined,
                  meta: event.actor ?? undefined,
                  tone: statusTone(event.status),
                }))}
              />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("console");
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorView
        tone="neutral"
        code="404"
        title={t("order.notFoundTitle")}
        body={t("order.notFoundBody")}
        action={
          <ButtonLink to="/orders" variant="primary">
            {t("order.backToOrders")}
          </ButtonLink>
        }
      />
    );
  }
  return <RouteError />;
}
