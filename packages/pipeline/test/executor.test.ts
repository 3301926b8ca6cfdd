import { executorEvents, executorQueue, executorRuns, withoutTenant } from "@crossflow/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, type TestDatabase } from "./database";
import { callsOf } from "./fixtures";
import { createHarness } from "./harness";

let database: TestDatabase;

beforeAll(async () => {
  database = await createPostgresDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const db = () => database.handle.db;

async function callsOfRun(runId: string | undefined) {
  return (await callsOf(db())).filter((c) => c.run_id === runId);
}

/** Polls observed state (never a fixed sleep), so a slow, loaded machine only takes longer. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function runOfEvent(eventId: string | undefined) {
  const [run] = await withoutTenant(db(), (tx) =>
    tx
      .select()
      .from(executorRuns)
      .where(eq(executorRuns.eventId, eventId ?? "")),
  );
  return run;
}

describe("local executor on PostgreSQL", () => {
  it("memoizes steps: each step body runs once, over the SDK protocol", async () => {
    const { executor, requests } = createHarness(db());
    const { ids } = await executor.send({ name: "test/multi", data: { input: "x" } });
    expect(ids).toHaveLength(1);
    await executor.runUntilIdle();

    const [run] = await executor.listRuns({ functionId: "crossflow-test-multi-step" });
    expect(run).toMatchObject({ status: "completed", output: { total: 3, input: "x" }, failedAttempts: 0 });
    expect((await callsOfRun(run?.id)).map((c) => c.step)).toEqual(["a", "b", "c"]);
    // Discovery runs a lone step immediately (206 StepRun) until the last call answers 200.
    const runCalls = requests.filter((r) => r.fnId === "crossflow-test-multi-step");
    expect(runCalls.map((r) => [r.stepId, r.status])).toEqual([
      ["step", 206],
      ["step", 206],
      ["step", 206],
      ["step", 200],
    ]);
    const detail = await executor.getRun(run!.id);
    expect(detail?.steps.map((s) => s.displayName)).toEqual(["a", "b", "c"]);
  });

  it("plans parallel steps, runs each once (stepId=<hash>) and resumes after both", async () => {
    const { executor, requests } = createHarness(db());
    await executor.send({ name: "test/parallel", data: {} });
    await executor.runUntilIdle();

    const [run] = await executor.listRuns({ functionId: "crossflow-test-parallel" });
    expect(run).toMatchObject({ status: "completed", output: 3 });
    expect((await callsOfRun(run?.id)).map((c) => c.step).sort()).toEqual(["after", "p1", "p2"]);
    const targeted = requests.filter((r) => r.fnId === "crossflow-test-parallel" && r.stepId !== "step");
    expect(targeted.length).toBeGreaterThanOrEqual(3);
  });

  it("retries a failing step with exponential backoff, then succeeds", async () => {
    const { executor } = createHarness(db(), { executor: { backoff: (attempt) => 50 * 2 ** (attempt - 1) } });
    await executor.send({ name: "test/flaky", data: { failures: 2 } });
    await executor.drain();

    const [run] = await executor.listRuns({ functionId: "crossflow-test-flaky" });
    expect(run).toMatchObject({ status: "completed", output: { succeededOnAttempt: 2 }, failedAttempts: 2 });
    expect(run?.lastError).toContain("transient failure 2");
    const calls = await callsOfRun(run?.id);
    expect(calls.map((c) => c.attempt)).toEqual([0, 1, 2]);
    const gaps = calls.slice(1).map((c, i) => c.at.getTime() - calls[i]!.at.getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
  });

  it("retries the function itself when it throws outside a step", async () => {
    const { executor, requests } = createHarness(db());
    await executor.send({ name: "test/throws-once", data: {} });
    await executor.drain();
    const [run] = await executor.listRuns({ functionId: "crossflow-test-throws-once" });
    expect(run).toMatchObject({ status: "completed", output: "recovered", failedAttempts: 1 });
    expect(run?.lastError).toBe("Error: top-level boom");
    expect(requests.filter((r) => r.fnId === "crossflow-test-throws-once").map((r) => r.status)).toEqual([500, 200]);
  });

  it("fails at once on NonRetriableError and runs onFailure", async () => {
    const { executor } = createHarness(db());
    await executor.send({ name: "test/hopeless", data: {} });
    await executor.drain();

    const [run] = await executor.listRuns({ functionId: "crossflow-test-hopeless" });
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatchObject({ name: "NonRetriableError", message: "the order cannot be shipped" });
    expect((await callsOfRun(run?.id)).map((c) => c.step)).toEqual(["refuse"]);
    const [failure] = await executor.listRuns({ functionId: "crossflow-test-hopeless-failure" });
    expect(failure).toMatchObject({ status: "completed", eventName: "inngest/function.failed" });
    expect((await callsOf(db(), `on-failure:${run?.id}`)).length).toBe(1);
  });

  it("sleeps durably: step.sleep is a timer in the queue", async () => {
    const { executor } = createHarness(db());
    await executor.send({ name: "test/sleep", data: {} });
    await executor.runUntilIdle();
    const [sleeping] = await executor.listRuns({ functionId: "crossflow-test-sleeper" });
    expect(sleeping?.status).toBe("running");
    expect(sleeping?.pending).toMatchObject([{ kind: "sleep", displayName: "nap" }]);

    await executor.drain();
    const [run] = await executor.listRuns({ functionId: "crossflow-test-sleeper" });
    expect(run).toMatchObject({ status: "completed", output: "rested" });
    const calls = await callsOfRun(run?.id);
    expect(calls.map((c) => c.step)).toEqual(["before", "after-sleep"]);
    expect(calls[1]!.at.getTime() - calls[0]!.at.getTime()).toBeGreaterThanOrEqual(950);
  });

  it("resumes step.waitForEvent on a matching event (match and if forms)", async () => {
    const { executor } = createHarness(db());
    await executor.send([
      { name: "test/wait.start", data: { orderId: "ord_1", timeout: "1m" } },
      { name: "test/wait.start", data: { orderId: "ord_2", timeout: "1m", useIf: true } },
    ]);
    await executor.runUntilIdle();
    const waiting = await executor.listRuns({ functionId: "crossflow-test-waiter" });
    expect(waiting.map((r) => r.pending[0]?.waitEvent)).toEqual(["test/wait.approve", "test/wait.approve"]);

    await executor.send([
      { name: "test/wait.approve", data: { orderId: "ord_other", by: "nobody" } },
      { name: "test/wait.approve", data: { orderId: "ord_1", by: "alice" } },
      { name: "test/wait.approve", data: { orderId: "ord_2", by: "bob" } },
    ]);
    await executor.runUntilIdle();
    const runs = await executor.listRuns({ functionId: "crossflow-test-waiter" });
    expect(runs.every((r) => r.status === "completed")).toBe(true);
    expect(runs.map((r) => (r.output as { approvedBy: string }).approvedBy).sort()).toEqual(["alice", "bob"]);
  });

  it("times step.waitForEvent out with null", async () => {
    const { executor } = createHarness(db());
    const started = Date.now();
    await executor.send({ name: "test/wait.start", data: { orderId: "ord_never" } });
    await executor.drain();
    const [run] = await executor.listRuns({ functionId: "crossflow-test-waiter" });
    expect(run).toMatchObject({ status: "completed", output: { approvedBy: null } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("starts one run for the same idempotency key, and none for a repeated event id", async () => {
    const { executor } = createHarness(db());
    const order = { name: "test/order", data: { tenantId: "ten_1", orderId: "ord_9" } };
    await executor.send(order);
    await executor.send(order);
    await executor.send({ ...order, data: { tenantId: "ten_2", orderId: "ord_9" } });
    const first = await executor.send({ name: "test/multi", id: "channel-order-77", data: { input: "dup" } });
    const second = await executor.send({ name: "test/multi", id: "channel-order-77", data: { input: "dup" } });
    expect(second.ids).toEqual(first.ids);
    await executor.runUntilIdle();

    const runs = await executor.listRuns({ functionId: "crossflow-test-idempotent" });
    expect(runs.map((r) => r.output).sort()).toEqual(["ord_9", "ord_9"]);
    const dupes = await withoutTenant(db(), (tx) =>
      tx.select().from(executorRuns).where(eq(executorRuns.eventId, first.ids[0]!)),
    );
    expect(dupes).toHaveLength(1);
    const stored = await withoutTenant(db(), (tx) =>
      tx.select().from(executorEvents).where(eq(executorEvents.dedupeKey, "id:channel-order-77")),
    );
    expect(stored).toHaveLength(1);
  });

  it("delivers step.sendEvent and inngest.send() to the executor", async () => {
    const { executor, client } = createHarness(db());
    await client.send({ name: "test/fan-out", data: {} });
    await executor.runUntilIdle();
    const [fanned] = await executor.listRuns({ functionId: "crossflow-test-fanned" });
    expect(fanned?.status).toBe("completed");
    expect((await callsOfRun(fanned?.id)).map((c) => c.step)).toEqual(["received-from:fan-out"]);
  });

  it("cancels runs on a matching cancelOn event", async () => {
    const { executor } = createHarness(db());
    await executor.send([
      { name: "test/long", data: { orderId: "ord_a" } },
      { name: "test/long", data: { orderId: "ord_b" } },
    ]);
    await executor.runUntilIdle();
    await executor.send({ name: "test/cancel", data: { orderId: "ord_a" } });
    const runs = await executor.listRuns({ functionId: "crossflow-test-cancellable" });
    const byOrder: Record<string, unknown> = {};
    for (const run of runs) {
      const detail = await executor.getRun(run.id);
      byOrder[(detail!.event.data as { orderId: string }).orderId] = run;
    }
    expect(byOrder.ord_a).toMatchObject({ status: "cancelled", pending: [] });
    expect(byOrder.ord_b).toMatchObject({ status: "running", pending: [{ kind: "sleep" }] });
    // Leave nothing behind for later drain() calls.
    await executor.send({ name: "test/cancel", data: { orderId: "ord_b" } });
  });

  it("holds a concurrency key to its limit", async () => {
    const { executor } = createHarness(db(), { executor: { concurrency: 4 } });
    await executor.send([
      { name: "test/limited", data: { tenantId: "ten_same" } },
      { name: "test/limited", data: { tenantId: "ten_same" } },
      { name: "test/limited", data: { tenantId: "ten_same" } },
    ]);
    await executor.runUntilIdle();
    const calls = (await callsOf(db())).filter((c) => c.step.startsWith("work-"));
    expect(calls).toHaveLength(6);
    // With a limit of 1 per tenant the calls never interleave: start, end, start, end, ...
    expect(calls.map((c) => c.step)).toEqual([
      "work-start",
      "work-end",
      "work-start",
      "work-end",
      "work-start",
      "work-end",
    ]);
  });

  it("fails a run whose call keeps killing its workers instead of retrying it forever", async () => {
    const { executor } = createHarness(db(), { executor: { maxClaims: 5 } });
    const { ids } = await executor.send({ name: "test/multi", data: { input: "poison" } });
    const [run] = await withoutTenant(db(), (tx) =>
      tx.select().from(executorRuns).where(eq(executorRuns.eventId, ids[0]!)),
    );
    // As if five workers had claimed the first call and died with it.
    await withoutTenant(db(), (tx) =>
      tx.update(executorQueue).set({ claims: 5 }).where(eq(executorQueue.runId, run!.id)),
    );
    await executor.runUntilIdle();
    expect(await executor.getRun(run!.id)).toMatchObject({
      status: "failed",
      error: { name: "WorkerCrashError" },
      steps: [],
    });
  });

  it("keeps the lease of a step that outlives it (heartbeats), so no other worker runs it", async () => {
    // The step (3 s) outlives the lease (2 s); heartbeats every ~0.7 s keep it, with more than a
    // second to spare for a late timer or a slow database on a loaded machine.
    const first = createHarness(db(), { executor: { workerId: "slow-1", leaseMs: 2_000 } });
    const second = createHarness(db(), { executor: { workerId: "slow-2", leaseMs: 2_000 } });
    const { ids } = await first.executor.send({ name: "test/slow", data: { ms: 3_000 } });
    const runId = (await runOfEvent(ids[0]))?.id;
    first.executor.start();
    // The first worker holds the call; then a second worker polls for due work (every 10 ms).
    await waitUntil(async () => (await callsOfRun(runId)).length > 0);
    second.executor.start();
    await waitUntil(async () => (await runOfEvent(ids[0]))?.status !== "running");
    await Promise.all([first.executor.stop(), second.executor.stop()]);
    expect(await first.executor.getRun(runId!)).toMatchObject({ status: "completed", output: "done" });
    expect((await callsOfRun(runId)).map((c) => c.step)).toEqual(["slow"]);
    expect([...first.log, ...second.log].filter((l) => l.level !== "info")).toEqual([]);
  });

  it("never takes over its own call in flight when its lease ran out (a late heartbeat)", async () => {
    // Heartbeats every ~1.7 s: none during the 800 ms step.
    const { executor, log } = createHarness(db(), { executor: { workerId: "late-heartbeat", leaseMs: 5_000 } });
    const { ids } = await executor.send({ name: "test/slow", data: { ms: 800 } });
    const runId = (await runOfEvent(ids[0]))?.id;
    executor.start();
    // The step is running: let its lease run out, as if the event loop or the database had been
    // too busy for the heartbeat (a loaded machine). This worker is alive and polls every 10 ms.
    await waitUntil(async () => (await callsOfRun(runId)).length > 0);
    await withoutTenant(db(), (tx) =>
      tx
        .update(executorQueue)
        .set({ lockedUntil: new Date(Date.now() - 1_000) })
        .where(eq(executorQueue.runId, runId!)),
    );
    await waitUntil(async () => (await runOfEvent(ids[0]))?.status !== "running");
    await executor.stop();
    expect(await executor.getRun(runId!)).toMatchObject({ status: "completed", output: "done" });
    // Nobody else took the item: the worker kept it, ran the step once and its result counted.
    expect((await callsOfRun(runId)).map((c) => c.step)).toEqual(["slow"]);
    expect(log.filter((l) => l.level !== "info")).toEqual([]);
  });

  it("shares work between workers without running a step twice", async () => {
    const first = createHarness(db(), { executor: { workerId: "worker-1", concurrency: 3 } });
    const second = createHarness(db(), { executor: { workerId: "worker-2", concurrency: 3 } });
    const events = Array.from({ length: 12 }, (_, i) => ({ name: "test/multi", data: { input: `w${i}` } }));
    const { ids: eventIds } = await first.executor.send(events);
    const ours = async () =>
      (await first.executor.listRuns({ functionId: "crossflow-test-multi-step", limit: 1000 })).filter((r) =>
        eventIds.includes(r.eventId),
      );
    first.executor.start();
    second.executor.start();
    await waitUntil(async () => !(await ours()).some((r) => r.status === "running"));
    await Promise.all([first.executor.stop(), second.executor.stop()]);
    const runs = await ours();
    expect(runs.map((r) => r.status)).toEqual(Array(12).fill("completed"));
    const runIds = new Set(runs.map((r) => r.id));
    const calls = (await callsOf(db())).filter((c) => runIds.has(c.run_id));
    expect(calls).toHaveLength(36);
    expect(new Set(calls.map((c) => `${c.run_id}:${c.step}`)).size).toBe(36);
    expect(first.requests.length).toBeGreaterThan(0);
    expect(second.requests.length).toBeGreaterThan(0);
  });
});
