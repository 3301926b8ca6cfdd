import type { NormalizedAddress } from "../address/types";
import type { ChannelAddress, ChannelOrder } from "./schema";

/**
 * The intake input, structurally identical to `NewOrder` in packages/db/src/queries/orders.ts
 * (domain cannot import db): keep the two in step. `shippingAddress` is the same shape as the
 * db `Address` and the domain `NormalizedAddress`.
 */
export interface IntakeOrder {
  channel: string;
  externalId: string;
  currency: string;
  customer: { email: string; name: string; phone?: string | null; locale?: string | null };
  shippingAddress: NormalizedAddress;
  billingAddress?: NormalizedAddress | null;
  lines: Array<{ sku: string; title?: string | null; quantity: number; unitPrice: number }>;
  shippingPaid: number;
  payment: { provider: string; reference?: string; status: string };
  placedAt?: Date;
}

/** The address domain .invalid (RFC 2606) marks an e-mail the channel withheld. */
export function placeholderBuyerEmail(channel: string, externalId: string): string {
  const local = `${channel}.${externalId}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .slice(0, 64);
  return `${local}@buyer.invalid`;
}

function address(a: ChannelAddress): NormalizedAddress {
  const out: NormalizedAddress = { name: a.name, line1: a.line1, city: a.city, country: a.country };
  if (a.company) out.company = a.company;
  if (a.line2) out.line2 = a.line2;
  if (a.region) out.region = a.region;
  if (a.postalCode) out.postalCode = a.postalCode;
  if (a.phone) out.phone = a.phone;
  return out;
}

/**
 * Intake stores a unit price per line and no discount, so a discount is folded into the unit
 * price. When it does not divide evenly by the quantity the line is split in two lines of the
 * same SKU whose prices differ by one minor unit, so the order's goods total stays exact.
 */
function netLines(order: ChannelOrder): IntakeOrder["lines"] {
  const lines: IntakeOrder["lines"] = [];
  for (const line of order.lines) {
    const title = line.title ?? null;
    const net = line.unitPrice * line.quantity - line.discount;
    const base = Math.floor(net / line.quantity);
    const remainder = net - base * line.quantity;
    if (remainder === 0) {
      lines.push({ sku: line.sku, title, quantity: line.quantity, unitPrice: base });
    } else {
      lines.push({ sku: line.sku, title, quantity: remainder, unitPrice: base + 1 });
      lines.push({ sku: line.sku, title, quantity: line.quantity - remainder, unitPrice: base });
    }
  }
  return lines;
}

/** A validated channel order as the intake input (`NewOrder`) the db's createOrder takes. */
export function toNewOrder(order: ChannelOrder): IntakeOrder {
  const name = order.buyer.name || order.shippingAddress.name || `${order.channel} buyer`;
  return {
    channel: order.channel,
    externalId: order.externalId,
    currency: order.currency,
    customer: {
      email: order.buyer.email ?? placeholderBuyerEmail(order.channel, order.externalId),
      name,
      phone: order.buyer.phone ?? order.shippingAddress.phone ?? null,
      locale: order.buyer.locale ?? null,
    },
    shippingAddress: address(order.shippingAddress),
    billingAddress: order.billingAddress ? address(order.billingAddress) : null,
    lines: netLines(order),
    shippingPaid: order.shippingPaid,
    payment: {
      provider: order.payment.provider,
      ...(order.payment.reference ? { reference: order.payment.reference } : {}),
      status: order.payment.status,
    },
    placedAt: order.placedAt,
  };
}
