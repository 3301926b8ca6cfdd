import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const PARTNER_KINDS = ["supplier", "3pl"] as const;

/** A supplier or 3PL organisation; it serves one or more tenants through partner_links. */
export const partners = pgTable("partners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
  createdAt: createdAt(),
});
