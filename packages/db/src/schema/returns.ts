import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, utc } from "./columns";
import { tenants } from "./tenants";

export const RETURN_STATUSES = [
  "requested",
  "approved",
  "rejected",
  "in_transit",
  "received",
  "refund_pending_approval",
  "refunded",
  "closed",
] as const;

export interface ReturnLine {
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  reason: string;
  note?: string;
  /** Set at inspection: what came back and in what state. */
  receivedQuantity?: number;
  condition?: "as_new" | "opened" | "damaged" | "missing";
}

/** A shopper's return: RMA, lines and reasons, the return shipment, inspection, the refund and who approved it. */
export const returns = pgTable(
  "returns",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id").notNull(),
    rma: text("rma").notNull(),
    status: text("status", { enum: RETURN_STATUSES }).notNull().default("requested"),
    lines: jsonb("lines").$type<ReturnLine[]>().notNull(),
    currency: text("currency").notNull(),
    /** Who pays the return shipping, per the policy in force when it was requested. */
    shippingPaidBy: text("shipping_paid_by").notNull(),
    warehouseId: text("warehouse_id"),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    /** The computed refund: lines, shipping, restocking fee, total (minor units). */
    refund: jsonb("refund").$type<Record<string, unknown>>(),
    refundAmount: integer("refund_amount"),
    refundReference: text("refund_reference"),
    requestedBy: text("requested_by").notNull(),
    approvedBy: text("approved_by"),
    refundRequestedBy: text("refund_requested_by"),
    refundApprovedBy: text("refund_approved_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    refundedAt: utc("refunded_at"),
  },
  (t) => [uniqueIndex("returns_rma").on(t.tenantId, t.rma), index("returns_order").on(t.tenantId, t.orderId)],
);
