import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";

/**
 * A tenant's rules, versioned: each publish adds a row with the next version and keeps the
 * old ones, so every decision can name the version that made it. At most one draft.
 */
export const ruleSets = pgTable(
  "rule_sets",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    /** null for the draft */
    version: integer("version"),
    /** The published version the draft was edited from (stale-draft check). */
    baseVersion: integer("base_version"),
    rules: jsonb("rules").$type<unknown[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    publishedAt: utc("published_at"),
  },
  (t) => [uniqueIndex("rule_sets_tenant_version").on(t.tenantId, t.version)],
);
