import { and, asc, eq, gt, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { inventoryLevels } from "../schema/inventory-levels";
import { orderLines } from "../schema/order-lines";
import { orders } from "../schema/orders";
import { products } from "../schema/products";
import type { ProductRow } from "./products";

// The console's catalog: products page by page with their stock, customs edits, and the held
// orders that wait for a product's customs data.

export interface CatalogPageFilter {
  q?: string;
  /** Products after this SKU (SKUs sort as text). */
  afterSku?: string;
  limit: number;
}

/** Products in SKU order; `q` matches SKU, title, HS code (with or without dots) or customs description. */
export async function listCatalogProducts(tx: Tx, filter: CatalogPageFilter): Promise<ProductRow[]> {
  const conditions: SQL[] = [];
  if (filter.afterSku !== undefined) conditions.push(gt(products.sku, filter.afterSku));
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/[\s.-]/g, "");
    const matches = [ilike(products.sku, like), ilike(products.title, like), ilike(products.customsDescription, like)];
    if (/^\d+$/.test(digits)) matches.push(ilike(products.hsCode, `${digits}%`));
    conditions.push(or(...matches)!);
  }
  return tx
    .select()
    .from(products)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(products.sku))
    .limit(filter.limit);
}

/** Every product's customs columns only: enough to count the SKUs that are not ready for customs. */
export async function catalogCustomsColumns(tx: Tx) {
  return tx
    .select({
      sku: products.sku,
      hsCode: products.hsCode,
      originCountry: products.originCountry,
      customsDescription: products.customsDescription,
      customsValue: products.customsValue,
      currency: products.currency,
    })
    .from(products);
}

export interface StockTotal {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** Stock of each SKU summed over all warehouses (SKUs without stock rows are left out). */
export async function catalogStockBySku(tx: Tx, skus: string[]): Promise<Map<string, StockTotal>> {
  if (skus.length === 0) return new Map();
  const rows = await tx
    .select({
      sku: inventoryLevels.sku,
      onHand: sql<number>`coalesce(sum(${inventoryLevels.onHand}), 0)::int`,
      reserved: sql<number>`coalesce(sum(${inventoryLevels.reserved}), 0)::int`,
    })
    .from(inventoryLevels)
    .where(inArray(inventoryLevels.sku, skus))
    .groupBy(inventoryLevels.sku);
  return new Map(
    rows.map((r) => {
      const onHand = Number(r.onHand);
      const reserved = Number(r.reserved);
      return [r.sku, { sku: r.sku, onHand, reserved, available: onHand - reserved }];
    }),
  );
}

export interface ProductCustomsPatch {
  hsCode?: string | null;
  originCountry?: string | null;
  customsDescription?: string | null;
  customsValue?: number | null;
  weightGrams?: number | null;
  dimensionsMm?: { length: number; width: number; height: number } | null;
}

/** Changes only the given fields of a product's customs and shipping data. */
export async function updateProductCustoms(tx: Tx, id: string, patch: ProductCustomsPatch): Promise<ProductRow> {
  const set: Partial<typeof products.$inferInsert> = { updatedAt: new Date() };
  if (patch.hsCode !== undefined) set.hsCode = patch.hsCode;
  if (patch.originCountry !== undefined) set.originCountry = patch.originCountry;
  if (patch.customsDescription !== undefined) set.customsDescription = patch.customsDescription;
  if (patch.customsValue !== undefined) set.customsValue = patch.customsValue;
  if (patch.weightGrams !== undefined) set.weightGrams = patch.weightGrams;
  if (patch.dimensionsMm !== undefined) {
    set.lengthMm = patch.dimensionsMm?.length ?? null;
    set.widthMm = patch.dimensionsMm?.width ?? null;
    set.heightMm = patch.dimensionsMm?.height ?? null;
  }
  const [row] = await tx.update(products).set(set).where(eq(products.id, id)).returning();
  if (!row) throw new Error(`product ${id} vanished during the update`);
  return row;
}

/**
 * Orders on hold because of this SKU's customs data. The document step names each SKU at
 * fault in the hold message ("Customs data missing for SKU-1: …| SKU-2: …"); when the hold
 * instead carries a landed-cost error, which names no SKU, an order line with the SKU counts.
 */
export async function ordersHeldForSkuCustoms(tx: Tx, sku: string, limit = 20) {
  const hold = sql`jsonb_array_elements(${orders.holds})`;
  const rows = await tx
    .select({ id: orders.id, externalId: orders.externalId })
    .from(orders)
    .where(
      and(
        eq(orders.status, "on_hold"),
        sql`exists (
          select 1 from ${hold} as h
          where h->>'code' = 'customs_data_missing'
            and (
              position(${`for ${sku}:`} in h->>'message') > 0
              or position(${`| ${sku}:`} in h->>'message') > 0
              or (
                h->>'message' not like 'Customs data missing for %'
                and exists (select 1 from ${orderLines} where ${orderLines.orderId} = ${orders.id} and ${orderLines.sku} = ${sku})
              )
            )
        )`,
      ),
    )
    .orderBy(asc(orders.id));
  return { count: rows.length, orders: rows.slice(0, limit) };
}
