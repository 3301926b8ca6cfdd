import {
  type Database,
  getConnection,
  listActiveConnectionsAcrossTenants,
  listConnections,
  markStockPushed,
  markStockPushFailed,
  pendingStockPushes,
  sellableStockBySku,
  setWantedStock,
  updateConnection,
  withTenant,
} from "@crossflow/db";
import { availableToSell } from "@crossflow/domain";
import { PULLED_PAYLOAD_HEADER } from "../channels/adapter-gateway";
import type { ChannelGateway, ConnectionContext, CredentialOpener } from "../channels/gateway";
import type { CrossflowInngest } from "../client";
import { channelSyncRequested, ordersImportRequested, stockChanged } from "../events";
import { ingestChannelDelivery } from "../intake/channel-intake";
import { type OrderFileParser, runStoredImport } from "../intake/order-import";
import type { EventSender } from "../intake/receive-order";

const PUSH_BATCH = 50;

async function loadContext(
  db: Database,
  open: CredentialOpener,
  tenantId: string,
  connectionId: string,
): Promise<(ConnectionContext & { status: string }) | null> {
  const row = await withTenant(db, tenantId, (tx) => getConnection(tx, connectionId));
  if (!row) return null;
  return {
    id: row.id,
    tenantId,
    channel: row.channel,
    status: row.status,
    settings: row.settings,
    secrets: open(tenantId, row.id, row.credentialsSealed),
    cursor: row.cursor,
  };
}

/**
 * Pulls a connection's orders since its cursor (the backstop for missed webhooks, and the
 * demo channel's generator) and takes each through the same intake as a webhook.
 */
export function createSyncConnection(
  inngest: CrossflowInngest,
  db: Database,
  gateway: ChannelGateway,
  open: CredentialOpener,
  events: EventSender,
) {
  return inngest.createFunction(
    {
      id: "sync-channel-connection",
      name: "Sync a channel connection",
      triggers: [channelSyncRequested],
      concurrency: { key: "event.data.connectionId", limit: 1 },
      retries: 3,
    },
    async ({ event, step }) => {
      const { tenantId, connectionId } = event.data;
      return step.run("pull-and-ingest", async () => {
        const connection = await loadContext(db, open, tenantId, connectionId);
        if (!connection) return { skipped: "no such connection" };
        if (connection.status !== "active") return { skipped: "paused" };
        if (!gateway.has(connection.channel)) return { skipped: `no adapter for ${connection.channel}` };
        try {
          const pulled = await gateway.pull(connection, new Date());
          const outcomes: Record<string, number> = {};
          for (const { delivery, body } of pulled.deliveries) {
            const result = await ingestChannelDelivery(
              db,
              events,
              { tenantId, connectionId, channel: connection.channel },
              delivery,
              { body, headers: { [PULLED_PAYLOAD_HEADER]: "pull" } },
            );
            outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
          }
          await withTenant(db, tenantId, (tx) =>
            updateConnection(tx, connectionId, {
              cursor: pulled.cursor ?? connection.cursor,
              lastSyncAt: new Date(),
              ...(outcomes.dead_lettered ? {} : { lastError: null, lastErrorAt: null }),
            }),
          );
          return { pulled: pulled.deliveries.length, outcomes };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await withTenant(db, tenantId, (tx) =>
            updateConnection(tx, connectionId, { lastError: `Sync failed: ${message}`, lastErrorAt: new Date() }),
          );
          throw error;
        }
      });
    },
  );
}

/** Recomputes every connection's available-to-sell per SKU; only changed values become pending. */
export async function recomputeChannelStock(db: Database, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [connections, totals] = await Promise.all([listConnections(tx), sellableStockBySku(tx)]);
    const active = connections.filter((c) => c.status === "active");
    for (const connection of active) {
      await setWantedStock(tx, {
        tenantId,
        connectionId: connection.id,
        levels: totals.map((t) => ({ sku: t.sku, available: availableToSell(t, connection.stockPolicy) })),
      });
    }
    return active.map((c) => c.id);
  });
}

