import { getProductBySku, productToApi, recordAudit, upsertProduct } from "@crossflow/db";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { Product, ProductInput, Sku } from "./products.schemas";

export const productsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

productsRoutes.openapi(
  createRoute({
    method: "post",
    path: "/products",
    tags: ["Catalog"],
    summary: "Create or update a product (keyed by SKU)",
    request: { headers: IdempotencyHeader, body: jsonBody(ProductInput) },
    responses: {
      201: jsonResponse(Product, "Created"),
      200: jsonResponse(Product, "An existing SKU was updated"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { tenant } = c.var;
    const { product, created } = await tenant.run(async (tx) => {
      const before = await getProductBySku(tx, input.sku);
      const result = await upsertProduct(tx, tenant.tenantId, input);
      await recordAudit(tx, {
        tenantId: tenant.tenantId,
        actor: tenant.actor,
        action: result.created ? "product.created" : "product.updated",
        entity: "product",
        entityId: result.product.id,
        before: before ? productToApi(before) : null,
        after: productToApi(result.product),
      });
      return result;
    });
    return c.json(productToApi(product), created ? 201 : 200);
  },
);

productsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/products/{sku}",
    tags: ["Catalog"],
    summary: "Get a product by SKU",
    request: { params: z.object({ sku: Sku }) },
    responses: { 200: jsonResponse(Product, "The product"), ...errorResponses },
  }),
  async (c) => {
    const { sku } = c.req.valid("param");
    const product = await c.var.tenant.run((tx) => getProductBySku(tx, sku));
    if (!product) throw new ApiError("not_found", `No product with SKU ${sku}`);
    return c.json(productToApi(product), 200);
  },
);
