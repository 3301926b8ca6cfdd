import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { tenants } from "./tenants";

export const customers = pgTable(
  "customers",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("customers_tenant_email").on(t.tenantId, t.email)],
);
