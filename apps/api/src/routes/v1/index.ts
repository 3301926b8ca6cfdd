import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { apiKeyAuth } from "../../middleware/api-key-auth";
import { idempotency } from "../../middleware/idempotency";
import { validationHook } from "../../validation";
import { renderDocsPage } from "./docs-page";
import { documentsRoutes } from "./documents";
import { inventoryRoutes } from "./inventory";
import { landedCostRoutes } from "./landed-cost";
import { ordersRoutes } from "./orders";
import { productsRoutes } from "./products";
import { quotesRoutes } from "./quotes";
import { warehousesRoutes } from "./warehouses";

const DOC_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Crossflow API",
    version: "1.0.0",
    description:
      'Cross-border order automation. JSON, camelCase; amounts are integers in minor units of the body\'s currency; countries ISO 3166-1 alpha-2. Authenticate with `Authorization: Bearer <API key>`. Every write accepts `Idempotency-Key`. Errors: {"error": {"code", "message", "details"}}.',
  },
  servers: [{ url: "/v1" }],
  security: [{ bearerAuth: [] }],
};

export function createV1() {
  const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  v1.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "Merchant API key",
  });

  const document = () => v1.getOpenAPI31Document(DOC_CONFIG);
  v1.get("/openapi.json", (c) => c.json(document()));
  v1.get("/docs", (c) => c.html(renderDocsPage(document() as unknown as Parameters<typeof renderDocsPage>[0])));

  v1.use("*", apiKeyAuth, idempotency);
  v1.route("/", productsRoutes);
  v1.route("/", warehousesRoutes);
  v1.route("/", inventoryRoutes);
  v1.route("/", ordersRoutes);
  v1.route("/", documentsRoutes);
  v1.route("/", quotesRoutes);
  v1.route("/", landedCostRoutes);
  return v1;
}
