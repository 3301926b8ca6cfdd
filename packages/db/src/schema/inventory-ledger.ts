import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { tenants } from "./tenants";

export const LEDGER_KINDS = ["adjustment", "reserve", "release", "ship"] as const;

/** Append-only history of every stock movement (the app role may not update or delete rows). */
export const inventoryLedger = pgTable(
  "inventory_ledger",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    onHandDelta: integer("on_hand_delta").notNull().default(0),
    reservedDelta: integer("reserved_delta").notNull().default(0),
    reason: text("reason").notNull(),
    orderId: text("order_id"),
    actor: text("actor").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("inventory_ledger_sku").on(t.tenantId, t.sku, t.createdAt)],
);
