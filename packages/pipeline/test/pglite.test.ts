import { afterAll, beforeAll, expect, it } from "vitest";
import { createPgliteDatabase, type TestDatabase } from "./database";
import { callsOf } from "./fixtures";
import { createHarness } from "./harness";

let database: TestDatabase;

beforeAll(async () => {
  database = await createPgliteDatabase();
});

afterAll(async () => {
  await database?.drop();
});

it("runs steps, parallel steps, retries and concurrency keys on pglite:memory (one connection)", async () => {
  const db = database.handle.db;
  const { executor } = createHarness(db);
  await executor.send([
    { name: "test/multi", data: { input: "embedded" } },
    { name: "test/parallel", data: {} },
    { name: "test/flaky", data: { failures: 1 } },
    { name: "test/limited", data: { tenantId: "ten_1" } },
    { name: "test/limited", data: { tenantId: "ten_1" } },
  ]);
  executor.start();
  await executor.runUntilIdle();
  await executor.stop();

  const runs = await executor.listRuns();
  expect(runs.filter((r) => r.functionId === "crossflow-test-limited").map((r) => r.status)).toEqual([
    "completed",
    "completed",
  ]);
  const others = runs.filter((r) => r.functionId !== "crossflow-test-limited");
  expect(Object.fromEntries(others.map((r) => [r.functionId, [r.status, r.output]]))).toEqual({
    "crossflow-test-multi-step": ["completed", { total: 3, input: "embedded" }],
    "crossflow-test-parallel": ["completed", 3],
    "crossflow-test-flaky": ["completed", { succeededOnAttempt: 1 }],
  });
  const steps = (await callsOf(db)).map((c) => c.step);
  expect(steps.filter((s) => !s.startsWith("work-")).sort()).toEqual([
    "a",
    "after",
    "b",
    "c",
    "flaky",
    "flaky",
    "p1",
    "p2",
  ]);
  expect(steps.filter((s) => s.startsWith("work-"))).toEqual(["work-start", "work-end", "work-start", "work-end"]);
});
