import { newId } from "@crossflow/domain";
import { desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { type ImportRowError, orderImports } from "../schema/order-imports";

export type OrderImportRow = typeof orderImports.$inferSelect;

export async function createOrderImport(
  tx: Tx,
  input: {
    tenantId: string;
    fileName: string;
    contentBase64: string;
    mapping: Record<string, string>;
    createdBy: string;
  },
) {
  const [row] = await tx
    .insert(orderImports)
    .values({ id: newId("imp"), ...input })
    .returning();
  return row!;
}

export async function getOrderImport(tx: Tx, id: string) {
  const [row] = await tx.select().from(orderImports).where(eq(orderImports.id, id));
  return row ?? null;
}

export async function listOrderImports(tx: Tx, limit = 20) {
  return tx
    .select({
      id: orderImports.id,
      fileName: orderImports.fileName,
      status: orderImports.status,
      total: orderImports.total,
      processed: orderImports.processed,
      imported: orderImports.imported,
      duplicates: orderImports.duplicates,
      failedRows: orderImports.failedRows,
      createdBy: orderImports.createdBy,
      createdAt: orderImports.createdAt,
      finishedAt: orderImports.finishedAt,
    })
    .from(orderImports)
    .orderBy(desc(orderImports.createdAt))
    .limit(limit);
}

export async function startOrderImport(
  tx: Tx,
  id: string,
  input: { total: number; errors: ImportRowError[]; failedRows: number },
) {
  await tx
    .update(orderImports)
    // A retried run starts counting again; intake dedupes the orders it already stored.
    .set({
      status: "running",
      total: input.total,
      errors: input.errors,
      failedRows: input.failedRows,
      processed: 0,
      imported: 0,
      duplicates: 0,
    })
    .where(eq(orderImports.id, id));
}

export async function recordImportProgress(
  tx: Tx,
  id: string,
  delta: { processed: number; imported: number; duplicates: number; failedRows?: number; errors?: ImportRowError[] },
) {
  await tx
    .update(orderImports)
    .set({
      processed: sql`${orderImports.processed} + ${delta.processed}`,
      imported: sql`${orderImports.imported} + ${delta.imported}`,
      duplicates: sql`${orderImports.duplicates} + ${delta.duplicates}`,
      failedRows: sql`${orderImports.failedRows} + ${delta.failedRows ?? 0}`,
      ...(delta.errors?.length
        ? { errors: sql`${orderImports.errors} || ${JSON.stringify(delta.errors)}::jsonb` }
        : {}),
    })
    .where(eq(orderImports.id, id));
}

export async function finishOrderImport(tx: Tx, id: string, outcome: { error?: string }) {
  await tx
    .update(orderImports)
    .set({
      status: outcome.error ? "failed" : "done",
      error: outcome.error ?? null,
      finishedAt: new Date(),
      // The file has been read; rows that failed are in the report.
      contentBase64: null,
    })
    .where(eq(orderImports.id, id));
}
