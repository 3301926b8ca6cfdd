import { useFormat } from "@crossflow/i18n/react";
import { Badge, Button, Card, KeyValueList, Notice, PageHeader, SelectInput, TextInput } from "@crossflow/ui";
import { RouteErrorBoundary } from "@crossflow/ui/app";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import {
  type FieldError,
  type ReturnAction,
  type ReturnCondition,
  type ReturnDetail,
  returnsApi,
} from "../lib/api.server";
import { formText } from "../lib/holds";
import type { Route } from "./+types/return";
import { RETURN_TONES } from "./returns";

// One return: what the shopper sent back and why, the label and customs papers, the
// warehouse's inspection, the computed refund and — above the tenant's threshold — the
// second approver (four-eyes) before the refund goes out.

const CONDITIONS: ReturnCondition[] = ["as_new", "opened", "damaged", "missing"];
const INTENTS = ["approve", "reject", "receive", "refund", "approve-refund", "mark-refunded"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  return { ret: await returnsApi.get(request, params.returnId) };
}

type ActionResult =
  | { ok: true; intent: string; at: number }
  | { ok: false; intent: string; status: number; message: string; details: FieldError[] };

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent")) as (typeof INTENTS)[number];
  if (!INTENTS.includes(intent))
    return data<ActionResult>(
      { ok: false, intent, status: 400, message: "Unknown action", details: [] },
      { status: 400 },
    );
  let body: ReturnAction;
  if (intent === "reject") body = { intent, reason: formText(form, "reason") ?? "" };
  else if (intent === "mark-refunded") body = { intent, reference: formText(form, "reference", 200) ?? "" };
  else if (intent === "receive") {
    const skus = form.getAll("sku").map(String);
    body = {
      intent,
      lines: skus.map((sku, index) => ({
        sku,
        receivedQuantity: Number(form.getAll("receivedQuantity")[index] ?? Number.NaN),
        condition: String(form.getAll("condition")[index] ?? "") as ReturnCondition,
      })),
    };
  } else body = { intent };
  const result = await returnsApi.act(request, params.returnId, body);
  if (!result.ok)
    return data<ActionResult>(
      { ok: false, intent, status: result.status, message: result.error.message, details: result.details },
      { status: result.status },
    );
  return { ok: true, intent, at: Date.now() } satisfies ActionResult;
}

