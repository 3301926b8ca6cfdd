import { newId } from "@crossflow/domain";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { allocations } from "../schema/allocations";
import { orderLines } from "../schema/order-lines";
import { orders as orderTable } from "../schema/orders";
import { partnerLinks } from "../schema/partner-links";
import { partnerMembers } from "../schema/partner-members";
import { partners } from "../schema/partners";
import { warehouses as warehouseTable } from "../schema/warehouses";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export async function createPartner(db: Database, input: { name: string; kind: "supplier" | "3pl" }) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .insert(partners)
      .values({ id: newId("prt"), ...input })
      .returning();
    return row!;
  });
}

export async function addPartnerMember(db: Database, input: { partnerId: string; userId: string }) {
  await withoutTenant(db, (tx) => tx.insert(partnerMembers).values(input).onConflictDoNothing());
}

/** The tenant grants a partner access (run inside that tenant's transaction). */
export async function linkPartner(tx: Tx, input: { tenantId: string; partnerId: string }) {
  await tx.insert(partnerLinks).values(input).onConflictDoNothing();
}

export async function partnerTenants(db: Database, partnerId: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, tenant_name from cf_partner_tenants(${partnerId})`);
    return rowsOf<{ tenant_id: string; tenant_name: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
    }));
  });
}

/**
 * Orders holding stock in the partner's warehouses for one tenant (run inside that tenant's
 * transaction), newest first.
 */
export async function partnerOpenOrders(tx: Tx, partnerId: string) {
  const warehouses = await tx
    .select()
    .from(warehouseTable)
    .where(eq(warehouseTable.partnerId, partnerId))
    .orderBy(asc(warehouseTable.code));
  const ids = warehouses.map((w) => w.id);
  if (ids.length === 0) return { warehouses, orders: [] };
  const rows = await tx
    .select({
      order: orderTable,
      warehouseId: allocations.warehouseId,
      units: sql<number>`sum(${allocations.quantity})::int`,
      lineCount: sql<number>`(select count(*)::int from ${orderLines} where ${orderLines.orderId} = ${orderTable.id})`,
    })
    .from(allocations)
    .innerJoin(orderTable, eq(orderTable.id, allocations.orderId))
    .where(and(inArray(allocations.warehouseId, ids), isNull(allocations.releasedAt)))
    .groupBy(orderTable.id, allocations.warehouseId)
    .orderBy(desc(orderTable.id))
    .limit(200);
  return {
    warehouses,
    orders: rows.map((r) => ({
      id: r.order.id,
      externalId: r.order.externalId,
      status: r.order.status,
      warehouseId: r.warehouseId,
      warehouseCode: warehouses.find((w) => w.id === r.warehouseId)?.code ?? "",
      country: r.order.shippingAddress.country,
      lineCount: Number(r.lineCount),
      units: Number(r.units),
      createdAt: r.order.createdAt.toISOString(),
    })),
  };
}

export async function getPartner(db: Database, id: string) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx.select().from(partners).where(eq(partners.id, id));
    return row ?? null;
  });
}

/** Sets (or, with nulls, removes) where a partner's instructions are POSTed and the sealed signing secret. */
export async function setPartnerWebhook(
  db: Database,
  id: string,
  input: { webhookUrl: string | null; webhookSecretSealed: string | null },
) {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx.update(partners).set(input).where(eq(partners.id, id)).returning();
    return row ?? null;
  });
}
