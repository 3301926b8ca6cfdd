import { and, asc, desc, eq, inArray, max, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { customers } from "../schema/customers";
import { documents } from "../schema/documents";
import { orders } from "../schema/orders";
import { type RETURN_STATUSES, returns } from "../schema/returns";
import { shipments } from "../schema/shipments";
import { tenantSettings } from "../schema/tenant-settings";

export type ReturnRow = typeof returns.$inferSelect;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export async function insertReturn(tx: Tx, row: typeof returns.$inferInsert) {
  const [inserted] = await tx.insert(returns).values(row).returning();
  return inserted!;
}

export async function getReturn(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(returns).where(eq(returns.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function getReturnByRma(tx: Tx, orderId: string, rma: string) {
  const [row] = await tx
    .select()
    .from(returns)
    .where(and(eq(returns.orderId, orderId), eq(returns.rma, rma)));
  return row ?? null;
}

export async function listOrderReturns(tx: Tx, orderId: string) {
  return tx.select().from(returns).where(eq(returns.orderId, orderId)).orderBy(asc(returns.createdAt), asc(returns.id));
}

export async function updateReturn(
  tx: Tx,
  id: string,
  patch: Partial<Omit<ReturnRow, "id" | "tenantId" | "orderId" | "rma" | "createdAt" | "updatedAt">>,
) {
  const [row] = await tx
    .update(returns)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(returns.id, id))
    .returning();
  return row ?? null;
}

/** The console's list: newest first, with the order number and the shopper. */
export async function listReturns(tx: Tx, filter: { status?: ReturnStatus[]; limit?: number } = {}) {
  const conditions: SQL[] = [];
  if (filter.status?.length) conditions.push(inArray(returns.status, filter.status));
  return tx
    .select({
      id: returns.id,
      rma: returns.rma,
      status: returns.status,
      orderId: returns.orderId,
      orderNumber: orders.externalId,
      customerName: customers.name,
      shippingAddress: orders.shippingAddress,
      currency: returns.currency,
      lines: returns.lines,
      refundAmount: returns.refundAmount,
      shippingPaidBy: returns.shippingPaidBy,
      createdAt: returns.createdAt,
      updatedAt: returns.updatedAt,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(filter.limit ?? 200);
}

export async function countReturnsByStatus(tx: Tx) {
  const rows = await tx.select({ status: returns.status }).from(returns);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

/** When the order's last parcel was delivered (null while any is still travelling or none was). */
export async function orderDeliveredAt(tx: Tx, orderId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: max(shipments.deliveredAt) })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId)));
  return row?.at ? new Date(row.at) : null;
}

/** The documents rendered for one return (stored with the return's id in shipment_id). */
export async function listReturnDocuments(tx: Tx, returnId: string) {
  return tx.select().from(documents).where(eq(documents.shipmentId, returnId)).orderBy(asc(documents.id));
}

export async function getReturnPolicySettings(tx: Tx) {
  const [row] = await tx.select({ returns: tenantSettings.returns }).from(tenantSettings);
  return row?.returns ?? {};
}

export async function saveReturnPolicySettings(
  tx: Tx,
  input: { tenantId: string; policy: Record<string, unknown>; actor: string },
) {
  await tx
    .insert(tenantSettings)
    .values({ tenantId: input.tenantId, returns: input.policy, updatedBy: input.actor })
    .onConflictDoUpdate({
      target: tenantSettings.tenantId,
      set: { returns: input.policy, updatedBy: input.actor, updatedAt: new Date() },
    });
}
