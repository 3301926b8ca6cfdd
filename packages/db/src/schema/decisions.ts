import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { orders } from "./orders";
import { tenants } from "./tenants";

/** What was decided for an order, by which rule (and version), on which facts. */
export const decisions = pgTable(
  "decisions",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    kind: text("kind").notNull(),
    outcome: jsonb("outcome").$type<Record<string, unknown>>().notNull(),
    reason: text("reason").notNull(),
    ruleId: text("rule_id"),
    ruleVersion: integer("rule_version"),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
    alternatives: jsonb("alternatives").$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("decisions_order").on(t.tenantId, t.orderId)],
);
