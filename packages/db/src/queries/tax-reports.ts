import { and, asc, gte, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "../client";
import { orders } from "../schema/orders";

export interface TaxReportOrderRow {
  orderId: string;
  externalId: string;
  placedAt: Date;
  status: string;
  currency: string;
  landedCost: unknown;
}

/**
 * The tenant's orders with a landed cost placed in [from, to), oldest first, in the shape the
 * domain's buildTaxReport reads. Cancelled orders are included (the report counts and skips
 * them). Runs inside the caller's tenant transaction, so RLS limits it to that tenant.
 */
export async function listTaxReportOrders(tx: Tx, range: { from: Date; to: Date }): Promise<TaxReportOrderRow[]> {
  return tx
    .select({
      orderId: orders.id,
      externalId: orders.externalId,
      placedAt: orders.placedAt,
      status: orders.status,
      currency: orders.currency,
      landedCost: orders.landedCost,
    })
    .from(orders)
    .where(and(isNotNull(orders.landedCost), gte(orders.placedAt, range.from), lt(orders.placedAt, range.to)))
    .orderBy(asc(orders.placedAt), asc(orders.id));
}
