import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, utc } from "./columns";
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
    /** The carrier's own id for the shipment (to cancel it). */
    carrierShipmentId: text("carrier_shipment_id"),
    /** Normalized tracking status (info_received … delivered), from the latest event. */
    trackingStatus: text("tracking_status"),
    estimatedDelivery: text("estimated_delivery"),
    labelCreatedAt: utc("label_created_at"),
    deliveredAt: utc("delivered_at"),
    /** When tracking is next asked for (polling backstop), and how often it found nothing new. */
    nextPollAt: utc("next_poll_at"),
    quietPolls: integer("quiet_polls").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shipments_order").on(t.tenantId, t.orderId),
    index("shipments_tracking").on(t.carrier, t.trackingNumber),
  ],
);
