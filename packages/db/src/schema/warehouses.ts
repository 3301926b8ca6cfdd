import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { type Address, createdAt, tenantId } from "./columns";
import { partners } from "./partners";
import { tenants } from "./tenants";

export const WAREHOUSE_KINDS = ["own", "3pl", "supplier"] as const;

export const warehouses = pgTable(
  "warehouses",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: WAREHOUSE_KINDS }).notNull(),
    /** The 3PL or supplier that operates it, if any. */
    partnerId: text("partner_id").references(() => partners.id),
    country: text("country").notNull(),
    address: jsonb("address").$type<Address>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("warehouses_tenant_code").on(t.tenantId, t.code)],
);
