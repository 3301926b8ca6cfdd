import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresDatabase, type TestDatabase } from "./database";
import { callsOf, effectsOf } from "./fixtures";
import { createHarness } from "./harness";

let database: TestDatabase;

beforeAll(async () => {
  database = await createPostgresDatabase();
});

afterAll(async () => {
  await database?.drop();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, state: () => Promise<unknown>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${JSON.stringify(await state(), null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Both workers use this lease (heartbeats every third of it). Only one of them is alive at a
// time, so it does not decide the outcome; it is how long the dead worker's call stays claimed.
const LEASE_MS = 1_000;

it.each([
  // Killed in the first step, before anything was memoized.
  { hangIn: "charge", expectedCalls: ["charge", "charge", "ship"] },
  // Killed in the second step: "charge" was memoized and never runs again.
  { hangIn: "ship", expectedCalls: ["charge", "ship", "ship"] },
])(
  "resumes a run whose worker was SIGKILLed in $hangIn: completes once, each effect committed once",
  // Starting a worker process (tsx) takes seconds idle and can take a minute on a loaded machine;
  // nothing here sleeps, every wait ends as soon as the state it waits for is observed.
  { timeout: 180_000 },
  async ({ hangIn, expectedCalls }) => {
    const db = database.handle.db;
    const { executor, log } = createHarness(db, { executor: { workerId: "recovering-worker", leaseMs: LEASE_MS } });
    const { ids } = await executor.send({ name: "test/crash", data: {} });
    const runsForEvent = async () =>
      (await executor.listRuns({ functionId: "crossflow-test-crashable" })).filter((r) => r.eventId === ids[0]);
    const [started] = await runsForEvent();
    expect(started?.status).toBe("running");
    const callsOfRun = async () => (await callsOf(db)).filter((c) => c.run_id === started!.id).map((c) => c.step);

    // A separate process claims the run and is killed inside `hangIn`, after that step's side effect.
    const child = fork(fileURLToPath(new URL("./crash-worker.ts", import.meta.url)), {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL: database.url, CRASH_HANG_IN: hangIn, CRASH_LEASE_MS: String(LEASE_MS) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let childOutput = "";
    child.stdout?.on("data", (chunk) => (childOutput += chunk));
    child.stderr?.on("data", (chunk) => (childOutput += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    const forkedAt = Date.now();
    try {
      await waitFor(
        async () => (await callsOfRun()).includes(hangIn),
        90_000,
        async () => ({
          forkedMsAgo: Date.now() - forkedAt,
          calls: await callsOfRun(),
          run: (await executor.listRuns({ id: started!.id }))[0],
          childOutput,
        }),
      );
    } finally {
      child.kill("SIGKILL");
    }
    expect(await exited).toBe("SIGKILL");
    // The live worker kept its lease: it ran each step once and discarded nothing.
    expect(childOutput).not.toContain("[executor]");

    const [stranded] = await executor.listRuns({ id: started!.id });
    expect(stranded?.status).toBe("running");
    expect(stranded?.pending).toMatchObject([{ kind: "discover" }]);

    // A new worker takes the item over once the dead worker's lease has run out.
    await executor.drain({ timeoutMs: 60_000 });
    expect(log.filter((l) => l.level !== "info")).toEqual([]);

    const run = await executor.getRun(started!.id);
    expect(run).toMatchObject({ status: "completed", output: "shipped" });
    expect(await runsForEvent()).toHaveLength(1);
    expect(await callsOfRun()).toEqual(expectedCalls);
    const effects = (await effectsOf(db)).filter((e) => e.run_id === run?.id).map((e) => e.step);
    expect(effects.sort()).toEqual(["charge", "ship"]);
  },
);
