import { getOrderDetail, listOrders, listWarehouses, orderFacets, orderOverview } from "@crossflow/db";
import { listCarrierServices } from "@crossflow/domain";
import { cancelOrder, changeShippingAddress, releaseHold, reviseHeldOrder } from "@crossflow/pipeline/intake";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { sendDocument } from "../../documents";
import { ApiError } from "../../errors";
import { requireMerchant, requireOperator, sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";
import { shipmentVoider } from "../../void-shipment";
import { Address } from "../v1/common.schemas";
import { OrderListQuery } from "../v1/orders.schemas";

/** The merchant console's backend: same data as /v1, authenticated by the staff session. */
export const consoleRoutes = new Hono<AppEnv>();
for (const path of ["/overview", "/facets", "/options", "/orders", "/orders/*", "/documents/*"])
  consoleRoutes.use(path, sessionAuth, requireMerchant);

consoleRoutes.get("/overview", async (c) => c.json(await c.var.tenant.run((tx) => orderOverview(tx))));

consoleRoutes.get("/facets", async (c) => c.json(await c.var.tenant.run((tx) => orderFacets(tx))));

/** What a reviewer may pick from when correcting an order: the tenant's warehouses and every carrier service. */
consoleRoutes.get("/options", async (c) => {
  const warehouses = await c.var.tenant.run((tx) => listWarehouses(tx));
  return c.json({
    warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, kind: w.kind, country: w.country })),
    carriers: listCarrierServices(),
  });
});

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

const Release = z.object({
  note: z.string().trim().max(500).optional(),
  overrides: z.array(z.string().max(64)).max(20).optional(),
});
const Revise = z.object({
  note: z.string().trim().max(500).optional(),
  overrides: z.array(z.string().max(64)).max(20).optional(),
  shippingAddress: Address.optional(),
  warehouseId: z.string().min(1).max(64).optional(),
  carrier: z.object({ carrier: z.string().min(1).max(64), service: z.string().min(1).max(64).optional() }).optional(),
});
const ChangeAddress = z.object({ shippingAddress: Address, note: z.string().trim().max(500).optional() });
const Cancel = z.object({ reason: z.string().trim().min(1).max(500).optional() });
const Bulk = z.object({
  action: z.enum(["release", "cancel"]),
  orderIds: z.array(z.string().max(64)).min(1).max(200),
  note: z.string().trim().max(500).optional(),
  overrides: z.array(z.string().max(64)).max(20).optional(),
});

async function body<T extends z.ZodType>(c: { req: { json(): Promise<unknown> } }, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => ({})));
  if (!parsed.success) throw new ApiError("validation_failed", "Invalid request", zodDetails(parsed.error));
  return parsed.data;
}

consoleRoutes.post("/orders/:id/release", requireOperator, async (c) => {
  const input = await body(c, Release);
  const { tenant, deps } = c.var;
  const order = await releaseHold(deps.db, deps.events, {
    tenantId: tenant.tenantId,
    orderId: c.req.param("id"),
    actor: tenant.actor,
    ...input,
  });
  if (!order) throw new ApiError("not_found", `No order ${c.req.param("id")}`);
  return c.json(order);
});

/** A document of an order, for the console's download links (same file as /v1/documents/{id}). */
consoleRoutes.get("/documents/:id", (c) => sendDocument(c, c.req.param("id"), (fn) => c.var.tenant.run(fn)));

/** Correct a held order (address, warehouse, carrier) and release it in one go. */
consoleRoutes.post("/orders/:id/revise", requireOperator, async (c) => {
  const input = await body(c, Revise);
  const { tenant, deps } = c.var;
  const order = await reviseHeldOrder(deps.db, deps.events, {
    tenantId: tenant.tenantId,
    orderId: c.req.param("id"),
    actor: tenant.actor,
    ...input,
  });
  if (!order) throw new ApiError("not_found", `No order ${c.req.param("id")}`);
  return c.json(order);
});

/** A new shipping address before the parcel leaves: labels are voided and the order runs again. */
consoleRoutes.post("/orders/:id/address", requireOperator, async (c) => {
  const input = await body(c, ChangeAddress);
  const { tenant, deps } = c.var;
  const order = await changeShippingAddress(deps.db, deps.events, {
    tenantId: tenant.tenantId,
    orderId: c.req.param("id"),
    actor: tenant.actor,
    address: input.shippingAddress,
    note: input.note,
    voidShipment: shipmentVoider(deps),
  });
  if (!order) throw new ApiError("not_found", `No order ${c.req.param("id")}`);
  return c.json(order);
});

consoleRoutes.post("/orders/:id/cancel", requireOperator, async (c) => {
  const input = await body(c, Cancel);
  const { tenant, deps } = c.var;
  const order = await cancelOrder(deps.db, deps.events, {
    tenantId: tenant.tenantId,
    orderId: c.req.param("id"),
    actor: tenant.actor,
    reason: input.reason,
  });
  if (!order) throw new ApiError("not_found", `No order ${c.req.param("id")}`);
  return c.json(order);
});

/** The exception queue's bulk actions: each order succeeds or fails on its own. */
consoleRoutes.post("/orders/bulk", requireOperator, async (c) => {
  const input = await body(c, Bulk);
  const { tenant, deps } = c.var;
  const results = [];
  for (const orderId of input.orderIds) {
    try {
      const order =
        input.action === "release"
          ? await releaseHold(deps.db, deps.events, {
              tenantId: tenant.tenantId,
              orderId,
              actor: tenant.actor,
              note: input.note,
              overrides: input.overrides,
            })
          : await cancelOrder(deps.db, deps.events, {
              tenantId: tenant.tenantId,
              orderId,
              actor: tenant.actor,
              reason: input.note,
            });
      results.push(order ? { orderId, ok: true, status: order.status } : { orderId, ok: false, error: "not_found" });
    } catch (error) {
      const e = error as Error & { code?: string };
      results.push({ orderId, ok: false, error: e.code ?? "failed", message: e.message });
    }
  }
  return c.json({ results });
});
