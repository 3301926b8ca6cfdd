import {
  completeInstruction,
  type Database,
  DomainConflictError,
  getOrderRow,
  getReturnPolicySettings,
  listInstructions,
  listOrderReturns,
  type ReturnRow,
  updateReturn,
  withTenant,
} from "@crossflow/db";
import {
  checkInspection,
  computeRefund,
  type InspectionLine,
  needsSecondApproval,
  normalizeProvider,
  paymentProviderName,
  readReturnPolicy,
} from "@crossflow/domain";
import { RefundError } from "@crossflow/integrations";
import { lockReturn, nowOf, type ReturnDeps, ReturnForbiddenError, recordReturnChange, wrongState } from "./context";

/** How the refund went out (or why it could not), kept in returns.refund.issue. */
export interface RefundIssue {
  mode: "stripe" | "channel" | "none";
  status: "issued" | "flagged" | "failed" | "nothing_to_refund";
  reason: string;
  reference?: string;
  at: string;
  by: string;
}

const INSPECTABLE = new Set(["approved", "in_transit", "received"]);

/**
 * The warehouse's inspection: what arrived of each line and in which condition. The refund is
 * computed from it under the tenant's policy (lines, original shipping, restocking fee, the
 * return label when the shopper pays) and the return waits for a refund request. The
 * warehouse's expected-return instruction is done. A received return may be inspected again
 * until its refund is requested.
 */
export async function receiveReturn(
  db: Database,
  deps: Pick<ReturnDeps, "now">,
  input: { tenantId: string; returnId: string; actor: string; lines: InspectionLine[] },
): Promise<ReturnRow> {
  return withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, input.returnId);
    if (!INSPECTABLE.has(current.status) || current.refundRequestedBy) wrongState(current, "inspected");
    const issues = checkInspection(current.lines, input.lines);
    if (issues.length) {
      throw new DomainConflictError(
        "validation_failed",
        `Invalid inspection: ${issues.map((i) => i.message).join("; ")}`,
        issues,
      );
    }
    const order = (await getOrderRow(tx, current.orderId))!;
    const policy = readReturnPolicy(await getReturnPolicySettings(tx));
    const others = (await listOrderReturns(tx, order.id)).filter(
      (r) => r.id !== current.id && r.status !== "rejected" && r.refund,
    );
    const shippingRefunded = others.reduce(
      (sum, r) => sum + Number((r.refund as { originalShipping?: number }).originalShipping ?? 0),
      0,
    );
    const breakdown = computeRefund({
      lines: current.lines,
      inspection: input.lines,
      order: { currency: order.currency, shippingPaid: order.shippingPaid, shippingRefunded },
      policy,
    });
    const lines = current.lines.map((line) => {
      const inspected = input.lines.find((i) => i.sku === line.sku)!;
      return { ...line, receivedQuantity: inspected.receivedQuantity, condition: inspected.condition };
    });
    const secondApproval = needsSecondApproval(breakdown.total, breakdown.currency, policy);
    const updated = (await updateReturn(tx, current.id, {
      status: "received",
      lines,
      refund: {
        ...breakdown,
        needsSecondApproval: secondApproval,
        inspectedBy: input.actor,
        inspectedAt: nowOf(deps).toISOString(),
      },
      refundAmount: breakdown.total,
    }))!;
    const instructions = await listInstructions(tx, { orderId: order.id, status: "open" });
    for (const instruction of instructions) {
      if (instruction.kind === "expected_return" && instruction.payload.returnId === current.id) {
        await completeInstruction(tx, instruction.id, input.actor);
      }
    }
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.received",
      message: `Return ${current.rma} received and inspected: ${lines.map((l) => `${l.receivedQuantity}/${l.quantity}× ${l.sku} ${l.condition?.replace("_", " ")}`).join(", ")}; refund ${breakdown.total} ${breakdown.currency} minor units${secondApproval ? " (needs a second approver)" : ""}`,
      outcome: { refundAmount: breakdown.total, currency: breakdown.currency },
      facts: { breakdown: breakdown.reasons },
    });
    return updated;
  });
}

