import type { Database } from "@crossflow/db";
import { sql } from "drizzle-orm";
import { type InngestFunction, NonRetriableError } from "inngest";
import type { CrossflowInngest } from "../src/client";

/** Counts every execution of a step body (not idempotent on purpose). */
export async function recordCall(db: Database, runId: string, step: string, attempt: number) {
  await db.execute(sql`insert into test_calls (run_id, step, attempt) values (${runId}, ${step}, ${attempt})`);
}

/** The step's side effect, idempotent on (run, step) as every pipeline step must be. */
export async function recordEffect(db: Database, runId: string, step: string) {
  await db.execute(sql`insert into test_effects (run_id, step) values (${runId}, ${step}) on conflict do nothing`);
}

export async function callsOf(db: Database, step?: string) {
  const rows = await db.execute(
    step
      ? sql`select run_id, step, attempt, at from test_calls where step = ${step} order by id`
      : sql`select run_id, step, attempt, at from test_calls order by id`,
  );
  return rowsOf<{ run_id: string; step: string; attempt: number; at: string | Date }>(rows).map((r) => ({
    ...r,
    at: new Date(r.at),
  }));
}

export async function effectsOf(db: Database) {
  return rowsOf<{ run_id: string; step: string }>(await db.execute(sql`select run_id, step from test_effects`));
}

/** postgres-js returns the rows, PGlite an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface FixtureOptions {
  /** Step in which the crash fixture hangs forever after its side effect (to be killed there). */
  hangIn?: string;
}

