import { randomUUID } from "node:crypto";
import {
  type Database,
  type ExecutorQueueKind,
  type ExecutorRunStatus,
  executorEvents,
  executorQueue,
  executorRuns,
  executorSteps,
  type Tx,
  withoutTenant,
} from "@crossflow/db";
import { newId } from "@crossflow/domain";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { LocalEventInput } from "../local-events";
import { evaluateCondition, evaluateKey } from "./expression";
import type { FunctionConfig, SerializedError, StepResult } from "./protocol";
import { parseTimeString } from "./time";

const DAY_MS = 86_400_000;
const CALL_KINDS: ExecutorQueueKind[] = ["discover", "step"];

export type RunRow = typeof executorRuns.$inferSelect;

export interface ClaimedItem {
  id: number;
  runId: string;
  kind: ExecutorQueueKind;
  stepId: string;
  displayName: string | null;
  attempt: number;
  claims: number;
  lockToken: string;
}

/**
 * Claims up to `limit` due items: FOR UPDATE SKIP LOCKED so concurrent workers never pick the
 * same row, then a lease (locked_until) that a dead worker's items fall out of. Items of runs
 * with a concurrency limit are admitted under a per-key advisory lock, counting the calls
 * already in flight for that key.
 *
 * `inFlight` lists the items the claiming worker is still processing: a live worker never
 * claims its own work again, even when a late heartbeat let the lease run out (only another
 * worker may take it over then, and only because this one looked dead).
 */
export function claimDueItems(
  db: Database,
  input: { workerId: string; limit: number; leaseMs: number; now: Date; inFlight?: Iterable<number> },
): Promise<ClaimedItem[]> {
  const { workerId, limit, leaseMs, now } = input;
  const inFlightIds = [...(input.inFlight ?? [])];
  return withoutTenant(db, async (tx) => {
    const candidates = await tx
      .select({
        id: executorQueue.id,
        runId: executorQueue.runId,
        kind: executorQueue.kind,
        stepId: executorQueue.stepId,
        displayName: executorQueue.displayName,
        attempt: executorQueue.attempt,
        claims: executorQueue.claims,
        concurrencyKey: executorRuns.concurrencyKey,
        concurrencyLimit: executorRuns.concurrencyLimit,
      })
      .from(executorQueue)
      .innerJoin(executorRuns, eq(executorRuns.id, executorQueue.runId))
      .where(
        and(
          lte(executorQueue.runAt, now),
          or(isNull(executorQueue.lockedUntil), lt(executorQueue.lockedUntil, now)),
          inFlightIds.length > 0 ? notInArray(executorQueue.id, inFlightIds) : undefined,
        ),
      )
      .orderBy(asc(executorQueue.runAt), asc(executorQueue.id))
      .limit(Math.max(limit * 4, 16))
      .for("update", { of: executorQueue, skipLocked: true });
    if (candidates.length === 0) return [];

    const isLimited = (c: (typeof candidates)[number]) =>
      c.concurrencyKey !== null && c.concurrencyLimit !== null && CALL_KINDS.includes(c.kind);
    const keys = [...new Set(candidates.filter(isLimited).map((c) => c.concurrencyKey as string))].sort();
    const inFlight = new Map<string, number>();
    if (keys.length > 0) {
      for (const key of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cf-executor:${key}`}))`);
      const rows = await tx
        .select({ key: executorRuns.concurrencyKey, count: sql<number>`count(*)::int` })
        .from(executorQueue)
        .innerJoin(executorRuns, eq(executorRuns.id, executorQueue.runId))
        .where(
          and(
            inArray(executorRuns.concurrencyKey, keys),
            inArray(executorQueue.kind, CALL_KINDS),
            gt(executorQueue.lockedUntil, now),
          ),
        )
        .groupBy(executorRuns.concurrencyKey);
      for (const row of rows) if (row.key) inFlight.set(row.key, Number(row.count));
    }

    const admitted: typeof candidates = [];
    for (const candidate of candidates) {
      if (admitted.length >= limit) break;
      if (isLimited(candidate)) {
        const key = candidate.concurrencyKey as string;
        const running = inFlight.get(key) ?? 0;
        if (running >= (candidate.concurrencyLimit as number)) continue;
        inFlight.set(key, running + 1);
      }
      admitted.push(candidate);
    }
    if (admitted.length === 0) return [];

    const lockToken = randomUUID();
    // The lease starts now that the rows are locked, not when the claim began (it may have
    // waited for row or advisory locks on a busy database).
    const leaseStart = Math.max(now.getTime(), Date.now());
    await tx
      .update(executorQueue)
      .set({
        lockedBy: workerId,
        lockToken,
        lockedUntil: new Date(leaseStart + leaseMs),
        claims: sql`${executorQueue.claims} + 1`,
      })
      .where(
        inArray(
          executorQueue.id,
          admitted.map((c) => c.id),
        ),
      );
    return admitted.map((c) => ({
      id: c.id,
      runId: c.runId,
      kind: c.kind,
      stepId: c.stepId,
      displayName: c.displayName,
      attempt: c.attempt,
      claims: c.claims + 1,
      lockToken,
    }));
  });
}

