import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { partners } from "./partners";
import { tenants } from "./tenants";

/** A tenant's grant to a partner: the partner may see orders of the tenant's warehouses it runs. */
export const partnerLinks = pgTable(
  "partner_links",
  {
    tenantId: tenantId().references(() => tenants.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.partnerId] })],
);
