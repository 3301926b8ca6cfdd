import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/**
 * Events accepted by the local Inngest executor (embedded default only). A system table:
 * no tenant_id and no RLS; the tenant, where there is one, is inside the payload.
 */
export const executorEvents = pgTable(
  "executor_events",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The event exactly as functions receive it: { id, name, data, ts, ... }. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The sender's own event id; a second event with the same id within 24 h triggers nothing. */
    dedupeKey: text("dedupe_key"),
    receivedAt: utc("received_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("executor_events_dedupe_key").on(t.dedupeKey),
    index("executor_events_name").on(t.name, t.receivedAt),
  ],
);
