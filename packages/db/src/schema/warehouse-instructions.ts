import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";
import { warehouses } from "./warehouses";

export const INSTRUCTION_KINDS = ["pick_pack_label", "expected_return"] as const;
export const INSTRUCTION_STATUSES = ["open", "done", "cancelled"] as const;

/** Work for a warehouse: pick, pack and label a shipment, or expect a return. Partners see their warehouses' rows. */
export const warehouseInstructions = pgTable(
  "warehouse_instructions",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    warehouseId: text("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    orderId: text("order_id").notNull(),
    shipmentId: text("shipment_id"),
    kind: text("kind", { enum: INSTRUCTION_KINDS }).notNull(),
    status: text("status", { enum: INSTRUCTION_STATUSES }).notNull().default("open"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    doneAt: utc("done_at"),
    doneBy: text("done_by"),
  },
  (t) => [index("warehouse_instructions_open").on(t.tenantId, t.warehouseId, t.status)],
);
