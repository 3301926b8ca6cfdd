import { newId } from "@crossflow/domain";
import { and, desc, eq, gte, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { customers } from "../schema/customers";
import { orders } from "../schema/orders";
import { ruleSets } from "../schema/rule-sets";
import { type CompanyProfile, tenantSettings } from "../schema/tenant-settings";

export type RuleSetRow = typeof ruleSets.$inferSelect;

/** The newest published rule set, or null when the tenant has never published one. */
export async function getPublishedRuleSet(tx: Tx) {
  const [row] = await tx
    .select()
    .from(ruleSets)
    .where(isNotNull(ruleSets.version))
    .orderBy(desc(ruleSets.version))
    .limit(1);
  return row ?? null;
}

export async function getRuleSetVersion(tx: Tx, version: number) {
  const [row] = await tx.select().from(ruleSets).where(eq(ruleSets.version, version));
  return row ?? null;
}

export async function listRuleSetVersions(tx: Tx) {
  return tx
    .select({
      version: ruleSets.version,
      createdBy: ruleSets.createdBy,
      publishedAt: ruleSets.publishedAt,
      rules: ruleSets.rules,
    })
    .from(ruleSets)
    .where(isNotNull(ruleSets.version))
    .orderBy(desc(ruleSets.version));
}

export async function getDraftRuleSet(tx: Tx) {
  const [row] = await tx.select().from(ruleSets).where(isNull(ruleSets.version));
  return row ?? null;
}

/** Replaces the tenant's draft (there is at most one). */
export async function saveDraftRuleSet(
  tx: Tx,
  input: { tenantId: string; rules: unknown[]; baseVersion: number; actor: string },
) {
  await tx.delete(ruleSets).where(isNull(ruleSets.version));
  const [row] = await tx
    .insert(ruleSets)
    .values({
      id: newId("rul"),
      tenantId: input.tenantId,
      version: null,
      baseVersion: input.baseVersion,
      rules: input.rules,
      createdBy: input.actor,
    })
    .returning();
  return row!;
}

/** Stores a new published version and drops the draft; the unique index refuses a concurrent publish of the same version. */
export async function insertPublishedRuleSet(
  tx: Tx,
  input: { tenantId: string; version: number; rules: unknown[]; actor: string },
) {
  await tx.delete(ruleSets).where(isNull(ruleSets.version));
  const [row] = await tx
    .insert(ruleSets)
    .values({
      id: newId("rul"),
      tenantId: input.tenantId,
      version: input.version,
      baseVersion: input.version - 1,
      rules: input.rules,
      createdBy: input.actor,
      publishedAt: new Date(),
    })
    .returning();
  return row!;
}

export async function getTenantSettings(tx: Tx) {
  const [row] = await tx.select().from(tenantSettings);
  return row ?? null;
}

export async function saveTenantSettings(
  tx: Tx,
  input: {
    tenantId: string;
    risk?: Record<string, unknown>;
    payment?: Record<string, unknown>;
    company?: CompanyProfile;
    customs?: Record<string, unknown>;
    returns?: Record<string, unknown>;
    notifications?: Record<string, unknown>;
    actor: string;
  },
) {
  const set = {
    ...(input.risk ? { risk: input.risk } : {}),
    ...(input.payment ? { payment: input.payment } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.customs ? { customs: input.customs } : {}),
    ...(input.returns ? { returns: input.returns } : {}),
    ...(input.notifications ? { notifications: input.notifications } : {}),
    updatedBy: input.actor,
    updatedAt: new Date(),
  };
  await tx
    .insert(tenantSettings)
    .values({
      tenantId: input.tenantId,
      risk: input.risk ?? {},
      payment: input.payment ?? {},
      company: input.company ?? {},
      customs: input.customs ?? {},
      returns: input.returns ?? {},
      notifications: input.notifications ?? {},
      updatedBy: input.actor,
    })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set });
}

/**
 * The tenant's other recent orders, for velocity checks: who ordered, where to, when.
 * Bounded, newest first.
 */
export async function recentOrdersForRisk(tx: Tx, input: { excludeOrderId: string; since: Date; limit?: number }) {
  return tx
    .select({
      orderId: orders.id,
      email: customers.email,
      shippingAddress: orders.shippingAddress,
      placedAt: orders.placedAt,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(ne(orders.id, input.excludeOrderId), gte(orders.placedAt, input.since)))
    .orderBy(desc(orders.placedAt))
    .limit(input.limit ?? 1000);
}

/** How many orders this customer placed before this one. */
export async function previousOrderCount(tx: Tx, input: { customerId: string; before: Date; excludeOrderId: string }) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, input.customerId),
        ne(orders.id, input.excludeOrderId),
        lt(orders.placedAt, input.before),
      ),
    );
  return Number(row?.n ?? 0);
}
