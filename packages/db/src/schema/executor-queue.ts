import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { executorRuns } from "./executor-runs";

/**
 * discover: call the function with no step requested; step: call it for one planned step;
 * sleep: a durable timer; wait: a step.waitForEvent, due at its timeout.
 */
export const EXECUTOR_QUEUE_KINDS = ["discover", "step", "sleep", "wait"] as const;
export type ExecutorQueueKind = (typeof EXECUTOR_QUEUE_KINDS)[number];

/** Work the local executor's workers claim (FOR UPDATE SKIP LOCKED, then a lease). */
export const executorQueue = pgTable(
  "executor_queue",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: text("run_id")
      .notNull()
      .references(() => executorRuns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EXECUTOR_QUEUE_KINDS }).notNull(),
    /** Hashed step id; '' for discover. */
    stepId: text("step_id").notNull().default(""),
    displayName: text("display_name"),
    attempt: integer("attempt").notNull().default(0),
    runAt: utc("run_at").notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockToken: text("lock_token"),
    lockedUntil: utc("locked_until"),
    /** How many times a worker claimed it; more than the attempts means workers died holding it. */
    claims: integer("claims").notNull().default(0),
    waitEvent: text("wait_event"),
    waitIf: text("wait_if"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("executor_queue_pending").on(t.runId, t.kind, t.stepId).where(sql`locked_by is null`),
    index("executor_queue_due").on(t.runAt),
    index("executor_queue_run").on(t.runId),
    index("executor_queue_wait_event").on(t.waitEvent).where(sql`kind = 'wait'`),
  ],
);
