import { hostname } from "node:os";
import { type Database, executorEvents, type Tx, withoutTenant } from "@crossflow/db";
import { eq } from "drizzle-orm";
import { bindLocalEventSink, type LocalEventInput, localEventSinkOf } from "../local-events";
import { compileExpression } from "./expression";
import {
  buildCallRequest,
  type CallOutcome,
  type FetchLike,
  type FunctionConfig,
  LOCAL_EXECUTOR_HEADER,
  type OutgoingOp,
  readCallResponse,
  type SerializedError,
  syncFunctions,
  toSerializedError,
} from "./protocol";
import {
  type ClaimedItem,
  claimDueItems,
  type ExecutorRunDetail,
  type ExecutorRunSummary,
  endRun,
  enqueue,
  extendLease,
  finishItem,
  getRun,
  ingestEvents,
  type ListRunsFilter,
  listRuns,
  loadRunForCall,
  memoizeStep,
  noteFailedAttempt,
  queueState,
  type RunRow,
  updateRun,
} from "./store";
import { exponentialBackoff, resolveDeadline } from "./time";
import { localExecutorToken } from "./token";

export interface ExecutorLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface LocalExecutorOptions {
  db: Database;
  /** How to reach the serve handler: the app's own `app.fetch` (no network), or a real fetch. */
  fetch: FetchLike;
  /** The serve handler's URL as `fetch` sees it. Default http://localhost/api/inngest. */
  serveUrl?: string;
  /** An Inngest client created in local mode: its send() and step.sendEvent() deliver here. */
  client?: object;
  /** Names this worker in leases; default host:pid:random. */
  workerId?: string;
  /** How often an idle worker looks for due work. Default 500 ms. */
  pollIntervalMs?: number;
  /**
   * How long a claim lasts without a heartbeat; heartbeats run every third of it, from the claim
   * until the outcome is recorded. Default 60 s. A heartbeat later than two thirds of it (a
   * blocked event loop, a slow database) lets another worker take the call over, so keep it far
   * above such stalls; sub-second leases are for tests.
   */
  leaseMs?: number;
  /** Calls in flight at once in this worker. Default 4. */
  concurrency?: number;
  /**
   * A call claimed this many times without finishing (its workers died, e.g. out of memory)
   * fails the run instead of killing workers forever. Default 5.
   */
  maxClaims?: number;
  /** Delay before retry number `attempt` (1-based). Default 1 s doubling up to 10 min, ±20 %. */
  backoff?: (attempt: number) => number;
  logger?: ExecutorLogger;
}

/** Ops that schedule separate work; more than one in a response means the SDK found parallel steps. */
const PLANNING_OPS = new Set(["StepPlanned", "Sleep", "WaitForEvent", "InvokeFunction", "WaitForSignal"]);
const UNSUPPORTED_OPS = new Set(["InvokeFunction", "AIGateway", "Gateway", "WaitForSignal"]);

const consoleLogger: ExecutorLogger = {
  info: (message, meta) => console.info(`[executor] ${message}`, meta ?? ""),
  warn: (message, meta) => console.warn(`[executor] ${message}`, meta ?? ""),
  error: (message, meta) => console.error(`[executor] ${message}`, meta ?? ""),
};

/**
 * Runs Inngest functions on one machine the way the Inngest server does: events and run state
 * live in Postgres (executor_* tables), and every step is executed by POSTing to the app's own
 * serve handler with the SDK protocol. See docs/decisions/0002-local-inngest-executor.md.
 */
export class LocalExecutor {
  readonly workerId: string;
  private readonly db: Database;
  private readonly fetchHandler: FetchLike;
  private readonly serveUrl: string;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly maxClaims: number;
  private readonly backoff: (attempt: number) => number;
  private readonly logger: ExecutorLogger;
  private readonly client?: object;
  private readonly sink = (events: LocalEventInput[], options: { seed?: string }) => this.ingest(events, options.seed);
  private configs?: Promise<FunctionConfig[]>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Queue item ids this worker holds (claimed and not yet finished): never claimed again here. */
  private readonly heldItems = new Set<number>();
  private readonly sleepers = new Set<() => void>();
  private claiming?: Promise<number>;
  private running = false;
  private loopDone?: Promise<void>;

  constructor(options: LocalExecutorOptions) {
    this.db = options.db;
    this.fetchHandler = options.fetch;
    this.serveUrl = options.serveUrl ?? "http://localhost/api/inngest";
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxClaims = Math.max(1, options.maxClaims ?? 5);
    this.backoff = options.backoff ?? exponentialBackoff(1000, 600_000);
    this.logger = options.logger ?? consoleLogger;
    this.client = options.client;
    if (this.client) bindLocalEventSink(this.client, this.sink);
  }

