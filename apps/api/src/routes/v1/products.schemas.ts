import { z } from "@hono/zod-openapi";
import { CountryCode, CurrencyCode, MinorUnits } from "./common.schemas";

export const Sku = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { message: "letters, digits and . _ - / only" })
  .openapi({ example: "TEE-RED-M" });

export const ProductInput = z
  .object({
    sku: Sku,
    title: z.string().trim().min(1).max(500),
    hsCode: z
      .string()
      .regex(/^\d{6,10}$/, { message: "must be 6 to 10 digits (HS code with optional national extension)" })
      .optional(),
    originCountry: CountryCode.optional(),
    customsDescription: z.string().trim().min(3).max(300).optional(),
    customsValue: MinorUnits.optional(),
    currency: CurrencyCode,
    weightGrams: z.number().int().positive().max(1_000_000).optional(),
    dimensionsMm: z
      .object({
        length: z.number().int().positive().max(10_000),
        width: z.number().int().positive().max(10_000),
        height: z.number().int().positive().max(10_000),
      })
      .optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  })
  .openapi("ProductInput");

export const Product = z
  .object({
    id: z.string().openapi({ example: "prd_01hx…" }),
    sku: z.string(),
    title: z.string(),
    hsCode: z.string().nullable(),
    originCountry: z.string().nullable(),
    customsDescription: z.string().nullable(),
    customsValue: z.number().int().nullable(),
    currency: z.string(),
    weightGrams: z.number().int().nullable(),
    dimensionsMm: z.object({ length: z.number(), width: z.number(), height: z.number() }).nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Product");
