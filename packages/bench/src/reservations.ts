import { type Database, inventoryLevels, reserveStock, withTenant } from "@crossflow/db";
import { generateDemoOrders } from "@crossflow/integrations";
import { and, eq, sql } from "drizzle-orm";
import { insertOrdersRaw, stockedTenant } from "./fixtures";
import { type Measurement, measure, pool } from "./measure";

const SKU = "TEE-RED-M";

/**
 * (b) One hot SKU: many concurrent single-unit reservations through reserveStock (tenant
 * transaction, conditional update, allocation + ledger rows), beside a plain conditional
 * UPDATE loop on the same table with the same concurrency.
 */
export async function benchReservations(db: Database, count: number, concurrency: number): Promise<Measurement[]> {
  const hot = await stockedTenant(db, "bench-hot", count);
  const orderIds = await insertOrdersRaw(db, hot.tenantId, generateDemoOrders(count, { seed: 7 }));
  const reserved = await measure(`reserveStock × ${concurrency} concurrent`, count, async () => {
    await pool(count, concurrency, async (i) => {
      await withTenant(db, hot.tenantId, (tx) =>
        reserveStock(tx, {
          tenantId: hot.tenantId,
          orderId: orderIds[i]!,
          parts: [{ warehouseId: hot.warehouseId, lines: [{ sku: SKU, quantity: 1 }] }],
          actor: "bench",
        }),
      );
    });
  });
  const after = await withTenant(db, hot.tenantId, (tx) =>
    tx.select().from(inventoryLevels).where(eq(inventoryLevels.sku, SKU)),
  );
  if (after[0]?.reserved !== count)
    throw new Error(`reservation bench: reserved ${after[0]?.reserved}, expected ${count}`);

  const plain = await stockedTenant(db, "bench-plain", count);
  const baseline = await measure(`plain conditional UPDATE × ${concurrency} concurrent`, count, async () => {
    await pool(count, concurrency, async () => {
      await withTenant(db, plain.tenantId, (tx) =>
        tx
          .update(inventoryLevels)
          .set({ reserved: sql`${inventoryLevels.reserved} + 1` })
          .where(
            and(
              eq(inventoryLevels.warehouseId, plain.warehouseId),
              eq(inventoryLevels.sku, SKU),
              sql`${inventoryLevels.onHand} - ${inventoryLevels.reserved} >= 1`,
            ),
          ),
      );
    });
  });
  return [reserved, baseline];
}