  /** The functions the serve handler reports (an in-band sync, as Inngest does), cached. */
  functions(): Promise<FunctionConfig[]> {
    this.configs ??= syncFunctions(this.fetchHandler, this.serveUrl, this.authHeaders()).catch((err) => {
      this.configs = undefined;
      throw err;
    });
    return this.configs;
  }

  /** Forgets the synced functions, e.g. after the served set changed. */
  resync(): Promise<FunctionConfig[]> {
    this.configs = undefined;
    return this.functions();
  }

  /**
   * Stores events (and the runs, resumed waits and cancellations they cause) in one transaction;
   * resolves only after it committed, with the stored event ids.
   */
  send(events: LocalEventInput | LocalEventInput[]): Promise<{ ids: string[] }> {
    return this.ingest(Array.isArray(events) ? events : [events]);
  }

  private async ingest(events: LocalEventInput[], seed?: string): Promise<{ ids: string[] }> {
    const configs = await this.functions();
    const { ids } = await withoutTenant(this.db, (tx) => ingestEvents(tx, events, configs, { now: new Date(), seed }));
    this.wake();
    return { ids };
  }

  /** Starts the worker loop in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops claiming work and waits for the calls in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /** stop(), then stop delivering the client's events here. */
  async close(): Promise<void> {
    await this.stop();
    if (this.client && localEventSinkOf(this.client) === this.sink) bindLocalEventSink(this.client, undefined);
  }

