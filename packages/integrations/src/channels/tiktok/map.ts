import type { ChannelOrderInput, ChannelOrderStatus } from "@crossflow/domain";
import { asArray, asObject, countryCode, type Json, joinText, MappingErrors, notAnObject, text } from "../mapping";
import type { MapOrderResult } from "../types";

const STATUS: Record<string, ChannelOrderStatus> = {
  UNPAID: "pending",
  ON_HOLD: "on_hold",
  AWAITING_SHIPMENT: "open",
  PARTIALLY_SHIPPING: "partially_shipped",
  AWAITING_COLLECTION: "open",
  IN_TRANSIT: "shipped",
  DELIVERED: "delivered",
  COMPLETED: "delivered",
  CANCELLED: "cancelled",
};

/**
 * An order from Get Order Detail / Search Orders (202309). TikTok lists one line item per
 * unit; units of the same SKU at the same price become one line whose externalLineId keeps
 * every unit's id (comma-separated), which is what shipping them needs.
 */
export function mapTikTokOrder(payload: unknown): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = payload as Json;
  const errors = new MappingErrors();
  const payment = asObject(o.payment);
  const currency = errors.currency("payment.currency", payment.currency);
  const grouped = new Map<
    string,
    { ids: string[]; sku: string; title?: string; quantity: number; unitPrice: number; tax: number; discount: number }
  >();
  asArray(o.line_items).forEach((raw, i) => {
    const item = asObject(raw);
    const path = `line_items[${i}]`;
    const sku = errors.required(`${path}.seller_sku`, item.seller_sku);
    const original = errors.requiredMoney(`${path}.original_price`, item.original_price, currency);
    const sale = errors.requiredMoney(`${path}.sale_price`, item.sale_price, currency);
    const tax = asArray(item.item_tax).reduce<number>(
      (sum, t, j) => sum + errors.money(`${path}.item_tax[${j}].tax_amount`, asObject(t).tax_amount, currency),
      0,
    );
    const key = `${sku}|${original}|${sale}`;
    const line = grouped.get(key) ?? {
      ids: [],
      sku,
      title: joinText(item.product_name, item.sku_name ? `(${text(item.sku_name)})` : undefined) || undefined,
      quantity: 0,
      unitPrice: original,
      tax: 0,
      discount: 0,
    };
    const id = text(item.id);
    if (id) line.ids.push(id);
    line.quantity += 1;
    line.tax += tax;
    line.discount += Math.max(0, original - sale);
    grouped.set(key, line);
  });
  const address = asObject(o.recipient_address);
  const districts = asArray(address.district_info).map(asObject);
  const level = (n: string) => text(districts.find((d) => text(d.address_level) === n)?.address_name);
  const city =
    text(districts.find((d) => /city|town/i.test(text(d.address_level_name) ?? ""))?.address_name) ??
    level("L3") ??
    level("L2");
  const line2 = [text(address.address_line2), text(address.address_line3), text(address.address_line4)]
    .filter(Boolean)
    .join(", ");
  const region = level("L1");
  const postalCode = text(address.postal_code);
  const phone = text(address.phone_number);
  const name = text(address.name) ?? joinText(address.first_name, address.last_name);
  const status = text(o.status) ?? "";
  const order: ChannelOrderInput = {
    channel: "tiktok",
    externalId: errors.required("id", o.id),
    orderNumber: text(o.id),
    status: STATUS[status] ?? "open",
    currency,
    buyer: { email: text(o.buyer_email), name, externalId: text(o.user_id) },
    shippingAddress: {
      name,
      line1: text(address.address_line1) ?? text(address.address_detail) ?? "",
      ...(line2 ? { line2 } : {}),
      city: city ?? "",
      ...(region ? { region } : {}),
      ...(postalCode ? { postalCode } : {}),
      country: countryCode(address.region_code),
      ...(phone ? { phone } : {}),
    },
    lines: [...grouped.values()].map(({ ids, ...line }) => ({ ...line, externalLineId: ids.join(",") || undefined })),
    shippingPaid: errors.money("payment.shipping_fee", payment.shipping_fee, currency),
    shippingTax: errors.money("payment.shipping_fee_tax", payment.shipping_fee_tax, currency),
    // US TikTok Shop prices are before sales tax; elsewhere (UK, EU, SEA) they include VAT.
    taxesIncluded: countryCode(address.region_code) !== "US",
    total: errors.money("payment.total_amount", payment.total_amount, currency),
    payment: {
      provider: "tiktok_shop",
      reference: text(o.id),
      status: status === "UNPAID" || status === "CANCELLED" ? "pending" : "paid",
    },
    placedAt: errors.date("create_time", o.create_time, "epochSeconds"),
    updatedAt: o.update_time === undefined ? undefined : errors.date("update_time", o.update_time, "epochSeconds"),
    flags: {
      ...(text(o.fulfillment_type) === "FULFILLMENT_BY_TIKTOK" ? { tiktokFulfilled: true } : {}),
      ...(text(o.shipping_type) === "TIKTOK" ? { tiktokShipping: true } : {}),
      ...(o.is_cod === true ? { cashOnDelivery: true } : {}),
    },
  };
  return errors.finish(order);
}
