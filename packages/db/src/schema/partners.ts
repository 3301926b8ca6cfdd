import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const PARTNER_KINDS = ["supplier", "3pl"] as const;

/** A supplier or 3PL organisation; it serves one or more tenants through partner_links. */
export const partners = pgTable("partners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
  /** Where a 3PL with an API receives its warehouse instructions (signed POSTs); null: portal only. */
  webhookUrl: text("webhook_url"),
  /** The HMAC secret of those POSTs, sealed with the partner id as context. */
  webhookSecretSealed: text("webhook_secret_sealed"),
  createdAt: createdAt(),
});
