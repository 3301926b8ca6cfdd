import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantId, utc } from "./columns";
import { tenants } from "./tenants";

export const DEAD_LETTER_STATUSES = ["pending", "replayed", "failed"] as const;

/** A payload that was authentic but could not be processed, kept verbatim for replay. */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    tenantId: tenantId().references(() => tenants.id),
    source: text("source").notNull(),
    /** The channel connection it came through, when it came through one. */
    connectionId: text("connection_id"),
    payload: text("payload").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    error: text("error").notNull(),
    details: jsonb("details").$type<unknown[]>().notNull().default([]),
    status: text("status", { enum: DEAD_LETTER_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(1),
    createdAt: createdAt(),
    replayedAt: utc("replayed_at"),
  },
  (t) => [index("dead_letters_status").on(t.tenantId, t.status)],
);
