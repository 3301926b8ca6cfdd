import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt } from "./columns";
import { tenants } from "./tenants";

export const TICKET_KINDS = ["failed_attempt", "exception", "returned_to_sender", "customs_hold_overdue"] as const;
export const TICKET_STATUSES = ["open", "pending", "resolved"] as const;

/** A support ticket the pipeline opened for a person, with the suggested next step. */
export const tickets = pgTable(
  "tickets",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id").notNull(),
    shipmentId: text("shipment_id"),
    kind: text("kind", { enum: TICKET_KINDS }).notNull(),
    status: text("status", { enum: TICKET_STATUSES }).notNull().default("open"),
    subject: text("subject").notNull(),
    suggestedAction: text("suggested_action"),
    reason: text("reason").notNull(),
    assignee: text("assignee"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tickets_status").on(t.tenantId, t.status),
    // One ticket per shipment and kind: a repeated failed attempt updates it, it does not pile up.
    uniqueIndex("tickets_shipment_kind").on(t.tenantId, t.shipmentId, t.kind),
  ],
);
