import { newId } from "@crossflow/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { shipments } from "../schema/shipments";

export async function listOrderShipments(tx: Tx, orderId: string) {
  return tx.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.id));
}

/** A shipment planned with a chosen carrier service; the label step turns it into a real one. */
export async function planShipment(
  tx: Tx,
  input: {
    tenantId: string;
    orderId: string;
    warehouseId: string;
    carrier: string;
    service: string;
    weightGrams: number;
  },
) {
  const [row] = await tx
    .insert(shipments)
    .values({ id: newId("shp"), ...input, status: "planned" })
    .returning();
  return row!;
}

/** Drops shipments that were only planned (no label yet): a reviewer changed what they were planned on. */
export async function discardPlannedShipments(tx: Tx, orderId: string) {
  return tx
    .delete(shipments)
    .where(and(eq(shipments.orderId, orderId), eq(shipments.status, "planned")))
    .returning({ id: shipments.id });
}
