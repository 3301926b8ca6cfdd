import { adjustInventory, getInventory, getWarehouse, recordAudit } from "@crossflow/db";
import { stockChangedEvent } from "@crossflow/pipeline";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { InventoryAdjustment, InventoryAdjustmentInput, InventoryLevel } from "./inventory.schemas";
import { Sku } from "./products.schemas";

export const inventoryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

inventoryRoutes.openapi(
  createRoute({
    method: "get",
    path: "/inventory",
    tags: ["Inventory"],
    summary: "Stock of one SKU per warehouse",
    request: { query: z.object({ sku: Sku }) },
    responses: { 200: jsonResponse(InventoryLevel, "On hand, reserved and available"), ...errorResponses },
  }),
  async (c) => {
    const { sku } = c.req.valid("query");
    return c.json(await c.var.tenant.run((tx) => getInventory(tx, sku)), 200);
  },
);

inventoryRoutes.openapi(
  createRoute({
    method: "post",
    path: "/inventory/adjustments",
    tags: ["Inventory"],
    summary: "Add or remove stock on hand (receipt, count correction, damage…)",
    request: { headers: IdempotencyHeader, body: jsonBody(InventoryAdjustmentInput) },
    responses: { 201: jsonResponse(InventoryAdjustment, "Applied"), ...errorResponses },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { tenant } = c.var;
    const level = await tenant.run(async (tx) => {
      if (!(await getWarehouse(tx, input.warehouseId))) {
        throw new ApiError("not_found", `No warehouse ${input.warehouseId}`, [
          { path: "warehouseId", message: "unknown warehouse" },
        ]);
      }
      const level = await adjustInventory(tx, { tenantId: tenant.tenantId, ...input, actor: tenant.actor });
      await recordAudit(tx, {
        tenantId: tenant.tenantId,
        actor: tenant.actor,
        action: "inventory.adjusted",
        entity: "inventory",
        entityId: `${input.warehouseId}:${input.sku}`,
        before: { onHand: level.onHand - input.delta, reserved: level.reserved },
        after: { onHand: level.onHand, reserved: level.reserved, reason: input.reason },
      });
      return level;
    });
    await c.var.deps.events.send(stockChangedEvent(tenant.tenantId));
    return c.json(
      {
        sku: input.sku,
        warehouseId: input.warehouseId,
        delta: input.delta,
        reason: input.reason,
        onHand: level.onHand,
        reserved: level.reserved,
        available: level.onHand - level.reserved,
      },
      201,
    );
  },
);
