import { type AllocationPart, newId, type StockAvailability } from "@crossflow/domain";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { allocations } from "../schema/allocations";
import { inventoryLedger } from "../schema/inventory-ledger";
import { inventoryLevels } from "../schema/inventory-levels";
import { DomainConflictError, isCheckViolation } from "./errors";

/** Adds (or removes, with a negative delta) stock on hand; never below zero or below what is reserved. */
export async function adjustInventory(
  tx: Tx,
  input: { tenantId: string; warehouseId: string; sku: string; delta: number; reason: string; actor: string },
) {
  try {
    const [level] = await tx
      .insert(inventoryLevels)
      .values({ tenantId: input.tenantId, warehouseId: input.warehouseId, sku: input.sku, onHand: input.delta })
      .onConflictDoUpdate({
        target: [inventoryLevels.tenantId, inventoryLevels.warehouseId, inventoryLevels.sku],
        set: { onHand: sql`${inventoryLevels.onHand} + ${input.delta}`, updatedAt: new Date() },
      })
      .returning();
    await tx.insert(inventoryLedger).values({
      id: newId("led"),
      tenantId: input.tenantId,
      warehouseId: input.warehouseId,
      sku: input.sku,
      kind: "adjustment",
      onHandDelta: input.delta,
      reason: input.reason,
      actor: input.actor,
    });
    return level!;
  } catch (error) {
    if (isCheckViolation(error)) {
      throw new DomainConflictError(
        "insufficient_stock",
        `Adjustment of ${input.delta} would leave ${input.sku} below zero or below its reserved quantity`,
        [{ path: "delta", message: "would make stock on hand negative or less than reserved" }],
      );
    }
    throw error;
  }
}

export async function getInventory(tx: Tx, sku: string) {
  const rows = await tx
    .select()
    .from(inventoryLevels)
    .where(eq(inventoryLevels.sku, sku))
    .orderBy(asc(inventoryLevels.warehouseId));
  const warehouses = rows.map((r) => ({
    warehouseId: r.warehouseId,
    onHand: r.onHand,
    reserved: r.reserved,
    available: r.onHand - r.reserved,
  }));
  const sum = (k: "onHand" | "reserved" | "available") => warehouses.reduce((n, w) => n + w[k], 0);
  return { sku, onHand: sum("onHand"), reserved: sum("reserved"), available: sum("available"), warehouses };
}

export async function stockAvailability(tx: Tx, skus: string[]): Promise<StockAvailability[]> {
  if (skus.length === 0) return [];
  const rows = await tx.select().from(inventoryLevels).where(inArray(inventoryLevels.sku, skus));
  return rows.map((r) => ({ warehouseId: r.warehouseId, sku: r.sku, available: r.onHand - r.reserved }));
}

/**
 * Reserves stock for an order. Each line is a conditional update that only succeeds while
 * enough is free, so concurrent orders can never oversell; if any line fails, the caller's
 * transaction is aborted with insufficient_stock and nothing is reserved.
 */
export async function reserveStock(
  tx: Tx,
  input: { tenantId: string; orderId: string; parts: AllocationPart[]; actor: string },
) {
  // Rows are always locked in one global order (warehouse, then SKU), so two orders that
  // share SKUs never wait on each other in a cycle: no deadlocks under concurrency.
  const lines = input.parts
    .flatMap((part) =>
      part.lines.map((line) => ({ warehouseId: part.warehouseId, sku: line.sku, quantity: line.quantity })),
    )
    .sort((x, y) => compareText(x.warehouseId, y.warehouseId) || compareText(x.sku, y.sku));
  for (const line of lines) {
    const updated = await tx
      .update(inventoryLevels)
      .set({ reserved: sql`${inventoryLevels.reserved} + ${line.quantity}`, updatedAt: new Date() })
      .where(
        and(
          eq(inventoryLevels.warehouseId, line.warehouseId),
          eq(inventoryLevels.sku, line.sku),
          sql`${inventoryLevels.onHand} - ${inventoryLevels.reserved} >= ${line.quantity}`,
        ),
      )
      .returning({ sku: inventoryLevels.sku });
    if (updated.length === 0) {
      throw new DomainConflictError(
        "insufficient_stock",
        `Not enough ${line.sku} free in warehouse ${line.warehouseId}`,
      );
    }
    await tx.insert(allocations).values({
      id: newId("inv"),
      tenantId: input.tenantId,
      orderId: input.orderId,
      warehouseId: line.warehouseId,
      sku: line.sku,
      quantity: line.quantity,
    });
    await tx.insert(inventoryLedger).values({
      id: newId("led"),
      tenantId: input.tenantId,
      warehouseId: line.warehouseId,
      sku: line.sku,
      kind: "reserve",
      reservedDelta: line.quantity,
      reason: "order allocated",
      orderId: input.orderId,
      actor: input.actor,
    });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function activeAllocations(tx: Tx, orderId: string) {
  return tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.orderId, orderId), isNull(allocations.releasedAt)))
    .orderBy(asc(allocations.id));
}

/** Gives back every unreleased reservation of an order; safe to call twice. Returns units released. */
export async function releaseOrderStock(
  tx: Tx,
  input: { tenantId: string; orderId: string; actor: string; reason: string },
) {
  const held = await tx
    .update(allocations)
    .set({ releasedAt: new Date() })
    .where(and(eq(allocations.orderId, input.orderId), isNull(allocations.releasedAt)))
    .returning();
  let units = 0;
  held.sort((x, y) => compareText(x.warehouseId, y.warehouseId) || compareText(x.sku, y.sku));
  for (const allocation of held) {
    await tx
      .update(inventoryLevels)
      .set({ reserved: sql`${inventoryLevels.reserved} - ${allocation.quantity}`, updatedAt: new Date() })
      .where(and(eq(inventoryLevels.warehouseId, allocation.warehouseId), eq(inventoryLevels.sku, allocation.sku)));
    await tx.insert(inventoryLedger).values({
      id: newId("led"),
      tenantId: input.tenantId,
      warehouseId: allocation.warehouseId,
      sku: allocation.sku,
      kind: "release",
      reservedDelta: -allocation.quantity,
      reason: input.reason,
      orderId: input.orderId,
      actor: input.actor,
    });
    units += allocation.quantity;
  }
  return units;
}
