import { findOrderForShopper } from "@crossflow/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { rateLimit } from "../../middleware/rate-limit";
import { zodDetails } from "../../validation";

/** The public customer portal's backend: no account, an order number plus the buyer's e-mail. */
export const portalRoutes = new Hono<AppEnv>();

const Lookup = z.object({
  orderNumber: z.string().trim().min(1).max(100),
  email: z.email().max(320),
});

portalRoutes.post("/lookup", rateLimit({ limit: 20, windowMs: 60_000 }), async (c) => {
  const parsed = Lookup.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError("validation_failed", "Enter your order number and e-mail", zodDetails(parsed.error));
  const found = await findOrderForShopper(c.var.deps.db, parsed.data.orderNumber, parsed.data.email);
  // One answer for a wrong number and a wrong e-mail, so neither can be probed alone.
  if (!found) throw new ApiError("not_found", "We could not find an order with that number and e-mail");
  const { order, merchantName } = found;
  return c.json({
    orderNumber: order.externalId,
    merchantName,
    status: order.status,
    currency: order.currency,
    total: order.total,
    placedAt: order.placedAt,
    locale: order.customer.locale,
    shipTo: {
      name: order.shippingAddress.name,
      city: order.shippingAddress.city,
      postalCode: order.shippingAddress.postalCode ?? null,
      country: order.shippingAddress.country,
    },
    lines: order.lines.map((l) => ({ title: l.title, quantity: l.quantity })),
    // Internal notes (risk reasons, staff comments) stay internal: the portal shows localized statuses.
    timeline: order.timeline.map((t) => ({ at: t.at, status: t.status, message: null })),
  });
});
