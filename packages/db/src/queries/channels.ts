import { newId } from "@crossflow/domain";
import { and, asc, desc, eq, gte, isNull, ne, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client";
import {
  type CHANNEL_EVENT_OUTCOMES,
  type ConnectionStockPolicy,
  channelConnections,
  channelEvents,
  channelStockLevels,
} from "../schema/channel-connections";
import { deadLetters } from "../schema/dead-letters";
import { inventoryLevels } from "../schema/inventory-levels";
import { withoutTenant } from "../tenancy";
import { rowsOf } from "./tenants";

export type ConnectionRow = typeof channelConnections.$inferSelect;
export type ChannelEventOutcome = (typeof CHANNEL_EVENT_OUTCOMES)[number];

/** The tenant a webhook's connection belongs to, found before any tenant context exists. */
export async function findConnectionTenant(db: Database, connectionId: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, channel from cf_connection_tenant(${connectionId})`);
    const row = rowsOf<{ tenant_id: string; channel: string }>(result)[0];
    return row ? { tenantId: row.tenant_id, channel: row.channel } : null;
  });
}

export async function createConnection(
  tx: Tx,
  input: {
    tenantId: string;
    channel: string;
    name: string;
    settings?: Record<string, unknown>;
    stockPolicy?: ConnectionStockPolicy;
    credentialsSealed: string;
    id?: string;
  },
) {
  const [row] = await tx
    .insert(channelConnections)
    .values({
      id: input.id ?? newId("con"),
      ...input,
      settings: input.settings ?? {},
      stockPolicy: input.stockPolicy ?? {},
    })
    .returning();
  return row!;
}

export async function getConnection(tx: Tx, id: string) {
  const [row] = await tx.select().from(channelConnections).where(eq(channelConnections.id, id));
  return row ?? null;
}

export async function updateConnection(
  tx: Tx,
  id: string,
  patch: Partial<
    Pick<
      ConnectionRow,
      | "name"
      | "status"
      | "settings"
      | "stockPolicy"
      | "credentialsSealed"
      | "cursor"
      | "lastSyncAt"
      | "lastError"
      | "lastErrorAt"
    >
  >,
) {
  const [row] = await tx
    .update(channelConnections)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(channelConnections.id, id))
    .returning();
  return row ?? null;
}

/** Every connection with its health: orders accepted today, dead letters waiting, last event. */
export async function listConnections(tx: Tx, now: Date = new Date()) {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [connections, today, pending] = await Promise.all([
    tx.select().from(channelConnections).orderBy(asc(channelConnections.createdAt)),
    tx
      .select({
        connectionId: channelEvents.connectionId,
        accepted: sql<number>`count(*) filter (where ${channelEvents.outcome} = 'accepted')::int`,
        rejected: sql<number>`count(*) filter (where ${channelEvents.outcome} = 'rejected')::int`,
        lastEventAt: sql<Date | null>`max(${channelEvents.receivedAt})`,
      })
      .from(channelEvents)
      .where(gte(channelEvents.receivedAt, dayStart))
      .groupBy(channelEvents.connectionId),
    tx
      .select({ connectionId: deadLetters.connectionId, count: sql<number>`count(*)::int` })
      .from(deadLetters)
      .where(eq(deadLetters.status, "pending"))
      .groupBy(deadLetters.connectionId),
  ]);
  return connections.map((c) => {
    const t = today.find((x) => x.connectionId === c.id);
    return {
      ...c,
      ordersToday: t?.accepted ?? 0,
      rejectedToday: t?.rejected ?? 0,
      lastEventAt: t?.lastEventAt ? new Date(t.lastEventAt) : null,
      deadLetters: pending.find((p) => p.connectionId === c.id)?.count ?? 0,
    };
  });
}

/**
 * Notes one delivery. With a delivery id (the channel's event id), a second delivery of the
 * same id is recognised: it returns `duplicate: true` and bumps the attempt count.
 */
export async function recordChannelEvent(
  tx: Tx,
  input: {
    tenantId: string;
    connectionId: string;
    deliveryId?: string | null;
    topic?: string | null;
    outcome: ChannelEventOutcome;
    orderId?: string | null;
    error?: string | null;
  },
): Promise<{ id: string; duplicate: boolean }> {
  const id = newId("che");
  const inserted = await tx
    .insert(channelEvents)
    .values({ id, ...input, deliveryId: input.deliveryId ?? null })
    .onConflictDoNothing({ target: [channelEvents.connectionId, channelEvents.deliveryId] })
    .returning({ id: channelEvents.id });
  if (inserted.length > 0) return { id, duplicate: false };
  const [existing] = await tx
    .update(channelEvents)
    .set({ attempts: sql`${channelEvents.attempts} + 1` })
    .where(and(eq(channelEvents.connectionId, input.connectionId), eq(channelEvents.deliveryId, input.deliveryId!)))
    .returning({ id: channelEvents.id });
  return { id: existing!.id, duplicate: true };
}

/** Whether a delivery id was already fully processed (accepted, ignored or dead-lettered). */
export async function findChannelDelivery(tx: Tx, connectionId: string, deliveryId: string) {
  const [row] = await tx
    .select()
    .from(channelEvents)
    .where(and(eq(channelEvents.connectionId, connectionId), eq(channelEvents.deliveryId, deliveryId)));
  return row ?? null;
}

export async function listChannelEvents(tx: Tx, connectionId: string, limit = 50) {
  return tx
    .select()
    .from(channelEvents)
    .where(eq(channelEvents.connectionId, connectionId))
    .orderBy(desc(channelEvents.receivedAt))
    .limit(limit);
}

export type DeadLetterRow = typeof deadLetters.$inferSelect;

export async function recordDeadLetter(
  tx: Tx,
  input: {
    tenantId: string;
    source: string;
    connectionId?: string | null;
    payload: string;
    headers?: Record<string, string>;
    error: string;
    details?: unknown[];
  },
) {
  const [row] = await tx
    .insert(deadLetters)
    .values({
      id: newId("dlq"),
      ...input,
      connectionId: input.connectionId ?? null,
      headers: input.headers ?? {},
      details: input.details ?? [],
    })
    .returning();
  return row!;
}

export async function listDeadLetters(tx: Tx, filter: { status?: DeadLetterRow["status"]; limit?: number } = {}) {
  return tx
    .select()
    .from(deadLetters)
    .where(filter.status ? eq(deadLetters.status, filter.status) : undefined)
    .orderBy(desc(deadLetters.createdAt))
    .limit(filter.limit ?? 100);
}

export async function getDeadLetter(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(deadLetters).where(eq(deadLetters.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function markDeadLetter(
  tx: Tx,
  id: string,
  outcome: { status: "replayed" } | { status: "failed" | "pending"; error: string; details?: unknown[] },
) {
  const [row] = await tx
    .update(deadLetters)
    .set(
      outcome.status === "replayed"
        ? { status: "replayed", replayedAt: new Date(), attempts: sql`${deadLetters.attempts} + 1` }
        : {
            status: outcome.status,
            error: outcome.error,
            details: outcome.details ?? [],
            attempts: sql`${deadLetters.attempts} + 1`,
          },
    )
    .where(eq(deadLetters.id, id))
    .returning();
  return row ?? null;
}

/** Records what a connection should be told about each SKU; only changed values become pending. */
export async function setWantedStock(
  tx: Tx,
  input: { tenantId: string; connectionId: string; levels: Array<{ sku: string; available: number }> },
) {
  for (const level of input.levels) {
    await tx
      .insert(channelStockLevels)
      .values({ tenantId: input.tenantId, connectionId: input.connectionId, sku: level.sku, wanted: level.available })
      .onConflictDoUpdate({
        target: [channelStockLevels.tenantId, channelStockLevels.connectionId, channelStockLevels.sku],
        set: { wanted: level.available, updatedAt: new Date() },
        setWhere: ne(channelStockLevels.wanted, level.available),
      });
  }
}

/** SKUs whose last pushed value differs from what the connection should be told. */
export async function pendingStockPushes(tx: Tx, connectionId: string, limit = 500) {
  return tx
    .select()
    .from(channelStockLevels)
    .where(
      and(
        eq(channelStockLevels.connectionId, connectionId),
        or(isNull(channelStockLevels.pushed), ne(channelStockLevels.pushed, channelStockLevels.wanted)),
      ),
    )
    .orderBy(asc(channelStockLevels.sku))
    .limit(limit);
}

export async function markStockPushed(
  tx: Tx,
  input: { connectionId: string; levels: Array<{ sku: string; pushed: number }>; at?: Date },
) {
  for (const level of input.levels) {
    await tx
      .update(channelStockLevels)
      .set({ pushed: level.pushed, pushedAt: input.at ?? new Date(), attempts: 0, lastError: null })
      .where(and(eq(channelStockLevels.connectionId, input.connectionId), eq(channelStockLevels.sku, level.sku)));
  }
}

export async function markStockPushFailed(tx: Tx, input: { connectionId: string; skus: string[]; error: string }) {
  for (const sku of input.skus) {
    await tx
      .update(channelStockLevels)
      .set({ attempts: sql`${channelStockLevels.attempts} + 1`, lastError: input.error.slice(0, 500) })
      .where(and(eq(channelStockLevels.connectionId, input.connectionId), eq(channelStockLevels.sku, sku)));
  }
}

export async function listStockLevels(tx: Tx, connectionId: string) {
  return tx
    .select()
    .from(channelStockLevels)
    .where(eq(channelStockLevels.connectionId, connectionId))
    .orderBy(asc(channelStockLevels.sku));
}

/** Active connections of every tenant, for the sync scheduler (ids only). */
export async function listActiveConnectionsAcrossTenants(db: Database) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(sql`select tenant_id, connection_id, channel from cf_active_connections()`);
    return rowsOf<{ tenant_id: string; connection_id: string; channel: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      connectionId: r.connection_id,
      channel: r.channel,
    }));
  });
}

/** Stock per SKU summed over the tenant's warehouses (what channels can be offered). */
export async function sellableStockBySku(tx: Tx) {
  return tx
    .select({
      sku: inventoryLevels.sku,
      onHand: sql<number>`sum(${inventoryLevels.onHand})::int`,
      reserved: sql<number>`sum(${inventoryLevels.reserved})::int`,
    })
    .from(inventoryLevels)
    .groupBy(inventoryLevels.sku)
    .orderBy(asc(inventoryLevels.sku));
}

/** Dead letters waiting for replay in every tenant (or the one with this id), for the CLI. */
export async function listDeadLettersAcrossTenants(db: Database, onlyId?: string) {
  return withoutTenant(db, async (tx) => {
    const result = await tx.execute(
      sql`select tenant_id, dead_letter_id from cf_pending_dead_letters(${onlyId ?? null})`,
    );
    return rowsOf<{ tenant_id: string; dead_letter_id: string }>(result).map((r) => ({
      tenantId: r.tenant_id,
      deadLetterId: r.dead_letter_id,
    }));
  });
}

/** The connection an order came through (its first accepted delivery), if any. */
export async function findOrderConnectionId(tx: Tx, orderId: string): Promise<string | null> {
  const [row] = await tx
    .select({ connectionId: channelEvents.connectionId })
    .from(channelEvents)
    .where(and(eq(channelEvents.orderId, orderId), eq(channelEvents.outcome, "accepted")))
    .orderBy(asc(channelEvents.receivedAt))
    .limit(1);
  return row?.connectionId ?? null;
}
