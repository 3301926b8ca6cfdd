import {
  type Database,
  DomainConflictError,
  insertReturn,
  isUniqueViolation,
  listOrderShipments,
  type ReturnRow,
  withTenant,
} from "@crossflow/db";
import {
  checkReturnRequest,
  newId,
  type ReturnEligibility,
  type ReturnPolicy,
  returnEligibility,
  returnShippingPayer,
} from "@crossflow/domain";
import { loadOrderForReturns, nowOf, type ReturnDeps, recordReturnChange } from "./context";
import { approveReturn } from "./review-return";

export interface ReturnOptions {
  eligibility: ReturnEligibility;
  policy: ReturnPolicy;
  returns: ReturnRow[];
  currency: string;
}

/** What the shopper may return now, under which policy, and the returns already started. */
export async function returnOptions(
  db: Database,
  input: { tenantId: string; orderId: string; now?: Date },
): Promise<ReturnOptions | null> {
  const loaded = await withTenant(db, input.tenantId, (tx) => loadOrderForReturns(tx, input.orderId));
  if (!loaded) return null;
  return {
    eligibility: returnEligibility(loaded.eligibilityOrder, loaded.policy, input.now ?? new Date()),
    policy: loaded.policy,
    returns: loaded.earlier,
    currency: loaded.order.currency,
  };
}

export interface ReturnRequestInput {
  tenantId: string;
  orderId: string;
  /** "shopper:<email>" from the portal, or a staff user id. */
  actor: string;
  lines: Array<{ sku: string; quantity: number; reason: string; note?: string }>;
}

/**
 * A shopper's return request: checked against the policy (window, excluded items, units
 * already returned, accepted reasons), stored with an RMA (RMA-<order>-<n>) and who pays the
 * way back; approved at once when the policy auto-approves — which books the return label,
 * renders the customs papers of a cross-border return and tells the warehouse to expect it —
 * otherwise left `requested` for staff.
 */
export async function requestReturn(db: Database, deps: ReturnDeps, input: ReturnRequestInput): Promise<ReturnRow> {
  const now = nowOf(deps);
  const created = await withTenant(db, input.tenantId, async (tx) => {
    const loaded = await loadOrderForReturns(tx, input.orderId);
    if (!loaded) throw new DomainConflictError("not_found", `No order ${input.orderId}`);
    const { order, lines, policy, earlier } = loaded;
    const eligibility = returnEligibility(loaded.eligibilityOrder, policy, now);
    if (!eligibility.eligible) {
      throw new DomainConflictError("conflict", eligibility.message ?? "This order cannot be returned", [
        { path: "order", message: eligibility.reason ?? "not_eligible" },
      ]);
    }
    const issues = checkReturnRequest(input.lines, eligibility, policy);
    if (issues.length) {
      throw new DomainConflictError(
        "validation_failed",
        `Invalid return: ${issues.map((i) => i.message).join("; ")}`,
        issues,
      );
    }
    const shipments = (await listOrderShipments(tx, order.id)).filter((s) => s.status !== "voided" && s.warehouseId);
    const warehouseId = shipments[0]?.warehouseId ?? null;
    const returnLines = input.lines.map((line) => {
      const orderLine = lines.find((l) => l.sku === line.sku)!;
      return {
        sku: line.sku,
        title: orderLine.title,
        quantity: line.quantity,
        unitPrice: orderLine.unitPrice,
        reason: line.reason,
        ...(line.note?.trim() ? { note: line.note.trim().slice(0, 500) } : {}),
      };
    });
    const shippingPaidBy = returnShippingPayer(
      returnLines.map((l) => l.reason),
      policy,
    );
    // RMA numbers count the order's returns; a concurrent request taking the same number retries with the next.
    let ret: ReturnRow | null = null;
    for (let n = earlier.length + 1; !ret && n < earlier.length + 6; n++) {
      const id = newId("ret");
      try {
        ret = await tx.transaction((savepoint) =>
          insertReturn(savepoint, {
            id,
            tenantId: input.tenantId,
            orderId: order.id,
            rma: `RMA-${order.externalId}-${n}`,
            status: "requested",
            lines: returnLines,
            currency: order.currency,
            shippingPaidBy,
            warehouseId,
            requestedBy: input.actor,
          }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    if (!ret) throw new DomainConflictError("conflict", "Another return was started at the same moment; try again");
    await recordReturnChange(tx, {
      tenantId: input.tenantId,
      order,
      before: null,
      after: ret,
      actor: input.actor,
      action: "return.requested",
      message: `Return ${ret.rma} requested: ${returnLines.map((l) => `${l.quantity}× ${l.sku} (${l.reason.replace(/_/g, " ")})`).join(", ")}; return shipping paid by the ${shippingPaidBy}`,
      facts: { windowEndsAt: eligibility.windowEndsAt?.toISOString() ?? null, autoApprove: policy.autoApprove },
    });
    return { ret, autoApprove: policy.autoApprove };
  });
  if (!created.autoApprove) return created.ret;
  return approveReturn(db, deps, {
    tenantId: input.tenantId,
    returnId: created.ret.id,
    actor: "system:return-policy",
  });
}
