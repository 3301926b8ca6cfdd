import { createWarehouse, getWarehouseByCode, listWarehouses, recordAudit, warehouseToApi } from "@crossflow/db";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { Warehouse, WarehouseInput } from "./warehouses.schemas";

export const warehousesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

warehousesRoutes.openapi(
  createRoute({
    method: "post",
    path: "/warehouses",
    tags: ["Warehouses"],
    summary: "Create a warehouse (own, 3PL or supplier)",
    request: { headers: IdempotencyHeader, body: jsonBody(WarehouseInput) },
    responses: { 201: jsonResponse(Warehouse, "Created"), ...errorResponses },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { tenant } = c.var;
    const row = await tenant.run(async (tx) => {
      if (await getWarehouseByCode(tx, input.code)) {
        throw new ApiError("conflict", `A warehouse with code ${input.code} already exists`, [
          { path: "code", message: "already in use" },
        ]);
      }
      const created = await createWarehouse(tx, tenant.tenantId, input);
      await recordAudit(tx, {
        tenantId: tenant.tenantId,
        actor: tenant.actor,
        action: "warehouse.created",
        entity: "warehouse",
        entityId: created.id,
        after: warehouseToApi(created),
      });
      return created;
    });
    return c.json(warehouseToApi(row), 201);
  },
);

warehousesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/warehouses",
    tags: ["Warehouses"],
    summary: "List warehouses",
    responses: {
      200: jsonResponse(z.object({ data: z.array(Warehouse) }), "All warehouses, by code"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const rows = await c.var.tenant.run((tx) => listWarehouses(tx));
    return c.json({ data: rows.map(warehouseToApi) }, 200);
  },
);