/**
 * Publishes available-to-sell to every connected channel after stock changes: debounced (the
 * event id is per tenant per 5 s, and the run waits for the burst to end), batched per
 * connection, retried with backoff; what each channel was last told is kept per SKU.
 */
export function createPublishChannelStock(
  inngest: CrossflowInngest,
  db: Database,
  gateway: ChannelGateway,
  open: CredentialOpener,
) {
  return inngest.createFunction(
    {
      id: "publish-channel-stock",
      name: "Publish stock to channels",
      triggers: [stockChanged],
      idempotency: "event.data.tenantId + '-' + event.data.window",
      concurrency: { key: "event.data.tenantId", limit: 1 },
      retries: 5,
    },
    async ({ event, step }) => {
      const { tenantId } = event.data;
      await step.sleep("let-the-burst-settle", "5s");
      const connectionIds = await step.run("recompute", () => recomputeChannelStock(db, tenantId));
      const pushed: Record<string, number> = {};
      for (const connectionId of connectionIds) {
        pushed[connectionId] = await step.run(`push-${connectionId}`, async () => {
          const connection = await loadContext(db, open, tenantId, connectionId);
          if (!connection || connection.status !== "active" || !gateway.has(connection.channel)) return 0;
          let count = 0;
          for (;;) {
            const pending = await withTenant(db, tenantId, (tx) => pendingStockPushes(tx, connectionId, PUSH_BATCH));
            if (pending.length === 0) return count;
            const levels = pending.map((p) => ({ sku: p.sku, available: p.wanted }));
            try {
              await gateway.pushStock(connection, levels);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              await withTenant(db, tenantId, async (tx) => {
                await markStockPushFailed(tx, { connectionId, skus: levels.map((l) => l.sku), error: message });
                await updateConnection(tx, connectionId, {
                  lastError: `Stock push failed: ${message}`,
                  lastErrorAt: new Date(),
                });
              });
              throw error;
            }
            await withTenant(db, tenantId, (tx) =>
              markStockPushed(tx, { connectionId, levels: levels.map((l) => ({ sku: l.sku, pushed: l.available })) }),
            );
            count += levels.length;
          }
        });
      }
      return { pushed };
    },
  );
}

/** The events that ask every active connection to sync (the local timer and the Inngest cron both send these). */
export async function dueChannelSyncs(db: Database) {
  const connections = await listActiveConnectionsAcrossTenants(db);
  return connections.map((c) => ({
    name: "channel/sync.requested" as const,
    data: { tenantId: c.tenantId, connectionId: c.connectionId },
  }));
}

/** Production (Inngest): every 5 minutes, ask every active connection to sync. */
export function createScheduleChannelSyncs(inngest: CrossflowInngest, db: Database) {
  return inngest.createFunction(
    { id: "schedule-channel-syncs", name: "Schedule channel syncs", triggers: [{ cron: "*/5 * * * *" }] },
    async ({ step }) => {
      const events = await step.run("list-connections", () => dueChannelSyncs(db));
      if (events.length > 0) await step.sendEvent("request-syncs", events);
      return { requested: events.length };
    },
  );
}

/** Imports an uploaded CSV/XLSX order file in the background, recording progress as it goes. */
export function createImportOrders(
  inngest: CrossflowInngest,
  db: Database,
  parser: OrderFileParser,
  events: EventSender,
) {
  return inngest.createFunction(
    {
      id: "import-order-file",
      name: "Import an order file",
      triggers: [ordersImportRequested],
      idempotency: "event.data.importId",
      concurrency: { key: "event.data.tenantId", limit: 1 },
      retries: 2,
    },
    async ({ event, step }) => step.run("import", () => runStoredImport(db, events, parser, event.data)),
  );
}
