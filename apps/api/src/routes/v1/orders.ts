import { getOrderDetail, listOrders } from "@crossflow/db";
import { cancelOrder, receiveOrder } from "@crossflow/pipeline/intake";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { validationHook } from "../../validation";
import { errorResponses, IdempotencyHeader, jsonBody, jsonResponse } from "./common.schemas";
import { CancelInput, Order, OrderInput, OrderList, OrderListQuery } from "./orders.schemas";

export const ordersRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const OrderId = z.object({ id: z.string().max(64).openapi({ example: "ord_01hx…" }) });

ordersRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders",
    tags: ["Orders"],
    summary: "Create an order (channel `api`) and start its pipeline",
    description:
      "Returns 202 while the pipeline runs (payment check → screening → allocation). Sending the same externalId again returns the existing order with 200 and creates nothing.",
    request: { headers: IdempotencyHeader, body: jsonBody(OrderInput) },
    responses: {
      202: jsonResponse(Order, "Accepted; the pipeline is running"),
      200: jsonResponse(Order, "This externalId already exists; the stored order"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { tenant, deps } = c.var;
    const { order, created } = await receiveOrder(
      deps.db,
      deps.events,
      tenant.tenantId,
      { ...input, channel: "api", placedAt: input.placedAt ? new Date(input.placedAt) : undefined },
      tenant.actor,
    );
    return c.json(order, created ? 202 : 200);
  },
);

ordersRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders",
    tags: ["Orders"],
    summary: "List orders, newest first, cursor-paginated",
    request: { query: OrderListQuery },
    responses: {
      200: jsonResponse(OrderList, "A page of orders; pass nextCursor as cursor for the next"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const query = c.req.valid("query");
    return c.json(await c.var.tenant.run((tx) => listOrders(tx, query)), 200);
  },
);

ordersRoutes.openapi(
  createRoute({
    method: "get",
    path: "/orders/{id}",
    tags: ["Orders"],
    summary: "An order with its status, decisions (and why), holds, shipments, documents and timeline",
    request: { params: OrderId },
    responses: { 200: jsonResponse(Order, "The order"), ...errorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const order = await c.var.tenant.run((tx) => getOrderDetail(tx, id));
    if (!order) throw new ApiError("not_found", `No order ${id}`);
    return c.json(order, 200);
  },
);

ordersRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/{id}/cancel",
    tags: ["Orders"],
    summary: "Cancel an order that has not been handed to the carrier, releasing its stock",
    request: {
      params: OrderId,
      headers: IdempotencyHeader,
      body: { required: false, content: { "application/json": { schema: CancelInput } } },
    },
    responses: { 200: jsonResponse(Order, "Cancelled (or already was)"), ...errorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    const { tenant, deps } = c.var;
    const order = await cancelOrder(deps.db, deps.events, {
      tenantId: tenant.tenantId,
      orderId: id,
      actor: tenant.actor,
      reason: body.reason,
    });
    if (!order) throw new ApiError("not_found", `No order ${id}`);
    return c.json(order, 200);
  },
);
