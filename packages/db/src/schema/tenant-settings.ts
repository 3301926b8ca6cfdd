import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { tenantId, updatedAt } from "./columns";
import { tenants } from "./tenants";

/** Per-tenant automation settings (risk screening config, payment policy), validated by the domain's schemas. */
export const tenantSettings = pgTable("tenant_settings", {
  tenantId: tenantId()
    .primaryKey()
    .references(() => tenants.id),
  risk: jsonb("risk").$type<Record<string, unknown>>().notNull().default({}),
  payment: jsonb("payment").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});
