import { newId } from "@crossflow/domain";
import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import type { Address } from "../schema/columns";
import { warehouses } from "../schema/warehouses";

export type WarehouseRow = typeof warehouses.$inferSelect;

export async function createWarehouse(
  tx: Tx,
  tenantId: string,
  input: { code: string; name: string; kind: "own" | "3pl" | "supplier"; address: Address; partnerId?: string | null },
) {
  const [row] = await tx
    .insert(warehouses)
    .values({
      id: newId("wh"),
      tenantId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      partnerId: input.partnerId ?? null,
      country: input.address.country,
      address: input.address,
    })
    .returning();
  return row!;
}

export async function listWarehouses(tx: Tx) {
  return tx.select().from(warehouses).orderBy(asc(warehouses.code));
}

export async function getWarehouse(tx: Tx, id: string) {
  const [row] = await tx.select().from(warehouses).where(eq(warehouses.id, id));
  return row ?? null;
}

export async function getWarehouseByCode(tx: Tx, code: string) {
  const [row] = await tx.select().from(warehouses).where(eq(warehouses.code, code));
  return row ?? null;
}

export async function listPartnerWarehouses(tx: Tx, partnerId: string) {
  return tx.select().from(warehouses).where(eq(warehouses.partnerId, partnerId)).orderBy(asc(warehouses.code));
}

export async function getWarehousesByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(warehouses).where(inArray(warehouses.id, ids));
}

export function warehouseToApi(row: WarehouseRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    country: row.country,
    address: row.address,
    partnerId: row.partnerId,
    createdAt: row.createdAt.toISOString(),
  };
}