/**
 * Asks for the computed refund to go out: at or above the tenant's four-eyes threshold it
 * waits for a second approver (`refund_pending_approval`); below, it is issued at once. A
 * refund approved earlier that could not go out (flagged or failed) is tried again.
 */
export async function requestRefund(
  db: Database,
  deps: ReturnDeps,
  input: { tenantId: string; returnId: string; actor: string },
): Promise<ReturnRow> {
  const next = await withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, input.returnId);
    if (current.status !== "received" || current.refundAmount == null) wrongState(current, "refunded");
    if (current.refundApprovedBy) return { ret: current, issue: true };
    const policy = readReturnPolicy(await getReturnPolicySettings(tx));
    const pending = needsSecondApproval(current.refundAmount, current.currency, policy);
    const updated = (await updateReturn(tx, current.id, {
      status: pending ? "refund_pending_approval" : "received",
      refundRequestedBy: input.actor,
      ...(pending ? {} : { refundApprovedBy: input.actor }),
    }))!;
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, current.orderId))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.refund_requested",
      message: pending
        ? `Refund of ${current.refundAmount} ${current.currency} minor units for ${current.rma} requested; at or above the four-eyes threshold (${policy.fourEyesThreshold[current.currency] ?? "EUR equivalent"}), so another person must approve it`
        : `Refund of ${current.refundAmount} ${current.currency} minor units for ${current.rma} requested; below the four-eyes threshold, issued now`,
      outcome: { refundAmount: current.refundAmount, needsSecondApproval: pending },
    });
    return { ret: updated, issue: !pending };
  });
  return next.issue ? issueRefund(db, deps, { ...input }) : next.ret;
}

/** The second approver of a refund at or above the threshold: anyone but the person who requested it. */
export async function approveRefund(
  db: Database,
  deps: ReturnDeps,
  input: { tenantId: string; returnId: string; actor: string },
): Promise<ReturnRow> {
  await withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, input.returnId);
    if (current.status !== "refund_pending_approval") wrongState(current, "approved for refund");
    if (current.refundRequestedBy === input.actor) {
      throw new ReturnForbiddenError("Four-eyes rule: you requested this refund, so someone else has to approve it");
    }
    const updated = (await updateReturn(tx, current.id, { status: "received", refundApprovedBy: input.actor }))!;
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, current.orderId))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.refund_approved",
      message: `Refund for ${current.rma} approved by a second person (requested by ${current.refundRequestedBy})`,
      outcome: { refundAmount: current.refundAmount, requestedBy: current.refundRequestedBy },
    });
  });
  return issueRefund(db, deps, input);
}

/**
 * Sends an approved refund: through Stripe for Stripe payments (idempotency key = the return's
 * id, so a retry never refunds twice), otherwise flagged for the sales channel or processor
 * that took the payment, with the reason. Without a Stripe client the refund is flagged
 * "Stripe not connected", never pretended. An issued refund notifies the shopper.
 */