/**
 * Extends a claimed item's lease while this worker's claim (its lock token) is still the item's
 * (even if the lease ran out meanwhile: nobody took it over). "lost": another worker claimed the
 * item since; "gone": the item no longer exists (it was finished, or its run ended).
 */
export async function extendLease(db: Database, item: ClaimedItem, until: Date): Promise<"held" | "lost" | "gone"> {
  return withoutTenant(db, async (tx) => {
    const rows = await tx
      .update(executorQueue)
      .set({ lockedUntil: until })
      .where(and(eq(executorQueue.id, item.id), eq(executorQueue.lockToken, item.lockToken)))
      .returning({ id: executorQueue.id });
    if (rows.length > 0) return "held";
    const [row] = await tx.select({ id: executorQueue.id }).from(executorQueue).where(eq(executorQueue.id, item.id));
    return row ? "lost" : "gone";
  });
}

/** When the next item becomes claimable (due, or its lease runs out), and how many items exist. */
export async function queueState(db: Database): Promise<{ total: number; nextAt: Date | null }> {
  const [row] = await withoutTenant(db, (tx) =>
    tx
      .select({
        total: sql<number>`count(*)::int`,
        nextAt: sql<
          string | null
        >`min(greatest(${executorQueue.runAt}, coalesce(${executorQueue.lockedUntil}, ${executorQueue.runAt})))`,
      })
      .from(executorQueue),
  );
  return { total: Number(row?.total ?? 0), nextAt: row?.nextAt ? new Date(row.nextAt) : null };
}

export interface RunForCall {
  run: RunRow;
  event: Record<string, unknown>;
  steps: Array<{ stepId: string; result: StepResult }>;
}

export function loadRunForCall(db: Database, runId: string): Promise<RunForCall | undefined> {
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select({ run: executorRuns, event: executorEvents.payload })
      .from(executorRuns)
      .innerJoin(executorEvents, eq(executorEvents.id, executorRuns.eventId))
      .where(eq(executorRuns.id, runId));
    if (!row) return undefined;
    const steps = await tx
      .select({ stepId: executorSteps.stepId, result: executorSteps.result })
      .from(executorSteps)
      .where(eq(executorSteps.runId, runId))
      .orderBy(asc(executorSteps.seq));
    return { run: row.run, event: row.event, steps: steps as RunForCall["steps"] };
  });
}

export type FinishResult<T> = { status: "lease-lost" } | { status: "run-ended" } | { status: "applied"; value: T };

/**
 * Completes a claimed item in one transaction: locks the run (every writer of a run's state
 * locks the run row first, so they serialize without deadlocks), deletes the item only if
 * this worker still holds its lease, then lets `apply` record the outcome.
 */
