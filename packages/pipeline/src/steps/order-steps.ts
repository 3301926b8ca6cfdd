import {
  activeAllocations,
  type Database,
  DomainConflictError,
  getOrderLines,
  getOrderRow,
  getProductsBySkus,
  getWarehousesByIds,
  listWarehouses,
  recordDecision,
  reserveStock,
  stockAvailability,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import { checkPayment, type Hold, planAllocation, unknownSkuHold } from "@crossflow/domain";

export const PIPELINE_ACTOR = "system:pipeline";

export interface OrderRef {
  tenantId: string;
  orderId: string;
}

export type StepOutcome =
  | { outcome: "advanced"; status: string }
  | { outcome: "held"; holds: Hold[] }
  | { outcome: "skipped"; status: string };

async function hold(
  tx: Parameters<Parameters<typeof withTenant>[2]>[0],
  ref: OrderRef,
  holds: Hold[],
): Promise<StepOutcome> {
  await transitionOrder(tx, {
    ...ref,
    to: "on_hold",
    actor: PIPELINE_ACTOR,
    holds,
    message: `On hold: ${holds.map((h) => h.message).join("; ")}`,
  });
  return { outcome: "held", holds };
}

/**
 * Step 1: the order's facts are usable (every SKU known) and its payment allows it to go on.
 * received → payment_verified → screened, or on_hold with the reasons. Re-running it on an
 * order that already moved on does nothing.
 */
export async function validateOrder(
  db: Database,
  ref: OrderRef,
  overrides: readonly string[] = [],
): Promise<StepOutcome> {
  return withTenant(db, ref.tenantId, async (tx) => {
    const order = await getOrderRow(tx, ref.orderId, { forUpdate: true });
    if (!order) throw new DomainConflictError("not_found", `Order ${ref.orderId} not found`);
    if (order.status !== "received") return { outcome: "skipped", status: order.status };

    const lines = await getOrderLines(tx, ref.orderId);
    const catalog = new Set(
      (
        await getProductsBySkus(
          tx,
          lines.map((l) => l.sku),
        )
      ).map((p) => p.sku),
    );
    const skuHold = unknownSkuHold(
      lines.map((l) => l.sku),
      catalog,
    );
    const checked = checkPayment(order.payment);
    // A reviewer who released a payment hold has accepted the payment as it stands.
    const payment =
      !checked.verified && overrides.includes(checked.hold.code)
        ? { verified: true as const, reason: `Payment ${order.payment.status}, accepted by a reviewer` }
        : checked;
    await recordDecision(tx, {
      ...ref,
      kind: "payment",
      outcome: { verified: payment.verified, status: order.payment.status },
      reason: payment.verified ? payment.reason : payment.hold.message,
      facts: {
        provider: order.payment.provider,
        reference: order.payment.reference ?? null,
        status: order.payment.status,
        total: order.total,
        currency: order.currency,
      },
    });
    const skuBlocking = skuHold && !overrides.includes(skuHold.code) ? skuHold : null;
    if (!payment.verified || skuBlocking) {
      return hold(
        tx,
        ref,
        [skuBlocking, payment.verified ? null : payment.hold].filter((h): h is Hold => h !== null),
      );
    }

    await transitionOrder(tx, { ...ref, to: "payment_verified", actor: PIPELINE_ACTOR, message: payment.reason });
    const facts = {
      destination: order.shippingAddress.country,
      value: order.total,
      currency: order.currency,
      lineCount: lines.length,
      channel: order.channel,
    };
    await recordDecision(tx, {
      ...ref,
      kind: "risk",
      outcome: { score: 0, action: "pass", reasons: [] },
      reason: "No risk rules are configured for this tenant, so the order passes screening",
      facts,
    });
    await transitionOrder(tx, {
      ...ref,
      to: "screened",
      actor: PIPELINE_ACTOR,
      message: "Screened: no risk rules matched",
    });
    return { outcome: "advanced", status: "screened" };
  });
}

/**
 * Step 2: choose the warehouse(s) and reserve the stock atomically; screened → allocated,
 * or on_hold when nothing can fill the order. Safe to re-run: an order that already holds
 * reservations is not reserved again.
 */
export async function allocateOrder(db: Database, ref: OrderRef): Promise<StepOutcome> {
  const attempt = () =>
    withTenant(db, ref.tenantId, async (tx) => {
      const order = await getOrderRow(tx, ref.orderId, { forUpdate: true });
      if (!order) throw new DomainConflictError("not_found", `Order ${ref.orderId} not found`);
      if (order.status !== "screened") return { outcome: "skipped", status: order.status } as const;
      if ((await activeAllocations(tx, ref.orderId)).length > 0) {
        await transitionOrder(tx, {
          ...ref,
          to: "allocated",
          actor: PIPELINE_ACTOR,
          message: "Stock already reserved",
        });
        return { outcome: "advanced", status: "allocated" } as const;
      }
      const lines = await getOrderLines(tx, ref.orderId);
      const skus = lines.map((l) => l.sku);
      const [warehouses, stock] = await Promise.all([listWarehouses(tx), stockAvailability(tx, skus)]);
      const plan = planAllocation({
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, country: w.country })),
        stock,
        destinationCountry: order.shippingAddress.country,
      });
      const facts = {
        destination: order.shippingAddress.country,
        demand: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        stock: stock.map((s) => ({ ...s, warehouse: warehouses.find((w) => w.id === s.warehouseId)?.code })),
        objective: "nearest warehouse that fills the whole order, else fewest nearest",
      };
      if (plan.kind === "unfillable") {
        await recordDecision(tx, {
          ...ref,
          kind: "allocation",
          outcome: { allocated: false, shortfall: plan.shortfall },
          reason: plan.reason,
          facts,
        });
        return hold(tx, ref, [{ code: "insufficient_stock", message: plan.reason }]);
      }
      await reserveStock(tx, {
        tenantId: ref.tenantId,
        orderId: ref.orderId,
        parts: plan.parts,
        actor: PIPELINE_ACTOR,
      });
      const used = await getWarehousesByIds(
        tx,
        plan.parts.map((p) => p.warehouseId),
      );
      const codes = plan.parts.map((p) => used.find((w) => w.id === p.warehouseId)?.code ?? p.warehouseId);
      await recordDecision(tx, {
        ...ref,
        kind: "allocation",
        outcome: {
          allocated: true,
          split: plan.parts.length > 1,
          parts: plan.parts.map((p, i) => ({ ...p, warehouseCode: codes[i] })),
        },
        reason: plan.reason,
        facts,
        alternatives: plan.alternatives,
      });
      await transitionOrder(tx, {
        ...ref,
        to: "allocated",
        actor: PIPELINE_ACTOR,
        message: `Stock reserved at ${codes.join(" + ")}`,
      });
      return { outcome: "advanced", status: "allocated" } as const;
    });

  // Another order may take the last units between planning and reserving: plan again.
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof DomainConflictError && error.code === "insufficient_stock") || tries >= 5) throw error;
    }
  }
}
