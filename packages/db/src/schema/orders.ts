import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { type Address, createdAt, tenantId, updatedAt, utc } from "./columns";
import { customers } from "./customers";
import { tenants } from "./tenants";

export interface OrderPayment {
  provider: string;
  reference?: string;
  status: string;
}

/** What a reviewer decided for a held order; the pipeline's steps follow it when they run again. */
export interface OrderReviewDirectives {
  warehouseId?: string;
  carrier?: { carrier: string; service?: string };
  by?: string;
}

export interface OrderHold {
  code: string;
  message: string;
}

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    channel: text("channel").notNull(),
    externalId: text("external_id").notNull(),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    shippingAddress: jsonb("shipping_address").$type<Address>().notNull(),
    billingAddress: jsonb("billing_address").$type<Address>(),
    subtotal: integer("subtotal").notNull(),
    shippingPaid: integer("shipping_paid").notNull().default(0),
    total: integer("total").notNull(),
    payment: jsonb("payment").$type<OrderPayment>().notNull(),
    holds: jsonb("holds").$type<OrderHold[]>().notNull().default([]),
    /** The status an on_hold order returns to when its hold is released. */
    heldFrom: text("held_from"),
    reviewDirectives: jsonb("review_directives").$type<OrderReviewDirectives>().notNull().default({}),
    landedCost: jsonb("landed_cost"),
    placedAt: utc("placed_at").notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_channel_external").on(t.tenantId, t.channel, t.externalId),
    index("orders_tenant_created").on(t.tenantId, t.id),
    index("orders_tenant_status").on(t.tenantId, t.status),
  ],
);