export function finishItem<T>(
  db: Database,
  item: ClaimedItem,
  apply: (tx: Tx, run: RunRow) => Promise<T>,
): Promise<FinishResult<T>> {
  return withoutTenant(db, async (tx) => {
    const run = await lockRun(tx, item.runId);
    if (run?.status !== "running") {
      await tx.delete(executorQueue).where(eq(executorQueue.id, item.id));
      return { status: "run-ended" } as const;
    }
    const deleted = await tx
      .delete(executorQueue)
      .where(and(eq(executorQueue.id, item.id), eq(executorQueue.lockToken, item.lockToken)))
      .returning({ id: executorQueue.id });
    if (deleted.length === 0) return { status: "lease-lost" } as const;
    return { status: "applied", value: await apply(tx, run) } as const;
  });
}

export async function lockRun(tx: Tx, runId: string): Promise<RunRow | undefined> {
  const [run] = await tx.select().from(executorRuns).where(eq(executorRuns.id, runId)).for("no key update");
  return run;
}

export async function memoizeStep(
  tx: Tx,
  input: { runId: string; stepId: string; op: string; result: StepResult; displayName?: string | null },
): Promise<boolean> {
  const rows = await tx
    .insert(executorSteps)
    .values({
      runId: input.runId,
      stepId: input.stepId,
      op: input.op,
      result: input.result as Record<string, unknown>,
      displayName: input.displayName ?? null,
    })
    .onConflictDoNothing()
    .returning({ stepId: executorSteps.stepId });
  return rows.length > 0;
}

export interface EnqueueInput {
  runId: string;
  kind: ExecutorQueueKind;
  stepId?: string;
  displayName?: string | null;
  attempt?: number;
  runAt: Date;
  waitEvent?: string;
  waitIf?: string | null;
}

/**
 * Adds work for a run (callers hold the run lock). A step, sleep or wait is added only if the
 * step is neither memoized nor already queued or in flight, so a step re-planned by a later
 * discovery never runs twice; a discover is added unless one is already waiting to be claimed,
 * or, with `replace`, replaces that one (a retry with its attempt number and backoff).
 */
export async function enqueue(tx: Tx, input: EnqueueInput, options: { replace?: boolean } = {}): Promise<boolean> {
  const stepId = input.stepId ?? "";
  if (input.kind !== "discover") {
    const [queued] = await tx
      .select({ id: executorQueue.id })
      .from(executorQueue)
      .where(
        and(eq(executorQueue.runId, input.runId), eq(executorQueue.kind, input.kind), eq(executorQueue.stepId, stepId)),
      )
      .limit(1);
    if (queued) return false;
    const [memoized] = await tx
      .select({ stepId: executorSteps.stepId })
      .from(executorSteps)
      .where(and(eq(executorSteps.runId, input.runId), eq(executorSteps.stepId, stepId)))
      .limit(1);
    if (memoized) return false;
  } else if (options.replace) {
    await tx
      .delete(executorQueue)
      .where(
        and(eq(executorQueue.runId, input.runId), eq(executorQueue.kind, "discover"), isNull(executorQueue.lockedBy)),
      );
  }
  const rows = await tx
    .insert(executorQueue)
    .values({
      runId: input.runId,
      kind: input.kind,
      stepId,
      displayName: input.displayName ?? null,
      attempt: input.attempt ?? 0,
      runAt: input.runAt,
      waitEvent: input.waitEvent ?? null,
      waitIf: input.waitIf ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: executorQueue.id });
  return rows.length > 0;
}

export async function updateRun(tx: Tx, runId: string, patch: Partial<typeof executorRuns.$inferInsert>, now: Date) {
  await tx
    .update(executorRuns)
    .set({ ...patch, updatedAt: now })
    .where(eq(executorRuns.id, runId));
}

export async function noteFailedAttempt(tx: Tx, runId: string, error: SerializedError, now: Date) {
  await tx
    .update(executorRuns)
    .set({
      failedAttempts: sql`${executorRuns.failedAttempts} + 1`,
      lastError: `${error.name}: ${error.message}`,
      updatedAt: now,
    })
    .where(eq(executorRuns.id, runId));
}

