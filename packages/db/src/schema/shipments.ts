import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";
import { warehouses } from "./warehouses";

export const shipments = pgTable(
  "shipments",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    warehouseId: text("warehouse_id").references(() => warehouses.id),
    carrier: text("carrier").notNull(),
    service: text("service").notNull(),
    trackingNumber: text("tracking_number"),
    status: text("status").notNull(),
    weightGrams: integer("weight_grams"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("shipments_order").on(t.tenantId, t.orderId)],
);
