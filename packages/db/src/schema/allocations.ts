import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";
import { warehouses } from "./warehouses";

/** Stock reserved for an order in one warehouse; released_at is set when the reservation is given back. */
export const allocations = pgTable(
  "allocations",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    warehouseId: text("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    createdAt: createdAt(),
    releasedAt: utc("released_at"),
  },
  (t) => [index("allocations_order").on(t.tenantId, t.orderId)],
);