/** Ends a run (its remaining queue items go with it). */
export async function endRun(
  tx: Tx,
  runId: string,
  end: { status: Exclude<ExecutorRunStatus, "running">; output?: unknown; error?: SerializedError },
  now: Date,
) {
  await tx
    .update(executorRuns)
    .set({
      status: end.status,
      output: end.output === undefined ? null : end.output,
      error: end.error ?? null,
      ...(end.error ? { lastError: `${end.error.name}: ${end.error.message}` } : {}),
      endedAt: now,
      updatedAt: now,
    })
    .where(and(eq(executorRuns.id, runId), eq(executorRuns.status, "running")));
  await tx.delete(executorQueue).where(eq(executorQueue.runId, runId));
}

function matchesEventName(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

function concurrencyOf(config: FunctionConfig, event: Record<string, unknown>) {
  const raw = config.concurrency;
  const first = typeof raw === "number" ? { limit: raw } : Array.isArray(raw) ? raw[0] : raw;
  if (!first || !(first.limit > 0)) return { concurrencyKey: null, concurrencyLimit: null };
  const key = first.key ? evaluateKey(first.key, { event }) : "";
  const scope = first.scope ?? "fn";
  return {
    concurrencyKey: scope === "fn" || !key ? `${config.id}:${key}` : `${scope}:${key}`,
    concurrencyLimit: first.limit,
  };
}

/** Attempts per request: the function's retries (Inngest's default 3) plus the first try. */
export function maxAttemptsOf(config: FunctionConfig): number {
  const retries = config.steps.step?.retries?.attempts;
  return (typeof retries === "number" && retries >= 0 ? retries : 3) + 1;
}

/**
 * Stores events and, in the same transaction, does what Inngest does on receipt: cancels runs
 * whose `cancelOn` matches, resumes `step.waitForEvent`s that match, and starts a run of every
 * function whose trigger matches (one per function; `idempotency` keys and the sender's event id
 * deduplicate for 24 h, as in Inngest).
 */
export async function ingestEvents(
  tx: Tx,
  inputs: LocalEventInput[],
  configs: FunctionConfig[],
  context: { now: Date; seed?: string },
): Promise<{ ids: string[]; runIds: string[] }> {
  const { now } = context;
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const ids: string[] = [];
  const runIds: string[] = [];
  for (const [index, input] of inputs.entries()) {
    if (!input || typeof input.name !== "string" || !input.name) throw new Error("Every event needs a name");
    const { name, data, id: senderId, ts, ...rest } = input;
    const id = newId("evt", now.getTime());
    const dedupeKey = senderId ? `id:${senderId}` : context.seed ? `seed:${context.seed}:${index}` : null;
    if (dedupeKey) {
      await tx
        .update(executorEvents)
        .set({ dedupeKey: null })
        .where(and(eq(executorEvents.dedupeKey, dedupeKey), lt(executorEvents.receivedAt, dayAgo)));
    }
    const payload: Record<string, unknown> = {
      ...rest,
      name,
      data: data ?? {},
      id: senderId ?? id,
      ts: typeof ts === "number" ? ts : now.getTime(),
    };
    const inserted = await tx
      .insert(executorEvents)
      .values({ id, name, payload, dedupeKey, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: executorEvents.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ id: executorEvents.id })
        .from(executorEvents)
        .where(eq(executorEvents.dedupeKey, dedupeKey as string));
      ids.push(existing?.id ?? id);
      continue;
    }
    ids.push(id);
    await cancelMatchingRuns(tx, payload, configs, now);
    await resumeMatchingWaits(tx, payload, now);
    runIds.push(...(await startRuns(tx, id, payload, configs, now)));
  }
  return { ids, runIds };
}

async function startRuns(
  tx: Tx,
  eventId: string,
  event: Record<string, unknown>,
  configs: FunctionConfig[],
  now: Date,
): Promise<string[]> {
  const name = event.name as string;
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const started: string[] = [];
  for (const config of configs) {
    const triggers = config.triggers.filter((t) => t.event && matchesEventName(t.event, name));
    if (triggers.length === 0) continue;
    if (!triggers.some((t) => !t.expression || evaluateCondition(t.expression, { event }))) continue;
    const idempotencyKey = config.idempotency ? evaluateKey(config.idempotency, { event }) : null;
    if (idempotencyKey) {
      await tx
        .update(executorRuns)
        .set({ idempotencyKey: null })
        .where(
          and(
            eq(executorRuns.functionId, config.id),
            eq(executorRuns.idempotencyKey, idempotencyKey),
            lt(executorRuns.createdAt, dayAgo),
          ),
        );
    }
    const runId = newId("run", now.getTime());
    const inserted = await tx
      .insert(executorRuns)
      .values({
        id: runId,
        functionId: config.id,
        eventId,
        idempotencyKey,
        maxAttempts: maxAttemptsOf(config),
        ...concurrencyOf(config, event),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: executorRuns.id });
    if (inserted.length === 0) continue;
    await enqueue(tx, { runId, kind: "discover", runAt: now });
    started.push(runId);
  }
  return started;
}

