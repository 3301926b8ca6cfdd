import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, utc } from "./columns";
import { executorEvents } from "./executor-events";

export const EXECUTOR_RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;
export type ExecutorRunStatus = (typeof EXECUTOR_RUN_STATUSES)[number];

/** One run of one Inngest function for one event, driven by the local executor. */
export const executorRuns = pgTable(
  "executor_runs",
  {
    id: text("id").primaryKey(),
    /** Composite Inngest function id (`<app id>-<function id>`), as the serve handler expects in `fnId`. */
    functionId: text("function_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => executorEvents.id),
    status: text("status", { enum: EXECUTOR_RUN_STATUSES }).notNull().default("running"),
    idempotencyKey: text("idempotency_key"),
    concurrencyKey: text("concurrency_key"),
    concurrencyLimit: integer("concurrency_limit"),
    /** Attempts per request (function retries + 1), sent to the SDK as ctx.max_attempts. */
    maxAttempts: integer("max_attempts").notNull(),
    /** Set once the SDK reported parallel steps: from then on it must plan every step. */
    disableImmediateExecution: boolean("disable_immediate_execution").notNull().default(false),
    /** The execution version the SDK chose on the first call (x-inngest-req-version), kept for the run. */
    requestVersion: integer("request_version"),
    /** Failed attempts so far (function-level and step-level), for operators. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lastError: text("last_error"),
    output: jsonb("output"),
    error: jsonb("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    endedAt: utc("ended_at"),
  },
  (t) => [
    uniqueIndex("executor_runs_idempotency").on(t.functionId, t.idempotencyKey),
    index("executor_runs_status").on(t.status, t.createdAt),
    index("executor_runs_running_fn").on(t.functionId).where(sql`status = 'running'`),
  ],
);
