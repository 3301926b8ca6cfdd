import { bigint, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { executorRuns } from "./executor-runs";

/** A memoized step result, sent back to the SDK in `steps` ({ type: "data" | "error", ... }). */
export const executorSteps = pgTable(
  "executor_steps",
  {
    runId: text("run_id")
      .notNull()
      .references(() => executorRuns.id, { onDelete: "cascade" }),
    /** The SDK's hashed step id. */
    stepId: text("step_id").notNull(),
    /** Completion order: the SDK's ctx.stack. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    op: text("op").notNull(),
    displayName: text("display_name"),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);
