import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tenantId, updatedAt } from "./columns";
import { tenants } from "./tenants";
import { warehouses } from "./warehouses";

/** Stock of one SKU in one warehouse. The CHECKs make overselling impossible at the database. */
export const inventoryLevels = pgTable(
  "inventory_levels",
  {
    tenantId: tenantId().references(() => tenants.id),
    warehouseId: text("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    sku: text("sku").notNull(),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.warehouseId, t.sku] }),
    check("inventory_on_hand_non_negative", sql`${t.onHand} >= 0`),
    check("inventory_reserved_within_on_hand", sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
  ],
);