/** Test-only functions; none of them is in the production `functions` array. */
export function createTestFunctions(inngest: CrossflowInngest, db: Database, options: FixtureOptions = {}) {
  const hang = (step: string) => (options.hangIn === step ? new Promise<never>(() => {}) : Promise.resolve());

  const multiStep = inngest.createFunction(
    { id: "test-multi-step", triggers: [{ event: "test/multi" }] },
    async ({ event, step, runId, attempt }) => {
      const a = await step.run("a", async () => {
        await recordCall(db, runId, "a", attempt);
        return 1;
      });
      const b = await step.run("b", async () => {
        await recordCall(db, runId, "b", attempt);
        return a + 1;
      });
      const c = await step.run("c", async () => {
        await recordCall(db, runId, "c", attempt);
        return { total: a + b, input: event.data.input as string };
      });
      return c;
    },
  );

  const parallel = inngest.createFunction(
    { id: "test-parallel", triggers: [{ event: "test/parallel" }] },
    async ({ step, runId, attempt }) => {
      const [x, y] = await Promise.all([
        step.run("p1", async () => {
          await recordCall(db, runId, "p1", attempt);
          return 1;
        }),
        step.run("p2", async () => {
          await recordCall(db, runId, "p2", attempt);
          return 2;
        }),
      ]);
      return step.run("after", async () => {
        await recordCall(db, runId, "after", attempt);
        return x + y;
      });
    },
  );

  const flaky = inngest.createFunction(
    { id: "test-flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
    async ({ event, step, runId, attempt }) => {
      const failures = Number(event.data.failures ?? 2);
      return step.run("flaky", async () => {
        await recordCall(db, runId, "flaky", attempt);
        if (attempt < failures) throw new Error(`transient failure ${attempt + 1}`);
        return { succeededOnAttempt: attempt };
      });
    },
  );

  const hopeless = inngest.createFunction(
    {
      id: "test-hopeless",
      retries: 5,
      triggers: [{ event: "test/hopeless" }],
      onFailure: async ({ event, runId }) => {
        await recordCall(db, runId, `on-failure:${event.data.run_id}`, 0);
      },
    },
    async ({ step, runId, attempt }) => {
      await step.run("refuse", async () => {
        await recordCall(db, runId, "refuse", attempt);
        throw new NonRetriableError("the order cannot be shipped");
      });
    },
  );

  const sleeper = inngest.createFunction(
    { id: "test-sleeper", triggers: [{ event: "test/sleep" }] },
    async ({ step, runId, attempt }) => {
      await step.run("before", () => recordCall(db, runId, "before", attempt));
      await step.sleep("nap", "1s");
      await step.run("after", () => recordCall(db, runId, "after-sleep", attempt));
      return "rested";
    },
  );

  const waiter = inngest.createFunction(
    { id: "test-waiter", triggers: [{ event: "test/wait.start" }] },
    async ({ event, step }) => {
      const approval = await step.waitForEvent("approval", {
        event: "test/wait.approve",
        timeout: (event.data.timeout as string | undefined) ?? "1s",
        ...(event.data.useIf ? { if: "async.data.orderId == event.data.orderId" } : { match: "data.orderId" }),
      });
      return { approvedBy: (approval?.data.by as string | undefined) ?? null };
    },
  );

  const idempotent = inngest.createFunction(
    {
      id: "test-idempotent",
      idempotency: "event.data.tenantId + '-' + event.data.orderId",
      triggers: [{ event: "test/order" }],
    },
    async ({ event, step, runId, attempt }) => {
      await step.run("once", () => recordCall(db, runId, "once", attempt));
      return event.data.orderId;
    },
  );

  const fanOut = inngest.createFunction(
    { id: "test-fan-out", triggers: [{ event: "test/fan-out" }] },
    async ({ step }) => {
      await step.sendEvent("notify", { name: "test/fanned", data: { from: "fan-out" } });
      return "sent";
    },
  );

  const fannedIn = inngest.createFunction(
    { id: "test-fanned", triggers: [{ event: "test/fanned" }] },
    async ({ event, step, runId, attempt }) => {
      await step.run("receive", () => recordCall(db, runId, `received-from:${event.data.from}`, attempt));
    },
  );

  const cancellable = inngest.createFunction(
    {
      id: "test-cancellable",
      cancelOn: [{ event: "test/cancel", match: "data.orderId" }],
      triggers: [{ event: "test/long" }],
    },
    async ({ step, runId, attempt }) => {
      await step.sleep("long-nap", "10m");
      await step.run("never", () => recordCall(db, runId, "never", attempt));
    },
  );

  const limited = inngest.createFunction(
    {
      id: "test-limited",
      concurrency: { key: "event.data.tenantId", limit: 1 },
      triggers: [{ event: "test/limited" }],
    },
    async ({ step, runId, attempt }) => {
      await step.run("work", async () => {
        await recordCall(db, runId, "work-start", attempt);
        await new Promise((resolve) => setTimeout(resolve, 60));
        await recordCall(db, runId, "work-end", attempt);
      });
    },
  );

  const crashable = inngest.createFunction(
    { id: "test-crashable", triggers: [{ event: "test/crash" }] },
    async ({ step, runId, attempt }) => {
      await step.run("charge", async () => {
        await recordCall(db, runId, "charge", attempt);
        await recordEffect(db, runId, "charge");
        await hang("charge");
      });
      await step.run("ship", async () => {
        await recordCall(db, runId, "ship", attempt);
        await recordEffect(db, runId, "ship");
        await hang("ship");
      });
      return "shipped";
    },
  );

  const throwsOnce = inngest.createFunction(
    { id: "test-throws-once", retries: 1, triggers: [{ event: "test/throws-once" }] },
    async ({ runId, attempt }) => {
      await recordCall(db, runId, "top-level", attempt);
      if (attempt === 0) throw new Error("top-level boom");
      return "recovered";
    },
  );

  const slow = inngest.createFunction(
    { id: "test-slow", triggers: [{ event: "test/slow" }] },
    async ({ event, step, runId, attempt }) => {
      await step.run("slow", async () => {
        await recordCall(db, runId, "slow", attempt);
        await new Promise((resolve) => setTimeout(resolve, Number(event.data.ms ?? 800)));
      });
      return "done";
    },
  );

  return [
    throwsOnce,
    slow,
    multiStep,
    parallel,
    flaky,
    hopeless,
    sleeper,
    waiter,
    idempotent,
    fanOut,
    fannedIn,
    cancellable,
    limited,
    crashable,
  ] as InngestFunction.Any[];
}
