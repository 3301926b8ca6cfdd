import { z } from "@hono/zod-openapi";
import { Sku } from "./products.schemas";

export const InventoryAdjustmentInput = z
  .object({
    sku: Sku,
    warehouseId: z.string().regex(/^wh_[0-9a-z]{26}$/, { message: "must be a warehouse id (wh_…)" }),
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0, { message: "must not be zero" })
      .refine((n) => Math.abs(n) <= 10_000_000, { message: "is unreasonably large" }),
    reason: z.string().trim().min(1).max(200).openapi({ example: "receipt" }),
  })
  .openapi("InventoryAdjustmentInput");

const Levels = { onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() };

export const InventoryLevel = z
  .object({ sku: z.string(), ...Levels, warehouses: z.array(z.object({ warehouseId: z.string(), ...Levels })) })
  .openapi("Inventory");

export const InventoryAdjustment = z
  .object({ sku: z.string(), warehouseId: z.string(), delta: z.number().int(), reason: z.string(), ...Levels })
  .openapi("InventoryAdjustment");
