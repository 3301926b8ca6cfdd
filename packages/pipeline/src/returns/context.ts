import {
  appendOrderEvent,
  type Database,
  DomainConflictError,
  getOrderLines,
  getOrderRow,
  getProductsBySkus,
  getReturn,
  getReturnPolicySettings,
  listOrderReturns,
  type OrderRow,
  orderDeliveredAt,
  type ReturnRow,
  recordAudit,
  recordDecision,
  type Tx,
} from "@crossflow/db";
import type { DocumentStorage } from "@crossflow/documents";
import { type EligibilityOrder, type ReturnPolicy, readReturnPolicy } from "@crossflow/domain";
import type { ConnectedCarrier, RefundClient } from "@crossflow/integrations";
import type { CustomerNotifier } from "../notifications/types";

export interface ReturnDeps {
  /** Carriers by code; the demo carrier stands in for any without an account. */
  carriers: Record<string, ConnectedCarrier>;
  storage: DocumentStorage;
  notify?: CustomerNotifier;
  /** Processor clients for refunds; a provider without one gets its refunds flagged, never faked. */
  refunds?: { stripe?: RefundClient | null };
  now?: () => Date;
}

/** A step the caller may not take (four-eyes): maps to 403 at the edge. */
export class ReturnForbiddenError extends Error {
  readonly code = "forbidden";
}

export function returnNotFound(id: string): never {
  throw new DomainConflictError("not_found", `No return ${id}`);
}

export function wrongState(ret: Pick<ReturnRow, "rma" | "status">, action: string): never {
  throw new DomainConflictError(
    "invalid_state",
    `Return ${ret.rma} is ${ret.status.replace(/_/g, " ")}; it cannot be ${action} now`,
    [{ path: "status", message: ret.status }],
  );
}

/** The order as eligibility sees it, with the policy in force. */
export async function loadOrderForReturns(tx: Tx, orderId: string) {
  const order = await getOrderRow(tx, orderId);
  if (!order) return null;
  const [lines, deliveredAt, earlier, stored] = await Promise.all([
    getOrderLines(tx, orderId),
    orderDeliveredAt(tx, orderId),
    listOrderReturns(tx, orderId),
    getReturnPolicySettings(tx),
  ]);
  const products = new Map(
    (
      await getProductsBySkus(
        tx,
        lines.map((l) => l.sku),
      )
    ).map((p) => [p.sku, p]),
  );
  const policy: ReturnPolicy = readReturnPolicy(stored);
  const eligibilityOrder: EligibilityOrder = {
    status: order.status,
    placedAt: order.placedAt,
    deliveredAt: order.status === "delivered" ? (deliveredAt ?? order.updatedAt) : null,
    lines: lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      tags: products.get(l.sku)?.tags ?? [],
    })),
    earlierReturns: earlier.map((r) => ({ status: r.status, lines: r.lines })),
  };
  return { order, lines, products, policy, earlier, eligibilityOrder };
}

export async function lockReturn(tx: Tx, id: string) {
  const ret = await getReturn(tx, id, { forUpdate: true });
  if (!ret) returnNotFound(id);
  return ret;
}

/** One change to a return, recorded everywhere it is looked for: the order timeline, the decisions, the audit log. */
export async function recordReturnChange(
  tx: Tx,
  input: {
    tenantId: string;
    order: Pick<OrderRow, "id" | "status">;
    before: Partial<ReturnRow> | null;
    after: ReturnRow;
    actor: string;
    action: string;
    message: string;
    outcome?: Record<string, unknown>;
    facts?: Record<string, unknown>;
  },
) {
  await appendOrderEvent(tx, {
    tenantId: input.tenantId,
    orderId: input.order.id,
    status: input.order.status,
    message: input.message,
    actor: input.actor,
    data: { returnId: input.after.id, rma: input.after.rma, returnStatus: input.after.status },
  });
  await recordDecision(tx, {
    tenantId: input.tenantId,
    orderId: input.order.id,
    kind: "return",
    outcome: { returnId: input.after.id, rma: input.after.rma, status: input.after.status, ...input.outcome },
    reason: input.message,
    facts: { actor: input.actor, ...input.facts },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actor: input.actor,
    action: input.action,
    entity: "return",
    entityId: input.after.id,
    before: input.before ? snapshot(input.before) : null,
    after: snapshot(input.after),
  });
}

function snapshot(row: Partial<ReturnRow>) {
  return {
    status: row.status,
    lines: row.lines,
    refundAmount: row.refundAmount,
    refundReference: row.refundReference,
    approvedBy: row.approvedBy,
    refundRequestedBy: row.refundRequestedBy,
    refundApprovedBy: row.refundApprovedBy,
    trackingNumber: row.trackingNumber,
  };
}

export function nowOf(deps: Pick<ReturnDeps, "now">): Date {
  return deps.now?.() ?? new Date();
}

export type { Database };
