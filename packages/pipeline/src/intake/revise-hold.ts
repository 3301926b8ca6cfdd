import {
  type Address,
  type Database,
  DomainConflictError,
  discardPlannedShipments,
  getOrderDetail,
  getOrderRow,
  getWarehouse,
  type OrderReviewDirectives,
  recordAudit,
  recordDecision,
  releaseOrderStock,
  reviseOrder,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import { DEFAULT_RATE_CARDS, ORDER_FLOW, type OrderStatus } from "@crossflow/domain";
import { stockChangedEvent } from "../channels/gateway";
import type { EventSender } from "./receive-order";

export interface HoldRevision {
  tenantId: string;
  orderId: string;
  actor: string;
  note?: string;
  /** A corrected shipping address: every check runs again from the start. */
  shippingAddress?: Address;
  /** Ship from this warehouse only: allocation and carrier choice run again. */
  warehouseId?: string;
  /** Ship with this carrier (and service): carrier choice runs again. */
  carrier?: { carrier: string; service?: string };
  /** Hold codes the reviewer accepts, as with a plain release. */
  overrides?: string[];
}

/** Which step has to run again for each kind of correction. */
const RESUME_FOR = { address: "received", warehouse: "screened", carrier: "allocated" } as const;

/** Whether a carrier (and service) exists in the rate cards, so a typo cannot park an order forever. */
export function isKnownCarrierService(carrier: string, service?: string): boolean {
  return DEFAULT_RATE_CARDS.some((card) => card.carrier === carrier && (!service || card.service === service));
}

/**
 * A reviewer corrects a held order from the exception queue (new address, another warehouse,
 * another carrier) and releases it in one action. Whatever the correction invalidates is
 * undone — reservations released, planned shipments dropped — and the order resumes at the
 * earliest step that must run again, so the pipeline re-checks the correction itself.
 */
export async function reviseHeldOrder(db: Database, events: EventSender, input: HoldRevision) {
  if (input.carrier && !isKnownCarrierService(input.carrier.carrier, input.carrier.service)) {
    throw new DomainConflictError(
      "validation_failed",
      `Unknown carrier service ${input.carrier.carrier}${input.carrier.service ? `/${input.carrier.service}` : ""}`,
      [{ path: "carrier", message: "not a carrier service Crossflow can rate" }],
    );
  }
  const revised = await withTenant(db, input.tenantId, async (tx) => {
    const order = await getOrderRow(tx, input.orderId, { forUpdate: true });
    if (!order) return null;
    if (order.status !== "on_hold") {
      throw new DomainConflictError(
        "invalid_state",
        `Only an order on hold can be corrected here; this one is ${order.status}`,
        [{ path: "status", message: order.status }],
      );
    }
    const warehouse = input.warehouseId ? await getWarehouse(tx, input.warehouseId) : null;
    if (input.warehouseId && !warehouse) {
      throw new DomainConflictError("validation_failed", `No warehouse ${input.warehouseId}`, [
        { path: "warehouseId", message: "no such warehouse" },
      ]);
    }

    const changes: string[] = [];
    const candidates: OrderStatus[] = [(order.heldFrom ?? "received") as OrderStatus];
    if (input.shippingAddress) {
      changes.push(`address → ${formatAddress(input.shippingAddress)}`);
      candidates.push(RESUME_FOR.address);
    }
    if (warehouse) {
      changes.push(`warehouse → ${warehouse.code}`);
      candidates.push(RESUME_FOR.warehouse);
    }
    if (input.carrier) {
      changes.push(`carrier → ${input.carrier.carrier}${input.carrier.service ? `/${input.carrier.service}` : ""}`);
      candidates.push(RESUME_FOR.carrier);
    }
    if (changes.length === 0) {
      throw new DomainConflictError("validation_failed", "Nothing to change", [
        { path: "shippingAddress", message: "give an address, a warehouse or a carrier" },
      ]);
    }
    const resumeAt = candidates.reduce((earliest, s) =>
      ORDER_FLOW.indexOf(s) < ORDER_FLOW.indexOf(earliest) ? s : earliest,
    );

    // Undo what the correction invalidates, from the latest step back.
    const undone: string[] = [];
    if (ORDER_FLOW.indexOf(resumeAt) <= ORDER_FLOW.indexOf("allocated")) {
      const dropped = await discardPlannedShipments(tx, input.orderId);
      if (dropped.length > 0) undone.push(`${dropped.length} planned shipment(s) dropped`);
    }
    if (ORDER_FLOW.indexOf(resumeAt) < ORDER_FLOW.indexOf("allocated")) {
      const units = await releaseOrderStock(tx, {
        tenantId: input.tenantId,
        orderId: input.orderId,
        actor: input.actor,
        reason: `reviewer correction: ${changes.join(", ")}`,
      });
      if (units > 0) undone.push(`${units} reserved unit(s) released`);
    }

    const directives: OrderReviewDirectives = {
      ...order.reviewDirectives,
      ...(warehouse ? { warehouseId: warehouse.id } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      by: input.actor,
    };
    await reviseOrder(tx, input.orderId, {
      ...(input.shippingAddress ? { shippingAddress: input.shippingAddress } : {}),
      reviewDirectives: directives,
    });
    const overrides = (input.overrides ?? []).filter((code) => order.holds.some((h) => h.code === code));
    const reason = `Corrected by a person: ${changes.join(", ")}${undone.length ? ` (${undone.join(", ")})` : ""}; resumes at ${resumeAt}${input.note ? `: ${input.note}` : ""}`;
    await recordDecision(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      kind: "review",
      outcome: { released: true, resumeAt, overrides, directives, addressChanged: Boolean(input.shippingAddress) },
      reason,
      facts: { holds: order.holds, actor: input.actor, previousAddress: order.shippingAddress },
    });
    await transitionOrder(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: resumeAt,
      actor: input.actor,
      message: reason,
      data: { overrides, changes },
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "order.corrected",
      entity: "order",
      entityId: input.orderId,
      before: {
        status: "on_hold",
        holds: order.holds,
        shippingAddress: order.shippingAddress,
        directives: order.reviewDirectives,
      },
      after: { status: resumeAt, shippingAddress: input.shippingAddress ?? order.shippingAddress, directives },
    });
    return { overrides, stockReleased: undone.some((u) => u.includes("reserved")) };
  });
  if (!revised) return null;
  if (revised.stockReleased) await events.send(stockChangedEvent(input.tenantId));
  await events.send({
    name: "order/hold.released",
    data: { tenantId: input.tenantId, orderId: input.orderId, actor: input.actor, overrides: revised.overrides },
  });
  return withTenant(db, input.tenantId, (tx) => getOrderDetail(tx, input.orderId));
}

function formatAddress(a: Address): string {
  return [a.line1, a.line2, a.postalCode, a.city, a.region, a.country].filter(Boolean).join(", ");
}
