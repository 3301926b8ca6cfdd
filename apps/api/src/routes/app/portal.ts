import { createPortalToken, readPortalToken } from "@crossflow/auth";
import {
  findOrderForShopper,
  getCurrentTenant,
  getOrderDetail,
  getTenantSettings,
  type OrderDetail,
  withTenant,
} from "@crossflow/db";
import { checkAddress, type OrderStatus } from "@crossflow/domain";
import { ADDRESS_CHANGEABLE, changeShippingAddress } from "@crossflow/pipeline/intake";
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { sendDocument } from "../../documents";
import { ApiError } from "../../errors";
import { rateLimit } from "../../middleware/rate-limit";
import { zodDetails } from "../../validation";
import { shipmentVoider } from "../../void-shipment";
import { Address } from "../v1/common.schemas";

/**
 * The public customer portal's backend: no account. A shopper proves who they are with the
 * order number plus the buyer's e-mail (lookup), which yields a signed link token; the same
 * token comes in the customer e-mails. Everything else is addressed by that token.
 */
export const portalRoutes = new Hono<AppEnv>();

const Lookup = z.object({
  orderNumber: z.string().trim().min(1).max(100),
  email: z.email().max(320),
});

// One message for a forged, expired or foreign token, so none of them can be told apart.
const LINK_NOT_FOUND = "This order link is not valid or has expired";

const CARRIER_NAMES: Record<string, string> = {
  dhl_express: "DHL Express",
  dhl_parcel: "DHL Paket",
  ups: "UPS",
  fedex: "FedEx",
  usps: "USPS",
  "4px": "4PX",
  yanwen: "Yanwen",
  sf_express: "SF Express",
  demo: "Crossflow Post",
};

export interface PortalOrderScope {
  tenantId: string;
  order: OrderDetail;
  merchant: { name: string; color: string | null; logoUrl: string | null };
}

function readBrand(settings: unknown, tenantName: string): PortalOrderScope["merchant"] {
  const brand = ((settings ?? {}) as { brand?: Record<string, unknown> }).brand ?? {};
  const name = typeof brand.name === "string" && brand.name.trim() ? brand.name.trim() : tenantName;
  const color = typeof brand.color === "string" && /^#[0-9a-f]{6}$/i.test(brand.color) ? brand.color : null;
  const logoUrl = typeof brand.logoUrl === "string" && /^https:\/\/\S+$/.test(brand.logoUrl) ? brand.logoUrl : null;
  return { name, color, logoUrl };
}

/**
 * The order a portal token points at, read inside its tenant. Any failure (bad signature,
 * expired, an order that is gone) is the same 404. Shared with the portal's returns routes.
 */
export async function openPortalOrder(c: Context<AppEnv>, token: string | undefined): Promise<PortalOrderScope> {
  const claims = readPortalToken(token, c.var.deps.sessionSecret);
  if (!claims) throw new ApiError("not_found", LINK_NOT_FOUND);
  const found = await withTenant(c.var.deps.db, claims.tenantId, async (tx) => {
    const order = await getOrderDetail(tx, claims.orderId);
    if (!order) return null;
    const [tenant, settings] = await Promise.all([getCurrentTenant(tx, claims.tenantId), getTenantSettings(tx)]);
    return tenant ? { order, merchant: readBrand(settings?.notifications, tenant.name) } : null;
  });
  if (!found) throw new ApiError("not_found", LINK_NOT_FOUND);
  return { tenantId: claims.tenantId, ...found };
}

function canChangeAddress(order: OrderDetail): boolean {
  return ADDRESS_CHANGEABLE.includes(order.status as OrderStatus);
}

/**
 * What the shopper may see: statuses as codes (the portal words them in the shopper's
 * language), the carrier's own scan text as a secondary line, never internal notes,
 * decisions, holds or costs.
 */