async function resumeMatchingWaits(tx: Tx, event: Record<string, unknown>, now: Date) {
  const waits = await tx
    .select({
      id: executorQueue.id,
      runId: executorQueue.runId,
      stepId: executorQueue.stepId,
      displayName: executorQueue.displayName,
      waitIf: executorQueue.waitIf,
      runEvent: executorEvents.payload,
    })
    .from(executorQueue)
    .innerJoin(executorRuns, eq(executorRuns.id, executorQueue.runId))
    .innerJoin(executorEvents, eq(executorEvents.id, executorRuns.eventId))
    .where(
      and(
        eq(executorQueue.kind, "wait"),
        eq(executorQueue.waitEvent, event.name as string),
        gt(executorQueue.runAt, now),
        isNull(executorQueue.lockedBy),
        eq(executorRuns.status, "running"),
      ),
    )
    .orderBy(asc(executorQueue.id));
  for (const wait of waits) {
    let matches = true;
    if (wait.waitIf) {
      try {
        matches = evaluateCondition(wait.waitIf, { event: wait.runEvent, async: event });
      } catch {
        matches = false;
      }
    }
    if (!matches) continue;
    const run = await lockRun(tx, wait.runId);
    if (run?.status !== "running") continue;
    const deleted = await tx
      .delete(executorQueue)
      .where(and(eq(executorQueue.id, wait.id), isNull(executorQueue.lockedBy)))
      .returning({ id: executorQueue.id });
    if (deleted.length === 0) continue;
    await memoizeStep(tx, {
      runId: wait.runId,
      stepId: wait.stepId,
      op: "WaitForEvent",
      result: { type: "data", data: event },
      displayName: wait.displayName,
    });
    await enqueue(tx, { runId: wait.runId, kind: "discover", runAt: now });
  }
}

async function cancelMatchingRuns(tx: Tx, event: Record<string, unknown>, configs: FunctionConfig[], now: Date) {
  for (const config of configs) {
    for (const cancel of config.cancel ?? []) {
      if (!matchesEventName(cancel.event, event.name as string)) continue;
      const timeoutMs = cancel.timeout ? parseTimeString(cancel.timeout) : undefined;
      const runs = await tx
        .select({ id: executorRuns.id, createdAt: executorRuns.createdAt, runEvent: executorEvents.payload })
        .from(executorRuns)
        .innerJoin(executorEvents, eq(executorEvents.id, executorRuns.eventId))
        .where(and(eq(executorRuns.functionId, config.id), eq(executorRuns.status, "running")));
      for (const run of runs) {
        if (timeoutMs !== undefined && run.createdAt.getTime() + timeoutMs < now.getTime()) continue;
        if (cancel.if && !evaluateCondition(cancel.if, { event: run.runEvent, async: event })) continue;
        const locked = await lockRun(tx, run.id);
        if (locked?.status !== "running") continue;
        await endRun(tx, run.id, { status: "cancelled" }, now);
      }
    }
  }
}

export interface ExecutorRunSummary {
  id: string;
  functionId: string;
  status: ExecutorRunStatus;
  eventId: string;
  eventName: string;
  failedAttempts: number;
  lastError: string | null;
  output: unknown;
  error: unknown;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  /** Work still queued or in flight: what the run is waiting for. */
  pending: Array<{
    kind: ExecutorQueueKind;
    stepId: string;
    displayName: string | null;
    attempt: number;
    runAt: Date;
    inFlight: boolean;
    waitEvent: string | null;
  }>;
}

