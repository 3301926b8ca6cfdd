import {
  type Database,
  DomainConflictError,
  getOrderDetail,
  getOrderRow,
  recordAudit,
  recordDecision,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import type { OrderStatus } from "@crossflow/domain";
import type { EventSender } from "./receive-order";

/**
 * A person clears an order's hold: it returns to the step where it stopped, the codes the
 * reviewer accepted are passed on as overrides, and the waiting pipeline run continues.
 */
export async function releaseHold(
  db: Database,
  events: EventSender,
  input: { tenantId: string; orderId: string; actor: string; note?: string; overrides?: string[] },
) {
  const released = await withTenant(db, input.tenantId, async (tx) => {
    const order = await getOrderRow(tx, input.orderId, { forUpdate: true });
    if (!order) return null;
    if (order.status !== "on_hold") {
      throw new DomainConflictError(
        "invalid_state",
        `Only an order on hold can be released; this one is ${order.status}`,
        [{ path: "status", message: order.status }],
      );
    }
    const resumeAt = (order.heldFrom ?? "received") as OrderStatus;
    const overrides = (input.overrides ?? []).filter((code) => order.holds.some((h) => h.code === code));
    await recordDecision(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      kind: "review",
      outcome: { released: true, resumeAt, overrides },
      reason: `Released by a person${overrides.length ? `, accepting ${overrides.join(", ")}` : ""}${input.note ? `: ${input.note}` : ""}`,
      facts: { holds: order.holds, actor: input.actor },
    });
    await transitionOrder(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: resumeAt,
      actor: input.actor,
      message: `Hold released${input.note ? `: ${input.note}` : ""}`,
      data: { overrides },
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "order.hold_released",
      entity: "order",
      entityId: input.orderId,
      before: { status: "on_hold", holds: order.holds },
      after: { status: resumeAt, overrides },
    });
    return { overrides };
  });
  if (!released) return null;
  await events.send({
    name: "order/hold.released",
    data: { tenantId: input.tenantId, orderId: input.orderId, actor: input.actor, overrides: released.overrides },
  });
  return withTenant(db, input.tenantId, (tx) => getOrderDetail(tx, input.orderId));
}
