import { type Database, orders, withTenant } from "@crossflow/db";
import { generateDemoOrders } from "@crossflow/integrations";
import { type CrossflowEvent, createFunctions, createPipelineRuntime } from "@crossflow/pipeline";
import { receiveOrder } from "@crossflow/pipeline/intake";
import { sql } from "drizzle-orm";
import { insertOrdersRaw, stockedTenant } from "./fixtures";
import { type Measurement, measure, pool } from "./measure";

/**
 * (a) Orders from intake to a booked label through the real pipeline (API intake function,
 * durable events, local executor, /api/inngest protocol, every step: checks, risk, rules,
 * allocation, carrier choice, landed cost and customs papers rendered as PDFs, the demo
 * carrier's booking and label), beside a raw batched insert of the same order rows into the
 * same tables: how much the whole pipeline costs per order.
 */
export async function benchPipeline(db: Database, count: number): Promise<Measurement[]> {
  const demo = generateDemoOrders(count, { seed: 99 }).map((o) => ({
    ...o,
    payment: { ...o.payment, status: "paid" as const },
  }));

  const piped = await stockedTenant(db, "bench-pipeline", 1_000_000);
  const runtime = createPipelineRuntime({
    db,
    functions: createFunctions(db),
    executor: { pollIntervalMs: 20, concurrency: 8 },
  });
  const events = {
    send: async (e: { name: string; data: Record<string, unknown>; id?: string }) =>
      void (await runtime.events.send(e as CrossflowEvent)),
  };
  runtime.start();
  const pipeline = await measure("pipeline: intake → label booked", count, async () => {
    await pool(count, 8, async (i) => {
      await receiveOrder(db, events, piped.tenantId, demo[i]!, "bench");
    });
    await runtime.executor!.runUntilIdle({ timeoutMs: 600_000 });
  });
  await runtime.stop();
  const byStatus = await withTenant(db, piped.tenantId, (tx) =>
    tx.select({ status: orders.status, n: sql<number>`count(*)::int` }).from(orders).groupBy(orders.status),
  );
  // Every order must have run to the end of its road: a booked label, or a hold for a person
  // (some demo destinations need the recipient's customs id, which demo buyers do not give).
  const settled = byStatus
    .filter((s) => s.status === "label_created" || s.status === "on_hold")
    .reduce((sum, s) => sum + Number(s.n), 0);
  const breakdown = byStatus.map((s) => `${s.status} ${s.n}`).join(", ");
  if (settled !== count) throw new Error(`pipeline bench: ${settled} of ${count} orders settled (${breakdown})`);
  pipeline.label = `${pipeline.label} (${breakdown})`;

  const raw = await stockedTenant(db, "bench-raw", 0);
  const baseline = await measure("baseline: batched insert of the same rows", count, async () => {
    await insertOrdersRaw(db, raw.tenantId, demo);
  });
  return [pipeline, baseline];
}