export interface ListRunsFilter {
  id?: string;
  status?: ExecutorRunStatus | ExecutorRunStatus[];
  functionId?: string;
  eventName?: string;
  limit?: number;
}

/** Runs for operators, newest first, with their retries, last error and what they wait for. */
export function listRuns(db: Database, filter: ListRunsFilter = {}): Promise<ExecutorRunSummary[]> {
  return withoutTenant(db, async (tx) => {
    const conditions: SQL[] = [];
    if (filter.status) {
      conditions.push(inArray(executorRuns.status, Array.isArray(filter.status) ? filter.status : [filter.status]));
    }
    if (filter.id) conditions.push(eq(executorRuns.id, filter.id));
    if (filter.functionId) conditions.push(eq(executorRuns.functionId, filter.functionId));
    if (filter.eventName) conditions.push(eq(executorEvents.name, filter.eventName));
    const runs = await tx
      .select({ run: executorRuns, eventName: executorEvents.name })
      .from(executorRuns)
      .innerJoin(executorEvents, eq(executorEvents.id, executorRuns.eventId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(executorRuns.createdAt), desc(executorRuns.id))
      .limit(filter.limit ?? 100);
    const runIds = runs.map((r) => r.run.id);
    const pending = runIds.length
      ? await tx
          .select()
          .from(executorQueue)
          .where(inArray(executorQueue.runId, runIds))
          .orderBy(asc(executorQueue.runAt))
      : [];
    const now = Date.now();
    return runs.map(({ run, eventName }) => ({
      id: run.id,
      functionId: run.functionId,
      status: run.status,
      eventId: run.eventId,
      eventName,
      failedAttempts: run.failedAttempts,
      lastError: run.lastError,
      output: run.output,
      error: run.error,
      createdAt: run.createdAt,
      updatedAt: run.updatedAt,
      endedAt: run.endedAt,
      pending: pending
        .filter((item) => item.runId === run.id)
        .map((item) => ({
          kind: item.kind,
          stepId: item.stepId,
          displayName: item.displayName,
          attempt: item.attempt,
          runAt: item.runAt,
          inFlight: item.lockedUntil !== null && item.lockedUntil.getTime() > now,
          waitEvent: item.waitEvent,
        })),
    }));
  });
}

export interface ExecutorRunDetail extends ExecutorRunSummary {
  event: Record<string, unknown>;
  steps: Array<{ stepId: string; op: string; displayName: string | null; result: unknown; createdAt: Date }>;
}

export async function getRun(db: Database, runId: string): Promise<ExecutorRunDetail | undefined> {
  const [run] = await listRuns(db, { id: runId, limit: 1 });
  if (!run) return undefined;
  return withoutTenant(db, async (tx) => {
    const [event] = await tx
      .select({ payload: executorEvents.payload })
      .from(executorEvents)
      .where(eq(executorEvents.id, run.eventId));
    const steps = await tx
      .select({
        stepId: executorSteps.stepId,
        op: executorSteps.op,
        displayName: executorSteps.displayName,
        result: executorSteps.result,
        createdAt: executorSteps.createdAt,
      })
      .from(executorSteps)
      .where(eq(executorSteps.runId, runId))
      .orderBy(asc(executorSteps.seq));
    return { ...run, event: event?.payload ?? {}, steps };
  });
}

/** Deletes ended runs (with their steps) and unreferenced events older than `before`. */
export function pruneHistory(db: Database, before: Date): Promise<{ runs: number; events: number }> {
  return withoutTenant(db, async (tx) => {
    const runs = await tx
      .delete(executorRuns)
      .where(and(inArray(executorRuns.status, ["completed", "failed", "cancelled"]), lt(executorRuns.endedAt, before)))
      .returning({ id: executorRuns.id });
    const events = await tx
      .delete(executorEvents)
      .where(
        and(
          lt(executorEvents.receivedAt, before),
          sql`not exists (select 1 from ${executorRuns} where ${executorRuns.eventId} = ${executorEvents.id})`,
        ),
      )
      .returning({ id: executorEvents.id });
    return { runs: runs.length, events: events.length };
  });
}
