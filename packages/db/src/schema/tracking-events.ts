import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { shipments } from "./shipments";
import { tenants } from "./tenants";

/** A shipment's carrier events, normalized; the same event from poll and webhook is stored once. */
export const trackingEvents = pgTable(
  "tracking_events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    shipmentId: text("shipment_id")
      .notNull()
      .references(() => shipments.id),
    status: text("status").notNull(),
    carrierCode: text("carrier_code").notNull(),
    description: text("description").notNull(),
    reason: text("reason"),
    occurredAt: utc("occurred_at").notNull(),
    location: jsonb("location").$type<{ city?: string; country?: string; postalCode?: string }>(),
    receivedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tracking_events_dedupe").on(t.shipmentId, t.carrierCode, t.occurredAt),
    index("tracking_events_shipment").on(t.tenantId, t.shipmentId, t.occurredAt),
  ],
);
