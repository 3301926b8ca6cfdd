import { z } from "@hono/zod-openapi";
import { Address } from "./common.schemas";

export const WarehouseInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9_-]+$/, { message: "letters, digits, _ and - only" })
      .openapi({ example: "SZX1" }),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(["own", "3pl", "supplier"]),
    address: Address,
  })
  .openapi("WarehouseInput");

export const Warehouse = z
  .object({
    id: z.string().openapi({ example: "wh_01hx…" }),
    code: z.string(),
    name: z.string(),
    kind: z.enum(["own", "3pl", "supplier"]),
    country: z.string(),
    address: Address,
    partnerId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Warehouse");