  /**
   * Processes work in this process until nothing is due: with `waitForTimers`, also waits for
   * sleeps, waitForEvent timeouts and other workers' expired leases until the queue is empty.
   * For tests and the CLI; works with or without start().
   */
  async runUntilIdle(options: { timeoutMs?: number; waitForTimers?: boolean } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`The local executor was still busy after ${timeoutMs} ms`);
      const claimed = await this.tick();
      if (this.inFlight.size > 0) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      if (claimed > 0) continue;
      const { total, nextAt } = await queueState(this.db);
      if (total === 0) return;
      const dueIn = nextAt ? nextAt.getTime() - Date.now() : 0;
      if (dueIn > 0 && !options.waitForTimers) return;
      await this.sleep(Math.max(5, Math.min(dueIn, this.pollIntervalMs, deadline - Date.now())));
    }
  }

  /** runUntilIdle({ waitForTimers: true }): returns when every run has ended or waits forever. */
  drain(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.runUntilIdle({ ...options, waitForTimers: true });
  }

  listRuns(filter?: ListRunsFilter): Promise<ExecutorRunSummary[]> {
    return listRuns(this.db, filter);
  }

  getRun(runId: string): Promise<ExecutorRunDetail | undefined> {
    return getRun(this.db, runId);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (err) {
        this.logger.error("claiming work failed", { err: String(err) });
      }
      if (!this.running) break;
      if (claimed === 0 || this.inFlight.size >= this.concurrency) await this.sleep(this.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wake(): void {
    for (const sleeper of [...this.sleepers]) sleeper();
  }

  /** Claims as much due work as there are free slots and starts it; one claim at a time. */
  private async tick(): Promise<number> {
    if (this.claiming) {
      await this.claiming;
      return 0;
    }
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    this.claiming = (async () => {
      const items = await claimDueItems(this.db, {
        workerId: this.workerId,
        limit: free,
        leaseMs: this.leaseMs,
        now: new Date(),
        inFlight: this.heldItems,
      });
      for (const item of items) {
        this.heldItems.add(item.id);
        // The lease is kept alive from the claim until the outcome is recorded, not only while
        // the HTTP call is in flight: loading the run and the first sync take time too.
        const stopHeartbeat = this.startHeartbeat(item);
        const work: Promise<void> = this.process(item)
          .catch((err) => this.logger.error("processing a queue item failed", { item, err: String(err) }))
          .finally(() => {
            stopHeartbeat();
            this.heldItems.delete(item.id);
            this.inFlight.delete(work);
            this.wake();
          });
        this.inFlight.add(work);
      }
      return items.length;
    })();
    try {
      return await this.claiming;
    } finally {
      this.claiming = undefined;
    }
  }

  private authHeaders(): Record<string, string> {
    return { [LOCAL_EXECUTOR_HEADER]: localExecutorToken() };
  }

  private async process(item: ClaimedItem): Promise<void> {
    if (item.kind === "sleep" || item.kind === "wait") {
      // A sleep is over, or a waitForEvent timed out: both memoize null (SDK_SPEC 5.3.2/5.3.3).
      await finishItem(this.db, item, async (tx) => {
        const now = new Date();
        await memoizeStep(tx, {
          runId: item.runId,
          stepId: item.stepId,
          op: item.kind === "sleep" ? "Sleep" : "WaitForEvent",
          result: { type: "data", data: null },
          displayName: item.displayName,
        });
        await enqueue(tx, { runId: item.runId, kind: "discover", runAt: now });
      });
      return;
    }

    const loaded = await loadRunForCall(this.db, item.runId);
    const alreadyDone = item.kind === "step" && loaded?.steps.some((s) => s.stepId === item.stepId);
    if (loaded?.run.status !== "running" || alreadyDone) {
      await finishItem(this.db, item, async (tx) => {
        if (alreadyDone) await enqueue(tx, { runId: item.runId, kind: "discover", runAt: new Date() });
      });
      return;
    }
    const configs = await this.functions();
    if (item.claims > this.maxClaims) {
      const error = {
        name: "WorkerCrashError",
        message: `${item.displayName ?? item.kind} was claimed ${item.claims - 1} times by workers that never finished it`,
      };
      await finishItem(this.db, item, (tx, run) => this.failRun(tx, run, error, new Date(), configs));
      return;
    }

    const request = buildCallRequest({
      serveUrl: this.serveUrl,
      fnId: loaded.run.functionId,
      stepId: item.kind === "step" ? item.stepId : undefined,
      runId: loaded.run.id,
      event: loaded.event,
      steps: loaded.steps,
      attempt: item.attempt,
      maxAttempts: loaded.run.maxAttempts,
      disableImmediateExecution: loaded.run.disableImmediateExecution,
      version: loaded.run.requestVersion,
      headers: this.authHeaders(),
    });
    let outcome: CallOutcome;
    try {
      const response = await this.fetchHandler(request);
      outcome = await readCallResponse(response, new Date());
    } catch (err) {
      outcome = { kind: "error", retriable: true, error: toSerializedError(err) };
    }

    const result = await finishItem(this.db, item, (tx, run) => this.applyOutcome(tx, run, item, outcome, configs));
    if (result.status === "lease-lost") {
      this.logger.warn("discarded a call result: its lease had passed to another worker", {
        runId: item.runId,
        item: item.id,
      });
    }
  }

  /**
   * Extends the item's lease every third of `leaseMs` from its claim until stopped: one extension
   * at a time, each for a full lease from when it is sent. Stops when the item is gone (finished)
   * or the lease was lost, i.e. another worker took the item over because this one looked dead
   * (then finishItem's fencing token discards this worker's result, and that is logged).
   */
  private startHeartbeat(item: ClaimedItem): () => void {
    const intervalMs = Math.max(50, Math.floor(this.leaseMs / 3));
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const beat = async () => {
      try {
        const lease = await extendLease(this.db, item, new Date(Date.now() + this.leaseMs));
        if (lease !== "held") {
          if (lease === "lost" && !stopped) {
            this.logger.warn("lost the lease of a call in flight", { runId: item.runId, item: item.id });
          }
          stopped = true;
        }
      } catch (err) {
        if (!stopped)
          this.logger.warn("extending a lease failed", { runId: item.runId, item: item.id, err: String(err) });
      }
      if (!stopped) timer = setTimeout(beat, intervalMs);
    };
    timer = setTimeout(beat, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private async applyOutcome(
    tx: Tx,
    run: RunRow,
    item: ClaimedItem,
    outcome: CallOutcome,
    configs: FunctionConfig[],
  ): Promise<void> {
    const now = new Date();
    if (outcome.version && run.requestVersion === null) {
      await updateRun(tx, run.id, { requestVersion: outcome.version }, now);
    }
    if (outcome.kind === "completed") {
      await endRun(tx, run.id, { status: "completed", output: outcome.output }, now);
      return;
    }
    if (outcome.kind === "error") {
      const next = item.attempt + 1;
      if (outcome.retriable && next < run.maxAttempts) {
        await noteFailedAttempt(tx, run.id, outcome.error, now);
        await enqueue(
          tx,
          {
            runId: run.id,
            kind: item.kind,
            stepId: item.stepId,
            displayName: item.displayName,
            attempt: next,
            runAt: new Date(now.getTime() + (outcome.retryAfterMs ?? this.backoff(next))),
          },
          { replace: true },
        );
      } else {
        await this.failRun(tx, run, outcome.error, now, configs);
      }
      return;
    }

    let discover = false;
    const memoizeError = async (op: OutgoingOp, error: SerializedError) => {
      await memoizeStep(tx, {
        runId: run.id,
        stepId: op.id,
        op: op.op,
        result: { type: "error", error },
        displayName: op.displayName,
      });
      discover = true;
    };
    for (const op of outcome.ops) {
      switch (op.op) {
        case "StepRun":
        case "Step":
          await memoizeStep(tx, {
            runId: run.id,
            stepId: op.id,
            op: op.op,
            result: { type: "data", data: op.data ?? null },
            displayName: op.displayName,
          });
          discover = true;
          break;
        case "StepError": {
          const error = toSerializedError(op.error);
          await noteFailedAttempt(tx, run.id, error, now);
          const next = item.attempt + 1;
          if (next < run.maxAttempts) {
            await enqueue(tx, {
              runId: run.id,
              kind: "step",
              stepId: op.id,
              displayName: op.displayName,
              attempt: next,
              runAt: new Date(now.getTime() + (outcome.retryAfterMs ?? this.backoff(next))),
            });
          } else {
            await memoizeError(op, error);
          }
          break;
        }
        case "StepFailed": {
          const error = toSerializedError(op.error);
          await noteFailedAttempt(tx, run.id, error, now);
          await memoizeError(op, error);
          break;
        }
        case "StepPlanned":
          await enqueue(tx, { runId: run.id, kind: "step", stepId: op.id, displayName: op.displayName, runAt: now });
          break;
        case "Sleep": {
          const duration = typeof op.opts?.duration === "string" ? op.opts.duration : op.name;
          let wakeAt: Date;
          try {
            wakeAt = resolveDeadline(String(duration), now);
          } catch (err) {
            await memoizeError(op, toSerializedError(err));
            break;
          }
          await enqueue(tx, {
            runId: run.id,
            kind: "sleep",
            stepId: op.id,
            displayName: op.displayName,
            runAt: wakeAt,
          });
          break;
        }
        case "WaitForEvent": {
          const eventName = typeof op.opts?.event === "string" ? op.opts.event : op.name;
          const condition = typeof op.opts?.if === "string" ? op.opts.if : null;
          let timeoutAt: Date;
          try {
            if (!eventName) throw new Error("step.waitForEvent needs an event name");
            if (condition) compileExpression(condition);
            timeoutAt = resolveDeadline(String(op.opts?.timeout ?? ""), now);
          } catch (err) {
            await memoizeError(op, toSerializedError(err));
            break;
          }
          await enqueue(tx, {
            runId: run.id,
            kind: "wait",
            stepId: op.id,
            displayName: op.displayName,
            runAt: timeoutAt,
            waitEvent: eventName,
            waitIf: condition,
          });
          break;
        }
        case "RunComplete":
          await endRun(tx, run.id, { status: "completed", output: op.data ?? null }, now);
          return;
        case "DiscoveryRequest":
          discover = true;
          break;
        case "DeferAdd":
        case "DeferAbort":
          break;
        default:
          await memoizeError(op, {
            name: "Error",
            message: UNSUPPORTED_OPS.has(op.op)
              ? `${op.op} (${op.displayName ?? op.id}) is not supported by the local executor`
              : `Unknown operation ${op.op} from the SDK`,
          });
      }
    }
    const planned = outcome.ops.filter((op) => PLANNING_OPS.has(op.op)).length;
    if (planned > 1 && !run.disableImmediateExecution) {
      await updateRun(tx, run.id, { disableImmediateExecution: true }, now);
    }
    if (discover) await enqueue(tx, { runId: run.id, kind: "discover", runAt: now });
  }

  /** Fails the run and emits inngest/function.failed, which triggers the function's onFailure. */
  private async failRun(tx: Tx, run: RunRow, error: SerializedError, now: Date, configs: FunctionConfig[]) {
    await endRun(tx, run.id, { status: "failed", error }, now);
    const [event] = await tx
      .select({ payload: executorEvents.payload })
      .from(executorEvents)
      .where(eq(executorEvents.id, run.eventId));
    await ingestEvents(
      tx,
      [
        {
          name: "inngest/function.failed",
          data: { function_id: run.functionId, run_id: run.id, error, event: event?.payload ?? {} },
        },
      ],
      configs,
      { now },
    );
  }
}

export function createLocalExecutor(options: LocalExecutorOptions): LocalExecutor {
  return new LocalExecutor(options);
}
