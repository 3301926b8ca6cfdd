// pnpm bench: throughput figures on the real PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432),
// each beside a baseline measured in the same run, so the ratios mean something on any machine.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@crossflow/db/testing";
import type { Measurement } from "./measure";
import { benchPipeline } from "./pipeline";
import { benchReservations } from "./reservations";
import { benchRules } from "./rules";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);
const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 1000);
const CONCURRENCY = 10;

process.env.DATABASE_POOL_SIZE ??= String(CONCURRENCY + 4);
const database = await createTestDatabase("cf_bench");
const rows: Array<{ name: string; subject: Measurement; baseline: Measurement }> = [];
try {
  const [pipeline, raw] = await benchPipeline(database.db, ORDERS);
  rows.push({ name: "(a) pipeline throughput", subject: pipeline!, baseline: raw! });
  const [reserve, plain] = await benchReservations(database.db, RESERVATIONS, CONCURRENCY);
  rows.push({ name: "(b) hot-SKU reservations", subject: reserve!, baseline: plain! });
} finally {
  await database.destroy();
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
console.log("\n| benchmark | subject | ops/s | baseline | ops/s | ratio |\n|---|---|---:|---|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.subject.label} | ${fmt(r.subject.perSecond)} | ${r.baseline.label} | ${fmt(r.baseline.perSecond)} | ${(r.subject.perSecond / r.baseline.perSecond).toFixed(3)} |`,
  );
}
const rules = benchRules();
console.log(`| (c) rules engine | evaluations of a 50-rule set | ${fmt(rules.perSecond)} | — | — | — |`);
const out = resolve(dirname(fileURLToPath(import.meta.url)), "../results/latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), orders: ORDERS, reservations: RESERVATIONS, concurrency: CONCURRENCY, rows, rulesEvaluationsPerSecond: rules.perSecond }, null, 2)}\n`,
);
console.log(`\nwritten to ${out}`);
