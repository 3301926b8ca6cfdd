import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";

/** The order's timeline: one row per status change or notable step. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    status: text("status").notNull(),
    message: text("message").notNull(),
    actor: text("actor").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: createdAt(),
  },
  (t) => [index("order_events_order").on(t.tenantId, t.orderId, t.id)],
);
