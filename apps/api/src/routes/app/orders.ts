import { getOrderDetail, listOrders, orderFacets, orderOverview } from "@crossflow/db";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { requireMerchant, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";
import { OrderListQuery } from "../v1/orders.schemas";

/** The merchant console's backend: same data as /v1, authenticated by the staff session. */
export const consoleRoutes = new Hono<AppEnv>();
for (const path of ["/overview", "/facets", "/orders", "/orders/*"])
  consoleRoutes.use(path, sessionAuth, requireMerchant);

consoleRoutes.get("/overview", async (c) => c.json(await c.var.tenant.run((tx) => orderOverview(tx))));

consoleRoutes.get("/facets", async (c) => c.json(await c.var.tenant.run((tx) => orderFacets(tx))));

consoleRoutes.get("/orders", async (c) => {
  const parsed = OrderListQuery.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid filter", zodDetails(parsed.error));
  return c.json(await c.var.tenant.run((tx) => listOrders(tx, parsed.data)));
});

consoleRoutes.get("/orders/:id", async (c) => {
  const id = c.req.param("id");
  const order = await c.var.tenant.run((tx) => getOrderDetail(tx, id));
  if (!order) throw new ApiError("not_found", `No order ${id}`);
  return c.json(order);
});