export default function ReturnPage({ loaderData, actionData }: Route.ComponentProps) {
  const { ret } = loaderData;
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("common");
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent")) : null;
  const result = actionData as ActionResult | undefined;
  const money = (minor: number) => format.money(minor, ret.currency);
  const reason = (code: string) => t(`returns.reason.${code}` as "returns.reason.other", { defaultValue: code });
  const issue = ret.refund?.issue;

  return (
    <>
      <title>{`${ret.rma} · ${t("returns.title")} · ${tc("brand")}`}</title>
      <PageHeader
        breadcrumb={<Link to="/returns">{t("returns.back")}</Link>}
        title={ret.rma}
        subtitle={
          <>
            <Link to={`/orders/${ret.order.id}`}>
              {t("returns.detail.orderLink", { number: ret.order.externalId })}
            </Link>
            {" · "}
            {ret.order.customerName} · {format.country(ret.order.country)}
          </>
        }
        meta={
          <Badge tone={RETURN_TONES[ret.status]} dot size="lg">
            {t(`returns.status.${ret.status}`)}
          </Badge>
        }
      />

      {result && !result.ok ? (
        <Notice tone="danger" role="alert" title={t("returns.detail.failed")}>
          {result.message}
        </Notice>
      ) : result?.ok ? (
        <Notice tone="success" role="status" title={t("returns.detail.done")} key={result.at} />
      ) : null}

      <div className="cf-returns-detail">
        <div className="cf-stack">
          <Card title={t("returns.detail.lines")} flush>
            <table className="cf-table cf-returns-lines">
              <thead>
                <tr>
                  <th scope="col">{t("returns.detail.item")}</th>
                  <th scope="col">{t("returns.detail.reason")}</th>
                  <th scope="col" className="cf-num">
                    {t("returns.detail.quantity")}
                  </th>
                  <th scope="col" className="cf-num">
                    {t("returns.detail.received")}
                  </th>
                  <th scope="col">{t("returns.detail.condition")}</th>
                </tr>
              </thead>
              <tbody>
                {ret.lines.map((line) => (
                  <tr key={line.sku}>
                    <td>
                      <div className="cf-cell-main">{line.title}</div>
                      <div className="cf-cell-sub cf-mono">
                        {line.sku} · {money(line.unitPrice)}
                      </div>
                      {line.note ? <div className="cf-returns-note">“{line.note}”</div> : null}
                    </td>
                    <td>{reason(line.reason)}</td>
                    <td className="cf-num">{line.quantity}</td>
                    <td className="cf-num">{line.receivedQuantity ?? "—"}</td>
                    <td>{line.condition ? t(`returns.condition.${line.condition}`) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>

          {ret.can.approve || ret.can.reject ? (
            <Card title={t("returns.detail.review")} subtitle={t("returns.detail.reviewHint")}>
              <div className="cf-returns-actions">
                {ret.can.approve ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <Button type="submit" variant="primary" disabled={busy !== null}>
                      {t("returns.detail.approve")}
                    </Button>
                  </Form>
                ) : null}
                {ret.can.reject ? (
                  <Form method="post" className="cf-returns-inline">
                    <input type="hidden" name="intent" value="reject" />
                    <label className="cf-visually-hidden" htmlFor="reject-reason">
                      {t("returns.detail.rejectReason")}
                    </label>
                    <TextInput
                      id="reject-reason"
                      name="reason"
                      required
                      className="cf-returns-inline__input"
                      placeholder={t("returns.detail.rejectReason")}
                      maxLength={500}
                    />
                    <Button type="submit" variant="secondary" disabled={busy !== null}>
                      {t("returns.detail.reject")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </Card>
          ) : null}

          {ret.can.receive ? (
            <Card title={t("returns.detail.inspection")} subtitle={t("returns.detail.inspectionHint")}>
              <Form method="post" className="cf-returns-inspection">
                <input type="hidden" name="intent" value="receive" />
                {ret.lines.map((line, index) => (
                  <fieldset key={line.sku} className="cf-returns-inspection__line">
                    <legend className="cf-returns-inspection__legend">
                      {line.title} <span className="cf-mono cf-muted">{line.sku}</span>
                    </legend>
                    <input type="hidden" name="sku" value={line.sku} />
                    <label htmlFor={`received-${index}`}>{t("returns.detail.receivedQuantity")}</label>
                    <TextInput
                      id={`received-${index}`}
                      name="receivedQuantity"
                      type="number"
                      min={0}
                      max={line.quantity}
                      required
                      defaultValue={line.receivedQuantity ?? line.quantity}
                    />
                    <label htmlFor={`condition-${index}`}>{t("returns.detail.condition")}</label>
                    <SelectInput
                      id={`condition-${index}`}
                      name="condition"
                      defaultValue={line.condition ?? "as_new"}
                      options={CONDITIONS.map((c) => ({ value: c, label: t(`returns.condition.${c}`) }))}
                    />
                    {result && !result.ok && result.intent === "receive"
                      ? result.details
                          .filter((d) => d.path.startsWith(`lines.${index}.`))
                          .map((d) => (
                            <p key={d.path} className="cf-field__error cf-returns-inspection__error" role="alert">
                              {d.message}
                            </p>
                          ))
                      : null}
                  </fieldset>
                ))}
                <div>
                  <Button type="submit" variant="primary" disabled={busy !== null}>
                    {t("returns.detail.saveInspection")}
                  </Button>
                </div>
              </Form>
            </Card>
          ) : null}

          {ret.refund && ret.refundAmount != null ? <RefundCard ret={ret} busy={busy} /> : null}
          {ret.refund?.rejection ? (
            <Notice tone="danger" title={t("returns.detail.rejected")}>
              {ret.refund.rejection.reason}
            </Notice>
          ) : null}
          {issue ? <IssueNotice ret={ret} busy={busy} /> : null}
        </div>

        <div className="cf-stack">
          <Card title={t("returns.detail.shipment")}>
            <KeyValueList
              items={[
                {
                  label: t("returns.detail.shippingPaidBy"),
                  value: t(`returns.payer.${ret.shippingPaidBy}`),
                },
                {
                  label: t("returns.detail.carrier"),
                  value: ret.carrier ? <span className="cf-mono">{ret.carrier}</span> : "—",
                },
                {
                  label: t("returns.detail.tracking"),
                  value: ret.trackingNumber ? <span className="cf-mono">{ret.trackingNumber}</span> : "—",
                },
              ]}
            />
          </Card>
          <Card title={t("returns.detail.documents")}>
            {ret.documents.length === 0 ? (
              <p className="cf-muted">{t("returns.detail.noDocuments")}</p>
            ) : (
              <ul className="cf-returns-docs">
                {ret.documents.map((doc) => (
                  <li key={doc.id}>
                    <a href={doc.url} target="_blank" rel="noreferrer">
                      {t(`returns.documentKind.${doc.kind}` as "returns.documentKind.return_label", {
                        defaultValue: doc.kind.replace(/_/g, " "),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("returns.detail.people")}>
            <KeyValueList
              items={[
                { label: t("returns.detail.requestedBy"), value: ret.requestedBy.name ?? ret.requestedBy.id },
                { label: t("returns.detail.createdAt"), value: format.dateTime(ret.createdAt) },
                ...(ret.approvedBy
                  ? [{ label: t("returns.detail.approvedBy"), value: ret.approvedBy.name ?? ret.approvedBy.id }]
                  : []),
                ...(ret.refundRequestedBy
                  ? [
                      {
                        label: t("returns.detail.refundRequestedBy"),
                        value: ret.refundRequestedBy.name ?? ret.refundRequestedBy.id,
                      },
                    ]
                  : []),
                ...(ret.refundApprovedBy
                  ? [
                      {
                        label: t("returns.detail.refundApprovedBy"),
                        value: ret.refundApprovedBy.name ?? ret.refundApprovedBy.id,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}

function RefundCard({ ret, busy }: { ret: ReturnDetail; busy: string | null }) {
  const { t } = useTranslation("console");
  const format = useFormat();
  const refund = ret.refund!;
  const money = (minor: number) => format.money(minor, ret.currency);
  const threshold = ret.fourEyes.threshold;
  return (
    <Card title={t("returns.detail.refund")} subtitle={t("returns.detail.refundHint")}>
      <table className="cf-table cf-returns-breakdown">
        <tbody>
          {refund.lines.map((line) => (
            <tr key={line.sku}>
              <td className="cf-returns-breakdown__label">
                <span className="cf-mono">{line.sku}</span>{" "}
                <span className="cf-muted">
                  {t("returns.detail.lineFormula", {
                    received: line.receivedQuantity,
                    quantity: line.quantity,
                    price: money(line.unitPrice),
                  })}
                  {line.conditionDeduction > 0
                    ? ` · ${t(`returns.condition.${line.condition}`)} ${line.conditionPercent}%`
                    : ""}
                </span>
              </td>
              <td className="cf-num cf-returns-breakdown__amount">{money(line.gross)}</td>
            </tr>
          ))}
          {refund.lines.some((l) => l.conditionDeduction > 0) ? (
            <tr>
              <td className="cf-returns-breakdown__label">{t("returns.detail.conditionDeduction")}</td>
              <td className="cf-num cf-returns-breakdown__amount">
                −{money(refund.lines.reduce((s, l) => s + l.conditionDeduction, 0))}
              </td>
            </tr>
          ) : null}
          {refund.restockingFee > 0 ? (
            <tr>
              <td className="cf-returns-breakdown__label">{t("returns.detail.restockingFee")}</td>
              <td className="cf-num cf-returns-breakdown__amount">−{money(refund.restockingFee)}</td>
            </tr>
          ) : null}
          <tr>
            <td className="cf-returns-breakdown__label">{t("returns.detail.originalShipping")}</td>
            <td className="cf-num cf-returns-breakdown__amount">
              {refund.originalShipping > 0 ? `+${money(refund.originalShipping)}` : money(0)}
            </td>
          </tr>
          <tr>
            <td className="cf-returns-breakdown__label">{t("returns.detail.returnShippingDeduction")}</td>
            <td className="cf-num cf-returns-breakdown__amount">
              {refund.returnShippingDeduction > 0 ? `−${money(refund.returnShippingDeduction)}` : money(0)}
            </td>
          </tr>
          <tr>
            <td className="cf-returns-breakdown__label cf-returns-breakdown__total">{t("returns.detail.total")}</td>
            <td className="cf-num cf-returns-breakdown__amount cf-returns-breakdown__total" data-testid="refund-total">
              {money(refund.total)}
            </td>
          </tr>
        </tbody>
      </table>
      <details className="cf-returns-why">
        <summary className="cf-returns-why__summary">{t("returns.detail.why")}</summary>
        <ul>
          {refund.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>

      {ret.fourEyes.required && threshold != null ? (
        <p className="cf-muted">
          {t("returns.detail.fourEyesRequired", { threshold: format.money(threshold.amount, threshold.currency) })}
        </p>
      ) : null}

      {ret.status === "refund_pending_approval" ? (
        <Notice tone="warning" title={t("returns.detail.pendingTitle")}>
          <p>
            {t("returns.detail.pendingBy", { name: ret.refundRequestedBy?.name ?? ret.refundRequestedBy?.id ?? "" })}
          </p>
          {ret.cannotApproveRefund === "own_request" ? (
            <p data-testid="four-eyes-own">{t("returns.detail.ownRequest")}</p>
          ) : ret.cannotApproveRefund === "role" ? (
            <p>{t("returns.detail.roleCannot")}</p>
          ) : null}
        </Notice>
      ) : null}

      <div className="cf-returns-actions">
        {ret.can.requestRefund && !ret.refundApprovedBy ? (
          <Form method="post">
            <input type="hidden" name="intent" value="refund" />
            <Button type="submit" variant="primary" disabled={busy !== null}>
              {t("returns.detail.requestRefund")}
            </Button>
          </Form>
        ) : null}
        {ret.can.approveRefund ? (
          <Form method="post">
            <input type="hidden" name="intent" value="approve-refund" />
            <Button type="submit" variant="primary" disabled={busy !== null}>
              {t("returns.detail.approveRefund")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

function IssueNotice({ ret, busy }: { ret: ReturnDetail; busy: string | null }) {
  const { t } = useTranslation("console");
  const issue = ret.refund!.issue!;
  const tone = issue.status === "issued" ? "success" : issue.status === "failed" ? "danger" : "warning";
  // Only a Stripe refund can be sent again from here; a channel's refund is made in the channel.
  const canRetry = ret.can.requestRefund && Boolean(ret.refundApprovedBy) && issue.mode === "stripe";
  return (
    <Notice tone={tone} title={t(`returns.issue.${issue.status}`)}>
      <p>
        {issue.status === "issued" ? t("returns.issue.reference", { reference: issue.reference ?? "" }) : issue.reason}
      </p>
      {ret.can.markRefunded || canRetry ? (
        <div className="cf-returns-actions">
          {canRetry ? (
            <Form method="post">
              <input type="hidden" name="intent" value="refund" />
              <Button type="submit" variant="secondary" disabled={busy !== null}>
                {t("returns.issue.retry")}
              </Button>
            </Form>
          ) : null}
          {ret.can.markRefunded ? (
            <Form method="post" className="cf-returns-inline">
              <input type="hidden" name="intent" value="mark-refunded" />
              <label className="cf-visually-hidden" htmlFor="refund-reference">
                {t("returns.issue.referenceLabel")}
              </label>
              <TextInput
                id="refund-reference"
                name="reference"
                required
                maxLength={200}
                className="cf-returns-inline__input"
                placeholder={t("returns.issue.referenceLabel")}
              />
              <Button type="submit" variant="secondary" disabled={busy !== null}>
                {t("returns.issue.markRefunded")}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Notice>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
