import type { ChannelAddress, ChannelOrderInput, ChannelOrderStatus, ChannelPaymentStatus } from "@crossflow/domain";
import { asArray, asObject, countryCode, type Json, joinText, MappingErrors, notAnObject, text } from "../mapping";
import type { MapOrderResult } from "../types";

const STATUS: Record<string, ChannelOrderStatus> = {
  pending: "pending",
  "checkout-draft": "pending",
  failed: "pending",
  "on-hold": "on_hold",
  processing: "open",
  completed: "shipped",
  cancelled: "cancelled",
  refunded: "refunded",
};

/** WooCommerce payment gateway ids whose transaction id Crossflow can check with the processor. */
const GATEWAY_PROVIDER: Record<string, string> = {
  stripe: "stripe",
  stripe_cc: "stripe",
  woocommerce_payments: "stripe",
  "ppcp-gateway": "paypal",
  paypal: "paypal",
  ppec_paypal: "paypal",
  cod: "cod",
  bacs: "manual",
  cheque: "manual",
};

function address(raw: unknown): ChannelAddress | undefined {
  const a = asObject(raw);
  if (!text(a.address_1) && !text(a.city) && !text(a.country)) return undefined;
  const out: ChannelAddress = {
    name: joinText(a.first_name, a.last_name),
    line1: text(a.address_1) ?? "",
    city: text(a.city) ?? "",
    country: countryCode(a.country),
  };
  const company = text(a.company);
  const line2 = text(a.address_2);
  const region = text(a.state);
  const postalCode = text(a.postcode);
  const phone = text(a.phone);
  if (company) out.company = company;
  if (line2) out.line2 = line2;
  if (region) out.region = region;
  if (postalCode) out.postalCode = postalCode;
  if (phone) out.phone = phone;
  return out;
}

function paymentStatus(o: Json, status: string): ChannelPaymentStatus {
  if (status === "refunded") return "refunded";
  if (status === "failed") return "failed";
  if (text(o.date_paid_gmt) || text(o.date_paid)) return "paid";
  if (status === "processing" || status === "completed") return "paid";
  return "pending";
}

/** `date_created_gmt` carries no zone designator; it is UTC by definition. */
function gmt(value: unknown): unknown {
  const t = text(value);
  return t && !/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? `${t}Z` : t;
}

/** An order as the WooCommerce REST API (wc/v3) and its order.* webhooks send it. */
export function mapWooCommerceOrder(payload: unknown): MapOrderResult {
  const invalid = notAnObject(payload);
  if (invalid) return invalid;
  const o = payload as Json;
  const errors = new MappingErrors();
  const currency = errors.currency("currency", o.currency);
  const lines = asArray(o.line_items).map((raw, i) => {
    const line = asObject(raw);
    const path = `line_items[${i}]`;
    const quantity = errors.integer(`${path}.quantity`, line.quantity);
    const subtotal = errors.requiredMoney(`${path}.subtotal`, line.subtotal, currency);
    const total = errors.requiredMoney(`${path}.total`, line.total, currency);
    // Woo gives line totals, not an exact unit price (its `price` is a float from a division).
    // Rounding the unit price up and counting the difference as discount keeps the line's
    // net total exactly `total`.
    const unitPrice = quantity > 0 ? Math.ceil(subtotal / quantity) : 0;
    return {
      externalLineId: text(line.id),
      sku: errors.required(`${path}.sku`, line.sku),
      title: text(line.name),
      quantity,
      unitPrice,
      tax: errors.money(`${path}.total_tax`, line.total_tax, currency),
      discount: Math.max(0, unitPrice * quantity - total),
    };
  });
  const shippingLines = asArray(o.shipping_lines).map(asObject);
  const shippingPaid = shippingLines.reduce<number>(
    (sum, s, i) => sum + errors.money(`shipping_lines[${i}].total`, s.total, currency),
    0,
  );
  const shippingTax = shippingLines.reduce<number>(
    (sum, s, i) => sum + errors.money(`shipping_lines[${i}].total_tax`, s.total_tax, currency),
    0,
  );
  const billing = address(o.billing);
  const shipping = address(o.shipping) ?? billing;
  if (!shipping) errors.add("shipping", "is required");
  const billingRaw = asObject(o.billing);
  const status = text(o.status) ?? "";
  const method = text(o.payment_method) ?? "";
  const provider = GATEWAY_PROVIDER[method] ?? "channel";
  const order: ChannelOrderInput = {
    channel: "woocommerce",
    externalId: errors.required("id", o.id),
    orderNumber: text(o.number),
    status: STATUS[status] ?? "open",
    currency,
    buyer: {
      email: text(billingRaw.email),
      name: billing?.name || shipping?.name || "",
      phone: text(billingRaw.phone),
      externalId: o.customer_id && o.customer_id !== 0 ? text(o.customer_id) : undefined,
    },
    shippingAddress: shipping ?? { name: "", line1: "", city: "", country: "" },
    billingAddress: billing,
    lines,
    shippingPaid,
    shippingTax,
    // Woo's line and shipping totals are net of tax whatever the shop's display setting.
    taxesIncluded: false,
    total: errors.money("total", o.total, currency),
    payment: {
      provider,
      reference: text(o.transaction_id),
      status: paymentStatus(o, status),
    },
    placedAt: errors.date("date_created_gmt", gmt(o.date_created_gmt ?? o.date_created)),
    updatedAt: text(o.date_modified_gmt) ? errors.date("date_modified_gmt", gmt(o.date_modified_gmt)) : undefined,
    flags: method === "cod" ? { cashOnDelivery: true } : {},
  };
  return errors.finish(order);
}
