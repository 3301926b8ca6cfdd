import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, utc } from "./columns";
import { tenants } from "./tenants";

export const CONNECTION_STATUSES = ["active", "paused"] as const;

/** Per-channel stock publishing settings: what is held back, and the most a channel may be offered. */
export interface ConnectionStockPolicy {
  safetyBuffer?: number;
  /** Offer at most this share of available-to-sell (1–100). */
  percentage?: number;
  cap?: number;
}

/**
 * A sales channel connected by a tenant. Credentials are sealed (AES-256-GCM with a key from
 * the environment) and never leave the server; `settings` holds only non-secret options.
 */
export const channelConnections = pgTable(
  "channel_connections",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    channel: text("channel").notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: CONNECTION_STATUSES }).notNull().default("active"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    stockPolicy: jsonb("stock_policy").$type<ConnectionStockPolicy>().notNull().default({}),
    credentialsSealed: text("credentials_sealed").notNull(),
    cursor: text("cursor"),
    lastSyncAt: utc("last_sync_at"),
    lastError: text("last_error"),
    lastErrorAt: utc("last_error_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("channel_connections_tenant").on(t.tenantId, t.channel)],
);

export const CHANNEL_EVENT_OUTCOMES = ["accepted", "duplicate", "rejected", "dead_lettered", "ignored"] as const;

/** Every delivery a connection received (webhook or poll), its dedupe key and what became of it. */
export const channelEvents = pgTable(
  "channel_events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    connectionId: text("connection_id")
      .notNull()
      .references(() => channelConnections.id),
    deliveryId: text("delivery_id"),
    topic: text("topic"),
    outcome: text("outcome", { enum: CHANNEL_EVENT_OUTCOMES }).notNull(),
    orderId: text("order_id"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(1),
    receivedAt: createdAt(),
  },
  (t) => [
    index("channel_events_connection").on(t.tenantId, t.connectionId, t.receivedAt),
    uniqueIndex("channel_events_delivery").on(t.connectionId, t.deliveryId),
  ],
);

/** What each connection was last told about each SKU's available-to-sell. */
export const channelStockLevels = pgTable(
  "channel_stock_levels",
  {
    tenantId: tenantId().references(() => tenants.id),
    connectionId: text("connection_id")
      .notNull()
      .references(() => channelConnections.id),
    sku: text("sku").notNull(),
    wanted: integer("wanted").notNull(),
    pushed: integer("pushed"),
    pushedAt: utc("pushed_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.connectionId, t.sku] })],
);
