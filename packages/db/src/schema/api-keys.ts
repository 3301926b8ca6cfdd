import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";

export const apiKeys = pgTable("api_keys", {
  id: text("id").primaryKey(),
  tenantId: tenantId().references(() => tenants.id),
  name: text("name").notNull(),
  /** The first characters of the key, shown in the console so people can tell keys apart. */
  prefix: text("prefix").notNull(),
  /** SHA-256 of the whole key, hex. The key itself is shown once and never stored. */
  hash: text("hash").notNull().unique(),
  scopes: text("scopes").array().notNull().default([]),
  createdAt: createdAt(),
  lastUsedAt: utc("last_used_at"),
  revokedAt: utc("revoked_at"),
});