export async function issueRefund(
  db: Database,
  deps: ReturnDeps,
  input: { tenantId: string; returnId: string; actor: string },
): Promise<ReturnRow> {
  const now = nowOf(deps);
  const { ret, order } = await withTenant(db, input.tenantId, async (tx) => {
    const ret = await lockReturn(tx, input.returnId);
    if (ret.status !== "received" || !ret.refundApprovedBy || ret.refundAmount == null) wrongState(ret, "refunded");
    return { ret, order: (await getOrderRow(tx, ret.orderId))! };
  });
  const amount = ret.refundAmount!;
  const provider = normalizeProvider(order.payment.provider);
  const base = { at: now.toISOString(), by: input.actor };
  let issue: RefundIssue;
  if (amount <= 0) {
    issue = { ...base, mode: "none", status: "nothing_to_refund", reason: "The inspection leaves nothing to refund" };
  } else if (provider === "stripe") {
    const stripe = deps.refunds?.stripe;
    if (!stripe) {
      issue = {
        ...base,
        mode: "stripe",
        status: "flagged",
        reason:
          "Stripe not connected: set STRIPE_SECRET_KEY to refund from here, or refund in the Stripe dashboard and mark it refunded",
      };
    } else if (!order.payment.reference) {
      issue = { ...base, mode: "stripe", status: "flagged", reason: "The order has no Stripe payment reference" };
    } else {
      try {
        const refund = await stripe.refund({
          paymentReference: order.payment.reference,
          amount,
          currency: ret.currency,
          idempotencyKey: ret.id,
          metadata: { returnId: ret.id, rma: ret.rma, orderId: order.id, orderNumber: order.externalId },
        });
        issue = {
          ...base,
          mode: "stripe",
          status: "issued",
          reference: refund.id,
          reason: `Stripe refund ${refund.id} (${refund.status})`,
        };
      } catch (error) {
        if (!(error instanceof RefundError)) throw error;
        issue = { ...base, mode: "stripe", status: "failed", reason: error.message };
      }
    }
  } else {
    const taker =
      provider === "channel"
        ? `the sales channel (${order.channel})`
        : `${paymentProviderName(provider)} (${order.channel})`;
    issue = {
      ...base,
      mode: "channel",
      status: "flagged",
      reason: `Flagged for the channel: the payment was taken by ${taker}, so the refund is made there; mark it refunded afterwards`,
    };
  }

  const updated = await withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, ret.id);
    if (current.status !== "received") return current;
    const done = issue.status === "issued" || issue.status === "nothing_to_refund";
    const updated = (await updateReturn(tx, ret.id, {
      status: issue.status === "issued" ? "refunded" : done ? "closed" : "received",
      refund: { ...(current.refund ?? {}), issue },
      ...(issue.reference ? { refundReference: issue.reference } : {}),
      ...(issue.status === "issued" ? { refundedAt: now } : {}),
    }))!;
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, ret.orderId))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: issue.status === "issued" ? "return.refunded" : `return.refund_${issue.status}`,
      message:
        issue.status === "issued"
          ? `Refunded ${amount} ${ret.currency} minor units for ${ret.rma}: ${issue.reason}`
          : `Refund for ${ret.rma} not sent: ${issue.reason}`,
      outcome: { issue },
    });
    return updated;
  });
  if (updated.status === "refunded") {
    await deps.notify?.([
      {
        tenantId: input.tenantId,
        orderId: order.id,
        event: "refund_issued",
        dedupeKey: `refund_issued:${ret.id}`,
        returnId: ret.id,
      },
    ]);
  }
  return updated;
}

/** Staff record a refund made elsewhere (in the channel, or the Stripe dashboard) for an approved, flagged refund. */
export async function markRefunded(
  db: Database,
  deps: ReturnDeps,
  input: { tenantId: string; returnId: string; actor: string; reference: string },
): Promise<ReturnRow> {
  const now = nowOf(deps);
  const updated = await withTenant(db, input.tenantId, async (tx) => {
    const current = await lockReturn(tx, input.returnId);
    if (current.status !== "received" || !current.refundApprovedBy) wrongState(current, "marked refunded");
    const issue: RefundIssue = {
      mode: "channel",
      status: "issued",
      reference: input.reference,
      reason: `Refunded outside Crossflow, reference ${input.reference}`,
      at: now.toISOString(),
      by: input.actor,
    };
    const updated = (await updateReturn(tx, current.id, {
      status: "refunded",
      refund: { ...(current.refund ?? {}), issue },
      refundReference: input.reference,
      refundedAt: now,
    }))!;
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order: (await getOrderRow(tx, current.orderId))!,
      before: current,
      after: updated,
      actor: input.actor,
      action: "return.refunded",
      message: `Refund for ${current.rma} recorded as made outside Crossflow (${input.reference})`,
      outcome: { issue },
    });
    return updated;
  });
  await deps.notify?.([
    {
      tenantId: input.tenantId,
      orderId: updated.orderId,
      event: "refund_issued",
      dedupeKey: `refund_issued:${updated.id}`,
      returnId: updated.id,
    },
  ]);
  return updated;
}
