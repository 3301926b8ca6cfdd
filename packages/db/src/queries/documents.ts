import { newId } from "@crossflow/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { documents } from "../schema/documents";
import { orders } from "../schema/orders";

export type DocumentRow = typeof documents.$inferSelect;

/** Records a stored document; the same kind for the same shipment is replaced, not duplicated. */
export async function saveDocument(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    shipmentId: string | null;
    kind: string;
    contentType: string;
    storageKey: string;
  },
) {
  await tx
    .delete(documents)
    .where(
      and(
        eq(documents.orderId, input.orderId),
        eq(documents.kind, input.kind),
        input.shipmentId ? eq(documents.shipmentId, input.shipmentId) : undefined,
      ),
    );
  const [row] = await tx
    .insert(documents)
    .values({ id: newId("doc"), ...input })
    .returning();
  return row!;
}

export async function getDocument(tx: Tx, id: string) {
  const [row] = await tx.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

export async function listOrderDocuments(tx: Tx, orderId: string) {
  return tx.select().from(documents).where(eq(documents.orderId, orderId)).orderBy(asc(documents.id));
}

export async function setLandedCost(tx: Tx, orderId: string, landedCost: unknown) {
  await tx.update(orders).set({ landedCost, updatedAt: new Date() }).where(eq(orders.id, orderId));
}

/** Forgets an order's documents (their facts changed; the pipeline renders new ones). */
export async function deleteOrderDocuments(tx: Tx, orderId: string) {
  return tx.delete(documents).where(eq(documents.orderId, orderId)).returning({ id: documents.id });
}
