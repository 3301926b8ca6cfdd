import { newId } from "@crossflow/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { products } from "../schema/products";

export interface ProductInput {
  sku: string;
  title: string;
  hsCode?: string | null;
  originCountry?: string | null;
  customsDescription?: string | null;
  customsValue?: number | null;
  currency: string;
  weightGrams?: number | null;
  dimensionsMm?: { length: number; width: number; height: number } | null;
  tags?: string[];
}

export type ProductRow = typeof products.$inferSelect;

/** Creates the SKU or replaces its catalog data (a product is keyed by tenant + SKU). */
export async function upsertProduct(
  tx: Tx,
  tenantId: string,
  input: ProductInput,
): Promise<{ product: ProductRow; created: boolean }> {
  const values = {
    title: input.title,
    hsCode: input.hsCode ?? null,
    originCountry: input.originCountry ?? null,
    customsDescription: input.customsDescription ?? null,
    customsValue: input.customsValue ?? null,
    currency: input.currency,
    weightGrams: input.weightGrams ?? null,
    lengthMm: input.dimensionsMm?.length ?? null,
    widthMm: input.dimensionsMm?.width ?? null,
    heightMm: input.dimensionsMm?.height ?? null,
    tags: input.tags ?? [],
  };
  const existing = await getProductBySku(tx, input.sku);
  if (existing) {
    const [row] = await tx
      .update(products)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(products.id, existing.id))
      .returning();
    return { product: row!, created: false };
  }
  const [row] = await tx
    .insert(products)
    .values({ id: newId("prd"), tenantId, sku: input.sku, ...values })
    .returning();
  return { product: row!, created: true };
}

export async function getProductBySku(tx: Tx, sku: string) {
  const [row] = await tx.select().from(products).where(eq(products.sku, sku));
  return row ?? null;
}

export async function getProductsBySkus(tx: Tx, skus: string[]) {
  if (skus.length === 0) return [];
  return tx
    .select()
    .from(products)
    .where(and(inArray(products.sku, skus)));
}

/** The product's box in millimetres, or null when any side is unknown. */
export function productDimensions(row: Pick<ProductRow, "lengthMm" | "widthMm" | "heightMm">) {
  return row.lengthMm !== null && row.widthMm !== null && row.heightMm !== null
    ? { length: row.lengthMm, width: row.widthMm, height: row.heightMm }
    : null;
}

export function productToApi(row: ProductRow) {
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    hsCode: row.hsCode,
    originCountry: row.originCountry,
    customsDescription: row.customsDescription,
    customsValue: row.customsValue,
    currency: row.currency,
    weightGrams: row.weightGrams,
    dimensionsMm: productDimensions(row),
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
