import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { tenantId } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";

export const orderLines = pgTable(
  "order_lines",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
  },
  (t) => [uniqueIndex("order_lines_order_line").on(t.orderId, t.lineNo)],
);