function shopperView(scope: PortalOrderScope, token: string) {
  const { order, merchant } = scope;
  const base = `/app/portal/orders/${encodeURIComponent(token)}`;
  const invoice = order.documents.find((d) => d.kind === "customer_invoice");
  const a = order.shippingAddress;
  return {
    token,
    orderNumber: order.externalId,
    merchant,
    status: order.status,
    placedAt: order.placedAt,
    locale: order.customer.locale,
    currency: order.currency,
    subtotal: order.subtotal,
    shippingPaid: order.shippingPaid,
    total: order.total,
    shipTo: {
      name: a.name,
      company: a.company ?? null,
      line1: a.line1,
      line2: a.line2 ?? null,
      city: a.city,
      region: a.region ?? null,
      postalCode: a.postalCode ?? null,
      country: a.country,
      phone: a.phone ?? null,
    },
    lines: order.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPrice: l.unitPrice })),
    shipments: order.shipments
      .filter((s) => s.trackingNumber && s.status !== "voided")
      .map((s) => ({
        carrier: s.carrier,
        carrierName: CARRIER_NAMES[s.carrier] ?? s.carrier,
        trackingNumber: s.trackingNumber,
        status: s.trackingStatus ?? null,
        estimatedDelivery: s.estimatedDelivery ?? null,
        labelCreatedAt: s.labelCreatedAt,
        deliveredAt: s.deliveredAt,
        events: [...s.tracking]
          .sort((x, y) => x.at.localeCompare(y.at))
          .map((e) => ({
            at: e.at,
            status: e.status,
            code: e.code ?? null,
            description: e.description ?? null,
            location: e.location ? { city: e.location.city ?? null, country: e.location.country ?? null } : null,
          })),
      })),
    // Order milestones as status codes only; internal messages (risk, staff notes) stay internal.
    timeline: order.timeline.map((t) => ({ at: t.at, status: t.status })),
    address: { changeable: canChangeAddress(order) },
    invoiceUrl: invoice ? `${base}/invoice` : null,
    returnsUrl: `${base}/returns/options`,
  };
}

export type PortalOrderView = ReturnType<typeof shopperView>;

portalRoutes.post("/lookup", rateLimit({ limit: 20, windowMs: 60_000 }), async (c) => {
  const parsed = Lookup.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError("validation_failed", "Enter your order number and e-mail", zodDetails(parsed.error));
  const found = await findOrderForShopper(c.var.deps.db, parsed.data.orderNumber, parsed.data.email);
  // One answer for a wrong number and a wrong e-mail, so neither can be probed alone.
  if (!found) throw new ApiError("not_found", "We could not find an order with that number and e-mail");
  const { order, merchantName, tenantId } = found;
  return c.json({
    token: createPortalToken({ tenantId, orderId: order.id }, c.var.deps.sessionSecret),
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
    timeline: order.timeline.map((t) => ({ at: t.at, status: t.status, message: null })),
  });
});

portalRoutes.get("/orders/:token", async (c) => {
  const token = c.req.param("token");
  const scope = await openPortalOrder(c, token);
  c.header("cache-control", "private, no-store");
  return c.json(shopperView(scope, token));
});

const ChangeAddress = z.object({ address: Address, note: z.string().trim().max(500).optional() });

/** A new delivery address while the parcel has not left: the label is voided and the order runs again. */
portalRoutes.post("/orders/:token/address", rateLimit({ limit: 10, windowMs: 60_000 }), async (c) => {
  const token = c.req.param("token");
  const scope = await openPortalOrder(c, token);
  const parsed = ChangeAddress.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError("validation_failed", "Check the highlighted fields", zodDetails(parsed.error));
  // The obvious mistakes are answered here, per field; subtler ones put the order on hold in the pipeline.
  const problems = checkAddress(parsed.data.address).issues.filter((i) => i.severity === "error");
  if (problems.length) {
    const details = problems.map((i) => ({ path: `address.${i.field}`, message: i.message, code: i.code }));
    throw new ApiError("validation_failed", "Check the highlighted fields", details);
  }
  if (!canChangeAddress(scope.order))
    throw new ApiError("invalid_state", "The parcel is already on its way; the address can no longer change", [
      { path: "status", message: scope.order.status },
    ]);
  const { deps } = c.var;
  await changeShippingAddress(deps.db, deps.events, {
    tenantId: scope.tenantId,
    orderId: scope.order.id,
    actor: "portal:shopper",
    address: parsed.data.address,
    note: parsed.data.note,
    voidShipment: shipmentVoider(deps),
  });
  return c.json(shopperView(await openPortalOrder(c, token), token));
});

/** The shopper's invoice PDF (the customer invoice; customs papers are not theirs to download). */
portalRoutes.get("/orders/:token/invoice", async (c) => {
  const scope = await openPortalOrder(c, c.req.param("token"));
  const invoice = scope.order.documents.find((d) => d.kind === "customer_invoice");
  if (!invoice) throw new ApiError("not_found", "The invoice is not ready yet");
  return sendDocument(c, invoice.id, (fn) => withTenant(c.var.deps.db, scope.tenantId, fn));
});
