import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";

export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id").references(() => orders.id),
    shipmentId: text("shipment_id"),
    kind: text("kind").notNull(),
    contentType: text("content_type").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("documents_order").on(t.tenantId, t.orderId)],
);
